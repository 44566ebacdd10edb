import type { Server } from 'node:http';
import { LogLevel, type App } from '@slack/bolt';
import type { Config } from '../config';
import type { BotLogger } from './logger';

const DRAIN_TIMEOUT_MS = 10_000;

export interface Lifecycle {
  /** Starts listening; in HTTP mode resolves to the port actually bound. */
  start(): Promise<{ port?: number }>;
  /** Stops accepting requests, waits for answers in flight (up to 10 s), then resolves. */
  stop(): Promise<void>;
}

export function lifecycle(app: App, config: Config, inFlight: () => number, logger: BotLogger, now: () => number): Lifecycle {
  return {
    async start() {
      const started = (await app.start(config.port)) as unknown;
      const address = config.mode === 'http' ? (started as Server).address() : null;
      return { port: address && typeof address === 'object' ? address.port : undefined };
    },
    async stop() {
      const waitedFor = inFlight();
      await app.stop();
      const deadline = now() + DRAIN_TIMEOUT_MS;
      while (inFlight() > 0 && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      logger.event(LogLevel.INFO, 'stopped', { waitedFor, unfinished: inFlight() });
    },
  };
}

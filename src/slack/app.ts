import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Config } from '../config';
import type { Engine } from '../engine/engine';
import { registerListeners } from './listeners';
import type { BotDeps } from './listeners/types';
import type { BotLogger } from './logger';
import { RecentKeys } from './recent';

export const EVENTS_PATH = '/slack/events';

export interface Bot {
  app: App;
  /** Starts listening; in HTTP mode resolves to the port actually bound. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/** Web API client settings: bounded retries (Bolt's default keeps retrying for ~30 minutes) and a timeout. */
function clientOptions(config: Config) {
  return {
    ...(config.apiUrl && { slackApiUrl: config.apiUrl }),
    timeout: config.apiTimeoutMs,
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true },
  };
}

function createReceiver(config: Config, engine: Engine, logger: BotLogger): Receiver {
  if (config.mode === 'socket') {
    return new SocketModeReceiver({
      appToken: config.appToken!,
      logger,
      installerOptions: { clientOptions: clientOptions(config) },
    });
  }
  return new HTTPReceiver({
    signingSecret: config.signingSecret!,
    endpoints: EVENTS_PATH,
    logger,
    processBeforeResponse: false,
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: true, facts: engine.facts.length, sources: engine.knowledge.sources.length, knowledge: engine.knowledge.fingerprint }));
        },
      },
    ],
  });
}

export function createBot({ config, engine, logger }: { config: Config; engine: Engine; logger: BotLogger }): Bot {
  const receiver = createReceiver(config, engine, logger);
  const app = new App({ token: config.botToken, receiver, logger, clientOptions: clientOptions(config) });
  const deps: BotDeps = {
    engine,
    logger,
    feedbackLog: config.feedbackLog,
    logQuestions: config.logQuestions,
    autoAnswerChannels: config.autoAnswerChannels,
    answeredMessages: new RecentKeys(),
  };

  // Slack redelivers an event it thinks was lost (same event_id, X-Slack-Retry-Num): answer it once.
  const deliveries = new RecentKeys();
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !deliveries.firstTime(eventId)) {
      logger.event(LogLevel.DEBUG, 'duplicate_delivery', { eventId });
      return;
    }
    await next();
  });
  registerListeners(app, deps);
  app.error(async (error) => {
    const code = (error as { code?: string; data?: { error?: string }; original?: { data?: { error?: string } } });
    logger.event(LogLevel.ERROR, 'listener_error', {
      error: error.message,
      code: code.code,
      slackError: code.data?.error ?? code.original?.data?.error,
    });
  });

  return {
    app,
    async start() {
      const started = (await app.start(config.port)) as unknown;
      const address = config.mode === 'http' ? (started as Server).address() : null;
      return { port: address && typeof address === 'object' ? address.port : undefined };
    },
    stop: () => app.stop() as Promise<void>,
  };
}

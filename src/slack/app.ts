import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Config } from '../config';
import type { EngineHolder } from '../knowledge/engine-holder';
import { guards } from './guards';
import { registerListeners } from './listeners';
import type { BotDeps } from './listeners/types';
import type { BotLogger } from './logger';
import { slackErrorCode } from './post';
import { RecentKeys } from './recent';

export const EVENTS_PATH = '/slack/events';
/** Bolt rejects requests older than 5 minutes; a timestamp this far ahead is as suspect. */
const MAX_FUTURE_SKEW_S = 5 * 60;
const DRAIN_TIMEOUT_MS = 10_000;

export interface Bot {
  app: App;
  /** Starts listening; in HTTP mode resolves to the port actually bound. */
  start(): Promise<{ port?: number }>;
  /** Stops accepting requests, waits for answers in flight (up to 10 s), then resolves. */
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

/** Rejects requests stamped more than 5 minutes in the future before Bolt (which checks only the past) sees them. */
function rejectFutureTimestamps(receiver: HTTPReceiver, logger: BotLogger, now: () => number): void {
  const next = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const stamp = Number(req.headers['x-slack-request-timestamp']);
    if (req.method === 'POST' && Number.isFinite(stamp) && stamp - now() / 1000 > MAX_FUTURE_SKEW_S) {
      logger.event(LogLevel.WARN, 'request_rejected', { reason: 'timestamp in the future', path: req.url });
      res.writeHead(401).end();
      return;
    }
    next(req, res);
  };
}

// reload (issue #8 §3): the engine in service comes from `engines` (reloads swap it there); /healthz reports its status.
export function createBot({ config, engines, logger, now = Date.now }: { config: Config; engines: EngineHolder; logger: BotLogger; now?: () => number }): Bot {
  const deps: BotDeps = {
    engines,
    logger,
    feedbackLog: config.feedbackLog,
    logQuestions: config.logQuestions,
    autoAnswerChannels: config.autoAnswerChannels,
    answeredMessages: new RecentKeys(),
  };

  let receiver: Receiver;
  if (config.mode === 'socket') {
    receiver = new SocketModeReceiver({ appToken: config.appToken!, logger, installerOptions: { clientOptions: clientOptions(config) } });
  } else {
    const http = new HTTPReceiver({
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
            const engine = engines.current();
            res.end(JSON.stringify({ ok: true, facts: engine.facts.length, sources: engine.knowledge.sources.length, knowledge: engines.status() }));
          },
        },
      ],
    });
    rejectFutureTimestamps(http, logger, now);
    receiver = http;
  }
  const app = new App({ token: config.botToken, receiver, logger, clientOptions: clientOptions(config) });

  // Answers in flight, so that stop() can let them finish.
  let inFlight = 0;
  app.use(async ({ next }) => {
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  });
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
  app.use(guards({ allowedTeams: config.allowedTeams, allowedChannels: config.allowedChannels, rateLimitPerMinute: config.rateLimitPerMinute, logger, now }));
  registerListeners(app, deps);
  // A listener that throws is logged here; Bolt has already acked, and the next request is served as usual.
  app.error(async (error) => {
    logger.event(LogLevel.ERROR, 'listener_error', { error: error.message, code: slackErrorCode(error) });
  });

  return {
    app,
    async start() {
      const started = (await app.start(config.port)) as unknown;
      const address = config.mode === 'http' ? (started as Server).address() : null;
      return { port: address && typeof address === 'object' ? address.port : undefined };
    },
    async stop() {
      const waitedFor = inFlight;
      await app.stop();
      const deadline = now() + DRAIN_TIMEOUT_MS;
      while (inFlight > 0 && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      logger.event(LogLevel.INFO, 'stopped', { waitedFor, unfinished: inFlight });
    },
  };
}

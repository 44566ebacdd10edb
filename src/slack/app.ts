import { App, LogLevel } from '@slack/bolt';
import type { Config } from '../config';
import type { EngineHolder } from '../knowledge/engine-holder';
import { guards } from './guards';
import { lifecycle, type Lifecycle } from './lifecycle';
import { registerListeners } from './listeners';
import type { BotDeps } from './listeners/types';
import type { BotLogger } from './logger';
import { dedupeDeliveries, inFlightCounter } from './middleware';
import { slackErrorCode } from './post';
import { clientOptions, createReceiver } from './receiver';
import { RecentKeys } from './recent';
import { ThreadMemory } from './thread-memory';
import type { BotIdentity } from './startup-checks';

export interface Bot extends Lifecycle {
  app: App;
}

export interface BotOptions {
  config: Config;
  /** The engine in service; reloads swap it there, and /healthz reports its status. */
  engines: EngineHolder;
  logger: BotLogger;
  /** From the start-up auth.test, so Bolt does not call it again (and fail unhandled). */
  identity: BotIdentity;
  now?: () => number;
}

/** Wiring only: receiver, middleware in order, guards, listeners, lifecycle. */
export function createBot({ config, engines, logger, identity, now = Date.now }: BotOptions): Bot {
  const deps: BotDeps = {
    engines,
    logger,
    feedbackLog: config.feedbackLog,
    logQuestions: config.logQuestions,
    autoAnswerChannels: config.autoAnswerChannels,
    answeredMessages: new RecentKeys(),
    curators: config.curatorIds,
    expertsChannel: config.expertsChannel,
    expertThreads: new ThreadMemory(),
    answeredThreads: new ThreadMemory(),
  };
  const health = () => {
    const engine = engines.current();
    return { ok: true, facts: engine.facts.length, sources: engine.knowledge.sources.length, knowledge: engines.status() };
  };

  const receiver = createReceiver(config, logger, health, now);
  const app = new App({ token: config.botToken, botId: identity.botId, botUserId: identity.botUserId, receiver, logger, clientOptions: clientOptions(config) });
  const inFlight = inFlightCounter();
  app.use(inFlight.middleware);
  app.use(dedupeDeliveries(logger));
  app.use(guards({ allowedTeams: config.allowedTeams, allowedChannels: config.allowedChannels, rateLimitPerMinute: config.rateLimitPerMinute, logger, now }));
  registerListeners(app, deps);
  // A listener that throws is logged here; Bolt has already acked, and the next request is served as usual.
  app.error(async (error) => {
    logger.event(LogLevel.ERROR, 'listener_error', { error: error.message, code: slackErrorCode(error) });
  });

  return { app, ...lifecycle(app, config, inFlight.count, logger, now) };
}

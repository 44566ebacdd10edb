import { App, LogLevel } from '@slack/bolt';
import type { Config } from '../config';
import type { Engine } from '../engine/engine';
import { guards } from './guards';
import { lifecycle, type Lifecycle } from './lifecycle';
import { registerListeners } from './listeners';
import type { BotDeps } from './listeners/types';
import type { BotLogger } from './logger';
import { dedupeDeliveries, inFlightCounter } from './middleware';
import { slackErrorCode } from './post';
import { clientOptions, createReceiver } from './receiver';
import { RecentKeys } from './recent';
import type { BotIdentity } from './startup-checks';

export interface KnowledgeStatus {
  loadedAt: string;
  fingerprint: string;
  lastReload?: { at: string; ok: boolean; problems?: number };
}

export interface Bot extends Lifecycle {
  app: App;
  /** Puts reloaded knowledge in service for every later question. */
  replaceEngine(engine: Engine): void;
  /** Records a reload that did not validate (the previous knowledge stays in service). */
  reloadFailed(problems: number): void;
  readonly knowledge: KnowledgeStatus;
}

export interface BotOptions {
  config: Config;
  engine: Engine;
  logger: BotLogger;
  /** From the start-up auth.test, so Bolt does not call it again (and fail unhandled). */
  identity: BotIdentity;
  now?: () => number;
}

/** Wiring only: receiver, middleware in order, guards, listeners, lifecycle; and the knowledge in service. */
export function createBot({ config, engine, logger, identity, now = Date.now }: BotOptions): Bot {
  const knowledge: KnowledgeStatus = { loadedAt: new Date(now()).toISOString(), fingerprint: engine.knowledge.fingerprint };
  const deps: BotDeps = {
    engine,
    logger,
    feedbackLog: config.feedbackLog,
    logQuestions: config.logQuestions,
    autoAnswerChannels: config.autoAnswerChannels,
    answeredMessages: new RecentKeys(),
  };
  const health = () => ({ ok: true, facts: deps.engine.facts.length, sources: deps.engine.knowledge.sources.length, knowledge });

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

  return {
    app,
    knowledge,
    ...lifecycle(app, config, inFlight.count, logger, now),
    replaceEngine(next) {
      deps.engine = next;
      knowledge.fingerprint = next.knowledge.fingerprint;
      knowledge.lastReload = { at: new Date(now()).toISOString(), ok: true };
    },
    reloadFailed(problems) {
      knowledge.lastReload = { at: new Date(now()).toISOString(), ok: false, problems };
    },
  };
}

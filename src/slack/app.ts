import { App, LogLevel } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App';
import type { Config } from '../config';
import type { SemanticAnswerer } from '../engine/semantic/answerer';
import { fileFeedback, type FeedbackStore } from '../feedback/store';
import type { Installations } from '../install/installation-store';
import { oauthReceiverOptions } from '../install/oauth-options';
import type { EngineHolder } from '../knowledge/engine-holder';
import { guards } from './guards';
import { lifecycle, type Lifecycle } from './lifecycle';
import { registerListeners } from './listeners';
import type { BotDeps } from './listeners/types';
import { teamLogContext } from './log-context';
import type { BotLogger } from './logger';
import { dedupeDeliveries, inFlightCounter } from './middleware';
import { originOf } from './origin';
import { slackErrorCode } from './post';
import { clientOptions, createReceiver } from './receiver';
import { inProcessState, type SharedState } from './shared-state';
import { ThreadMemory } from './thread-memory';
import { oneATurn } from '../turns';
import type { BotIdentity } from './startup-checks';

export interface Bot extends Lifecycle {
  app: App;
}

export interface BotOptions {
  config: Config;
  /** The books in service (an engine per book); reloads swap them there, and /healthz reports their status. */
  engines: EngineHolder;
  logger: BotLogger;
  /** From the start-up auth.test, so Bolt does not call it again (and fail unhandled); none with OAuth. */
  identity?: BotIdentity;
  /** With OAuth (config.oauth), where installations are kept: required then, so Bolt never keeps them in memory. */
  installations?: Installations;
  /** Delivery claims and the rate limit; by default in this process (see openSharedState for Redis). */
  shared?: SharedState;
  /** Where 👍/👎 and unanswered questions go; by default the FEEDBACK_LOG file (see openFeedback). */
  feedback?: FeedbackStore;
  /** The semantic stage; without it questions are answered by word matching alone. */
  semantic?: SemanticAnswerer;
  now?: () => number;
}

/** Wiring only: receiver, middleware in order, guards, listeners, lifecycle. */
export function createBot({ config, engines, logger, identity, installations, semantic, now = Date.now, shared = inProcessState(config, now), feedback = fileFeedback(config.feedbackLog) }: BotOptions): Bot {
  const deps: BotDeps = {
    engines,
    logger,
    feedback,
    logQuestions: config.logQuestions,
    autoAnswerChannels: config.autoAnswerChannels,
    curators: config.curatorIds,
    expertsChannel: config.expertsChannel,
    expertThreads: new ThreadMemory(),
    answeredThreads: new ThreadMemory(),
    installations,
    turn: oneATurn(),
    ...(semantic && { semantic }),
  };
  const health = () => {
    const books = engines.current();
    const degraded = shared.degraded();
    // Ready when every book's fact vectors are; a book still preparing is answered by word matching meanwhile.
    const states = semantic ? books.all.map(({ engine }) => semantic.state(engine)) : ['off'];
    const semanticStage = states.find((s) => s !== 'ready') ?? 'ready';
    return { ok: true, ...(degraded && { status: `degraded: ${degraded}` }), ...books.totals, ...(books.several && { books: books.names }), knowledge: engines.status(), semantic: semanticStage };
  };

  const oauth = (config.oauth || installations) && oauthReceiverOptions(config, installations, logger);
  const receiver = createReceiver(config, logger, health, now, oauth);
  const single = !oauth && { token: config.botToken, botId: identity?.botId, botUserId: identity?.botUserId };
  // logLevel: without it Bolt sets the logger to info, and LOG_LEVEL=warn or error would be ignored.
  // convoStore: false: no listener reads Bolt's conversation context, which cost every event a store look-up.
  const app = new App({ ...single, receiver, logger, logLevel: logger.getLevel(), convoStore: false, clientOptions: clientOptions(config), extendedErrorHandler: true });
  const inFlight = inFlightCounter();
  app.use(teamLogContext);
  app.use(inFlight.middleware);
  app.use(dedupeDeliveries(shared.claims, logger));
  app.use(guards({ allowedTeams: config.allowedTeams, allowedChannels: config.allowedChannels, rateLimitPerMinute: config.rateLimitPerMinute, rateLimit: shared.rateLimit, logger }));
  registerListeners(app, deps);
  // A listener that throws is logged here; Bolt has already acked, and the next request is served as usual.
  app.error(async ({ error, body }: ExtendedErrorHandlerArgs) => {
    logger.event(LogLevel.ERROR, 'listener_error', { team: originOf(body).team, error: error.message, code: slackErrorCode(error) });
  });

  return { app, ...lifecycle(app, config, inFlight.count, logger, now) };
}

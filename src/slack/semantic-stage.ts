import { LogLevel } from '@slack/bolt';
import type { CacheFolder } from '../cache/cache-folder';
import { cacheVectorStore } from '../cache/vector-store';
import { SemanticAnswerer } from '../engine/semantic/answerer';
import { warmUp, type Embedder } from '../engine/semantic/embedder';
import { threadEmbedder } from '../engine/semantic/model-thread';
import type { BotLogger } from './logger';

/** How often, at most, a `semantic_busy` line says how many questions the model was too busy for. */
const BUSY_LOG_MS = 60_000;

/**
 * The bot's semantic stage: the model in a thread of its own (model-thread.ts), warmed up, fact vectors
 * in the per-user cache, one log line when they are ready or fail, and a `semantic_busy` line (at most
 * one a minute, with the count) when questions were answered by word matching because the model was
 * backed up. `load`: the model (a test's stand-in).
 */
export function semanticStage(cache: CacheFolder | undefined, logger: BotLogger, load: () => Promise<Embedder> = threadEmbedder, busyLogMs = BUSY_LOG_MS): SemanticAnswerer {
  // Warmed before the fact vectors, so no question pays for an input length the model has not seen. A
  // failed warm-up costs only speed: the model is used as it is. A failed load is tried again next time.
  let warmed: Promise<Embedder> | undefined;
  const embedder = () =>
    (warmed ??= load().then(
      (model) =>
        warmUp(model).catch((error: unknown) => {
          logger.event(LogLevel.WARN, 'semantic_warm_up_failed', { error: (error as Error).message });
          return model;
        }),
      (error: unknown) => {
        warmed = undefined;
        throw error;
      },
    ));
  return new SemanticAnswerer(embedder, {
    ...(cache && { store: cacheVectorStore(cache) }),
    onBusy: busyReporter(logger, busyLogMs),
    onVectors: (event) =>
      event.ready
        ? logger.event(LogLevel.INFO, 'semantic_ready', { facts: event.facts, ms: event.ms, cached: event.cached })
        : logger.event(LogLevel.WARN, 'semantic_unavailable', { error: event.error }),
  });
}

/**
 * Counts questions the model was too busy for: the first is logged at once, later ones as one count per
 * `everyMs` (a line per question would flood the log just when the bot is busiest).
 */
function busyReporter(logger: BotLogger, everyMs: number): () => void {
  let questions = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (questions === 0) return;
    logger.event(LogLevel.WARN, 'semantic_busy', { questions });
    questions = 0;
    timer = setTimeout(flush, everyMs).unref();
  };
  return () => {
    questions++;
    if (!timer) flush();
  };
}

import { LogLevel } from '@slack/bolt';
import type { CacheFolder } from '../cache/cache-folder';
import { cacheVectorStore } from '../cache/vector-store';
import { SemanticAnswerer } from '../engine/semantic/answerer';
import { loadEmbedder, warmUp, type Embedder } from '../engine/semantic/embedder';
import type { BotLogger } from './logger';

/**
 * The bot's semantic stage: the model warmed up, fact vectors in the per-user cache, and one log line when
 * they are ready or fail. `load`: the model (a test's stand-in).
 */
export function semanticStage(cache: CacheFolder | undefined, logger: BotLogger, load: () => Promise<Embedder> = loadEmbedder): SemanticAnswerer {
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
    onVectors: (event) =>
      event.ready
        ? logger.event(LogLevel.INFO, 'semantic_ready', { facts: event.facts, ms: event.ms, cached: event.cached })
        : logger.event(LogLevel.WARN, 'semantic_unavailable', { error: event.error }),
  });
}

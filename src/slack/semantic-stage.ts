import { LogLevel } from '@slack/bolt';
import type { CacheFolder } from '../cache/cache-folder';
import { cacheVectorStore } from '../cache/vector-store';
import { SemanticAnswerer } from '../engine/semantic/answerer';
import { loadEmbedder, warmUp, type Embedder } from '../engine/semantic/embedder';
import type { BotLogger } from './logger';

/** The bot's semantic stage: fact vectors in the per-user cache, and one log line when they are ready or fail. */
export function semanticStage(cache: CacheFolder | undefined, logger: BotLogger): SemanticAnswerer {
  // Warmed before the fact vectors, so no question pays for an input length the model has not seen.
  let warmed: Promise<Embedder> | undefined;
  const embedder = () =>
    (warmed ??= loadEmbedder()
      .then((e) => warmUp(e))
      .catch((error: unknown) => {
        warmed = undefined;
        throw error;
      }));
  return new SemanticAnswerer(embedder, {
    ...(cache && { store: cacheVectorStore(cache) }),
    onVectors: (event) =>
      event.ready
        ? logger.event(LogLevel.INFO, 'semantic_ready', { facts: event.facts, ms: event.ms, cached: event.cached })
        : logger.event(LogLevel.WARN, 'semantic_unavailable', { error: event.error }),
  });
}

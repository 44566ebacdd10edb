import type { VectorStore } from '../engine/semantic/answerer';
import type { CacheFolder } from './cache-folder';
import { readVectorsCache, writeVectorsCache } from './store';

/** The semantic stage's fact vectors kept in the per-user cache (sealed like the index). */
export function cacheVectorStore(cache: CacheFolder): VectorStore {
  return {
    read: (fingerprint, embedder) => readVectorsCache(cache, fingerprint, embedder),
    write: (fingerprint, vectors) => writeVectorsCache(cache, fingerprint, vectors),
  };
}

import { createEngine, type Engine } from '../engine/engine';
import { buildIndex, indexParts, restoreIndex, type BuiltIndex } from '../engine/index-builder';
import { loadKnowledge } from '../knowledge/load';
import type { Problem } from '../knowledge/problems';
import type { KnowledgeBase } from '../knowledge/schema';
import type { CacheFolder } from './cache-folder';
import { readIndexCache, writeIndexCache } from './store';

export type IndexedResult = { ok: true; knowledge: KnowledgeBase; index: BuiltIndex } | { ok: false; problems: Problem[] };

function cachedIndex(cache: CacheFolder, knowledge: KnowledgeBase): BuiltIndex | undefined {
  const parts = readIndexCache(cache, knowledge.fingerprint);
  try {
    return parts && restoreIndex(parts, knowledge.aliases);
  } catch {
    return undefined;
  }
}

/** Validated knowledge and its built index, each from the cache when these exact files were loaded before. */
export function loadIndexed(dir: string, cwd: string, cache: CacheFolder | undefined): IndexedResult {
  const result = loadKnowledge(dir, cwd, { cache });
  if (!result.ok) return result;
  const { knowledge } = result;
  const cached = cache && cachedIndex(cache, knowledge);
  if (cached) return { ok: true, knowledge, index: cached };
  const index = buildIndex(knowledge.facts, knowledge.aliases);
  if (cache) writeIndexCache(cache, knowledge.fingerprint, indexParts(index));
  return { ok: true, knowledge, index };
}

/** The engine over the knowledge in `dir`, as the bot and `brief` start it: through the same cache. */
export function loadEngine(
  dir: string,
  cwd: string,
  cache: CacheFolder | undefined,
): { ok: true; engine: Engine; knowledge: KnowledgeBase } | { ok: false; problems: Problem[] } {
  const result = loadIndexed(dir, cwd, cache);
  return result.ok ? { ok: true, engine: createEngine(result.knowledge, { prebuilt: result.index }), knowledge: result.knowledge } : result;
}

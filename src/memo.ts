/** Words remembered per look-up kind; a long-running bot sees ever new words, so a memo is emptied past this. */
const MEMO_LIMIT = 50_000;

/**
 * `compute()`, remembered in `cache` under `key` (the engine's and the lexicon's look-ups): past `limit`
 * entries the cache is emptied and starts again rather than grow.
 */
export function memo<K, T>(cache: Map<K, T>, key: K, compute: () => T, limit = MEMO_LIMIT): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= limit) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}

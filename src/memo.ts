/** Words remembered per look-up kind; a long-running bot sees ever new words, so a memo is emptied past this. */
const MEMO_LIMIT = 50_000;

/** `compute()`, remembered in `cache` under `key` (the engine's and the lexicon's per-word look-ups). */
export function memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= MEMO_LIMIT) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}

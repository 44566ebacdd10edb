/**
 * Uniform numbers in [0, 1) from a seed (mulberry32: small, fast, deterministic), so that what is drawn
 * (the training splits, the benchmarks' synthetic knowledge) is the same on every run and machine.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), state | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

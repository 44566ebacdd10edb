import type { FactVectors } from './fact-vectors';
import { similarities } from './fact-vectors';

/** Features the semantic stage adds to the lexical ones, in the order the semantic model expects. */
export const SEMANTIC_FEATURES = Object.freeze(['cosine', 'cosineMargin', 'cosineText', 'cosineShare'] as const);

/**
 * How sharply the share of similarity concentrates on the best facts: cosine differences of a few hundredths
 * separate an answer from a fact on the same subject. Chosen on the tuning halves (0.02 and 0.05 tried).
 */
const TEMPERATURE = 0.05;

/** Semantic features of each fact for one question, computed once per question over every fact. */
export function semanticFeatures(vectors: FactVectors, question: Float32Array): (id: number) => number[] {
  const { best, text } = similarities(vectors, question);
  let first = -Infinity;
  let second = -Infinity;
  for (const s of best) {
    if (s > first) [first, second] = [s, first];
    else if (s > second) second = s;
  }
  let total = 0;
  for (const s of best) total += Math.exp((s - first) / TEMPERATURE);
  return (id) => {
    const s = best[id]!;
    const other = s === first ? second : first;
    return [s, Number.isFinite(other) ? s - other : s, text[id]!, Math.exp((s - first) / TEMPERATURE) / total];
  };
}

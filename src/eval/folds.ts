/**
 * Out-of-fold answers, for choosing an operating point on answers no model was fitted to. One split into
 * folds is not enough: on the tuning banks the semantic threshold chosen on one split ranged from 0.64 to
 * 0.71 over eight splits (0.36–0.42 for the lexical one), so a change that moved a few questions between
 * folds moved the threshold by as much (docs/quality-log.md). Pooling the answers of several splits
 * measures the precision curve over several models per question, which steadies where it crosses.
 */

import { seededRandom } from './seeded-random';

const FOLDS = 5;
/** Splits pooled; each costs FOLDS fits (~1 s lexical, ~2 s semantic on the tuning banks). */
export const SPLITS = 8;

/**
 * The fold of each of `count` questions in split `split`: split 0 deals them out in order (question i to
 * fold i mod 5, which spreads a fact's phrasings, written one after another, over the folds); the others
 * deal a seeded shuffle of them the same way, so every fold still holds a fifth of the questions.
 */
export function foldsOf(count: number, split: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  if (split > 0) {
    // Seeded, so that the splits, and so the shipped thresholds, are reproducible.
    const random = seededRandom(split);
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  const fold = new Array<number>(count);
  order.forEach((question, position) => (fold[question] = position % FOLDS));
  return fold;
}

/**
 * Each question answered by a model fitted on the other folds, once per split (SPLITS answers per
 * question, pooled), so that a threshold chosen on these is not set on answers the model was fitted to,
 * nor on one split's luck.
 */
export function outOfFold<Q, M, A>(questions: readonly Q[], fitOn: (questions: readonly Q[]) => M, answer: (questions: readonly Q[], model: M) => A[]): A[] {
  const answers: A[] = [];
  for (let split = 0; split < SPLITS; split++) {
    const fold = foldsOf(questions.length, split);
    for (let k = 0; k < FOLDS; k++) answers.push(...answer(questions.filter((_, i) => fold[i] === k), fitOn(questions.filter((_, i) => fold[i] !== k))));
  }
  return answers;
}

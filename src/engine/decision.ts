import { ENGINE_DEFAULTS } from './config';
import { FEATURES } from './features';
import { brokenNode, compiledLogit, compiledTrees, type BoostedTrees } from './boosted-trees';
import { sigmoid } from './sigmoid';
import model from './decision-model.json';

/**
 * The answer decision: a logistic model and a boosted tree ensemble over the features of features.ts,
 * both fitted by `npm run train` (src/eval/train.ts) on the tuning questions of the banks (the tuning
 * halves and the extra tuning questions), never on the frozen test halves or the fresh held-out sets.
 * Its output, the mean of the two models' probabilities, is the probability that a fact answers the
 * question, so a score of 0.9 means "right about 9 times in 10" on held-out questions
 * (README, Quality: the reliability table).
 */
export interface DecisionModel {
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  trees: BoostedTrees;
  /** Lowest probability that counts as an answer: the operating point chosen for precision. */
  threshold: number;
  /**
   * Lowest probability of a sure answer (at least `threshold`): the operating point at a stricter precision.
   * An answer below it is given with a note to check it against its source (README, Quality: answers to check).
   */
  sure: number;
}

/**
 * Checks a model once, when it is loaded (the shipped JSON is also typed at compile time; a refit is
 * checked here too): it must match the features the engine computes, and its trees must be sound.
 */
export function checkModel(m: DecisionModel, features: readonly string[] = FEATURES, file = 'decision-model.json'): DecisionModel {
  const n = features.length;
  if (m.features.join() !== features.join() || m.mean.length !== n || m.scale.length !== n || m.weights.length !== n) {
    throw new Error(`${file} does not match the engine's features: run \`npm run train\``);
  }
  const broken = brokenNode(m.trees, n);
  if (broken) throw new Error(`${file} has a broken tree ensemble (${broken}): run \`npm run train\``);
  if (!(m.sure >= m.threshold && m.sure <= 1)) throw new Error(`${file} has no sure point between its threshold and 1: run \`npm run train\``);
  return m;
}

export const DECISION_MODEL: DecisionModel = checkModel(model);

export function probability(values: readonly number[], m: DecisionModel = DECISION_MODEL): number {
  let z = m.bias;
  for (let i = 0; i < values.length; i++) z += m.weights[i]! * ((values[i]! - m.mean[i]!) / (m.scale[i] || 1));
  // Averaging the two: the trees alone ranked worse out of fold, the pair was better than either (docs/quality-log.md).
  return (sigmoid(z) + sigmoid(compiledLogit(compiledTrees(m.trees), values))) / 2;
}

/** Whether the features hold evidence that rules the fact out (ENGINE_DEFAULTS.vetoes). */
export function vetoed(values: readonly number[], m: DecisionModel = DECISION_MODEL): boolean {
  return ENGINE_DEFAULTS.vetoes.features.some((name) => values[m.features.indexOf(name)]! > 0);
}

/**
 * The probability an answer is decided and shown with: the model's, scaled down when the features rule the
 * fact out, or the question restates a phrasing the fact is recorded not to answer (not-answered.ts). Candidates are still ordered by the model's own probability (vetoing in the ordering cost
 * StackFAQ title + answer 0.003).
 */
export function answerProbability(values: readonly number[], m: DecisionModel = DECISION_MODEL, p = probability(values, m), notAnswered = false): number {
  return notAnswered || vetoed(values, m) ? p * ENGINE_DEFAULTS.vetoes.factor : p;
}

/**
 * `toCheck` for an answer given with `best` when it is one to check against its source: below the model's sure
 * point, where answers were wrong more often out of fold. A question asked as a fact stores it, or asking for an overview of
 * the subject a stored question defines, is sure (restated.ts, overview.ts).
 */
export const checkFlag = (answered: boolean, best: { probability: number; restated?: true } | undefined, m: DecisionModel): { toCheck?: true } =>
  answered && best && !best.restated && best.probability < m.sure ? { toCheck: true } : {};

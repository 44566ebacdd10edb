import { sigmoid } from '../engine/sigmoid';

/** One training example: features, label (1 = right answer), weight. */
export interface Row {
  x: readonly number[];
  y: number;
  w?: number;
  /** The question restates one of the candidate's `does_not_answer` phrasings (engine/not-answered.ts): not a feature, a veto. */
  ruledOut?: true;
}

export interface Fitted {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/**
 * Weighted logistic regression by full-batch gradient descent on standardised features, with L2
 * regularisation. A few thousand rows and a dozen features: small enough that a plain, dependable
 * method beats pulling in a numerical library.
 */
export function fitLogistic(
  rows: readonly Row[],
  options: { l2: number; iterations: number; rate: number },
): Fitted {
  const d = rows[0]?.x.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  let total = 0;
  for (const r of rows) {
    const w = r.w ?? 1;
    total += w;
    r.x.forEach((v, i) => (mean[i]! += w * v));
  }
  for (let i = 0; i < d; i++) mean[i]! /= total || 1;
  for (const r of rows) r.x.forEach((v, i) => (scale[i]! += (r.w ?? 1) * (v - mean[i]!) ** 2));
  for (let i = 0; i < d; i++) scale[i] = Math.sqrt(scale[i]! / (total || 1)) || 1;
  const xs = rows.map((r) => r.x.map((v, i) => (v - mean[i]!) / scale[i]!));

  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let it = 0; it < options.iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    rows.forEach((r, n) => {
      const x = xs[n]!;
      let z = bias;
      for (let i = 0; i < d; i++) z += weights[i]! * x[i]!;
      const error = (sigmoid(z) - r.y) * (r.w ?? 1);
      for (let i = 0; i < d; i++) grad[i]! += error * x[i]!;
      gradBias += error;
    });
    for (let i = 0; i < d; i++) weights[i]! -= options.rate * (grad[i]! / total + options.l2 * weights[i]!);
    bias -= (options.rate * gradBias) / total;
  }
  return { mean, scale, weights, bias };
}

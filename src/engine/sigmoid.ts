/**
 * Log-odds to probability. One definition for the engine and for the fitting in src/eval, so that a
 * model is trained on exactly the curve it is later read with.
 */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

import { treesLogit, type BoostedTrees, type TreeNode } from '../engine/boosted-trees';
import { sigmoid } from '../engine/sigmoid';
import type { Row } from './logistic';

export interface BoostOptions {
  /** Trees in the ensemble. */
  rounds: number;
  /** Splits from the root to a leaf. */
  depth: number;
  /** Shrinkage: each tree's leaves are scaled by it, so no one tree decides. */
  rate: number;
  /** Fewest rows a leaf may hold. */
  minLeaf: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Quantile bins per feature: at most `bins − 1` candidate thresholds. */
  bins: number;
}

/**
 * Gradient boosting of regression trees on the log loss (weighted rows), with histogram splits: each
 * feature's values are cut at quantiles once, so finding a split is a pass over the rows per node.
 * Written here, not taken from npm: the engine only evaluates trees (a 10-line loop), this fit runs only
 * in `npm run train`, and the candidates found (`decision-tree` 1.0.0's XGBoost class; `catboost`, native
 * bindings that only apply models) are neither small nor long kept.
 */
export function fitBoostedTrees(rows: readonly Row[], options: BoostOptions): BoostedTrees {
  const n = rows.length;
  const d = rows[0]?.x.length ?? 0;
  // A NaN would sort and bin one way here and branch the other way in treesLogit.
  if (rows.some((r) => r.x.some((v) => !Number.isFinite(v)))) throw new Error('fitBoostedTrees: every feature value must be a finite number');
  const cuts = Array.from({ length: d }, (_, j) => quantileCuts(rows.map((r) => r.x[j]!), options.bins));
  // bin[j][i] = how many of feature j's cuts lie below row i's value: x <= cuts[k] exactly when bin <= k.
  const bin = cuts.map((c, j) => Int32Array.from(rows, (r) => countBelow(c, r.x[j]!)));
  const weight = rows.map((r) => r.w ?? 1);
  let positive = 0;
  let total = 0;
  rows.forEach((r, i) => {
    positive += weight[i]! * r.y;
    total += weight[i]!;
  });
  const rate = Math.min(0.99, Math.max(0.01, positive / (total || 1)));
  const base = Math.log(rate / (1 - rate));
  const logit = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: TreeNode[][] = [];
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(logit[i]!);
      g[i] = weight[i]! * (p - rows[i]!.y);
      h[i] = weight[i]! * p * (1 - p);
    }
    const tree: TreeNode[] = [];
    grow(tree, all, 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) logit[i] = logit[i]! + treesLogit({ base: 0, trees: [tree] }, rows[i]!.x);
  }
  return { base, trees };

  function grow(tree: TreeNode[], members: Int32Array, level: number): number {
    const at = tree.length;
    let G = 0;
    let H = 0;
    for (const i of members) {
      G += g[i]!;
      H += h[i]!;
    }
    tree.push([(-G / (H + options.lambda)) * options.rate]);
    const split = level < options.depth ? bestSplit(members, G, H) : undefined;
    if (!split) return at;
    const { feature, cut } = split;
    const left = members.filter((i) => bin[feature]![i]! <= cut);
    const right = members.filter((i) => bin[feature]![i]! > cut);
    const l = grow(tree, left, level + 1);
    const r = grow(tree, right, level + 1);
    tree[at] = [feature, cuts[feature]![cut]!, l, r];
    return at;
  }

  function bestSplit(members: Int32Array, G: number, H: number): { feature: number; cut: number } | undefined {
    const score = (gs: number, hs: number) => (gs * gs) / (hs + options.lambda);
    let best: { feature: number; cut: number; gain: number } | undefined;
    for (let j = 0; j < d; j++) {
      const width = cuts[j]!.length + 1;
      const gb = new Float64Array(width);
      const hb = new Float64Array(width);
      const nb = new Int32Array(width);
      for (const i of members) {
        const b = bin[j]![i]!;
        gb[b]! += g[i]!;
        hb[b]! += h[i]!;
        nb[b]!++;
      }
      let gl = 0;
      let hl = 0;
      let nl = 0;
      for (let k = 0; k < width - 1; k++) {
        gl += gb[k]!;
        hl += hb[k]!;
        nl += nb[k]!;
        if (nl < options.minLeaf || members.length - nl < options.minLeaf) continue;
        const gain = score(gl, hl) + score(G - gl, H - hl) - score(G, H);
        if (gain > 1e-9 && (!best || gain > best.gain)) best = { feature: j, cut: k, gain };
      }
    }
    return best;
  }
}

/** Thresholds halfway between a quantile value and the next larger value, so printing a model rounds no row across one. */
function quantileCuts(values: number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const cuts = new Set<number>();
  for (let b = 1; b < bins; b++) {
    const v = sorted[Math.floor((b * sorted.length) / bins)]!;
    const next = sorted.find((x) => x > v);
    if (next !== undefined) cuts.add((v + next) / 2);
  }
  return [...cuts].sort((a, b) => a - b);
}

function countBelow(cuts: readonly number[], x: number): number {
  let k = 0;
  while (k < cuts.length && cuts[k]! < x) k++;
  return k;
}

/**
 * Ensembles averaged as one: their trees side by side, each leaf scaled by 1 / their number, and their
 * mean base. Its log-odds are the mean of theirs, so the engine evaluates it as any other ensemble.
 */
export function averagedTrees(ensembles: readonly BoostedTrees[]): BoostedTrees {
  const share = 1 / ensembles.length;
  return {
    base: ensembles.reduce((sum, e) => sum + e.base, 0) * share,
    trees: ensembles.flatMap((e) => e.trees.map((tree) => tree.map((node) => (node.length === 1 ? [node[0]! * share] : node)))),
  };
}

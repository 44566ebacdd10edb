/**
 * A boosted tree ensemble over the decision features, fitted by `npm run train` (src/eval/boost.ts).
 * A logistic model only adds evidence up; the trees see interactions it cannot, such as "a strong
 * topical match but the wrong kind of answer". Each tree is a flat list of nodes, the root first:
 * `[feature, threshold, left, right]` splits (`value <= threshold` goes left), `[value]` is a leaf.
 */
export type TreeNode = readonly number[];

export interface BoostedTrees {
  /** Log-odds before any tree: the base rate of right answers. */
  base: number;
  trees: ReadonlyArray<readonly TreeNode[]>;
}

/** The ensemble's log-odds for these feature values. Trusts `brokenNode`: children come later, so it ends. */
export function treesLogit(ensemble: BoostedTrees, values: readonly number[]): number {
  let z = ensemble.base;
  for (const tree of ensemble.trees) {
    let node = tree[0]!;
    while (node.length === 4) node = tree[values[node[0]!]! <= node[1]! ? node[2]! : node[3]!]!;
    z += node[0]!;
  }
  return z;
}

/**
 * What is wrong with an ensemble's structure, or undefined. Values need no check here: the shipped JSON
 * is typed at compile time (a `null` or a string does not build) and JSON cannot hold NaN or Infinity.
 * Plain loops and comparisons: this runs on ~3,000 nodes at every start, before the JIT has warmed up.
 */
export function brokenNode(ensemble: BoostedTrees | undefined, features: number): string | undefined {
  if (!ensemble || typeof ensemble.base !== 'number' || !Array.isArray(ensemble.trees)) return 'no base log-odds or tree list';
  for (let t = 0; t < ensemble.trees.length; t++) {
    const tree = ensemble.trees[t]!;
    const size = tree.length;
    if (size === 0) return `tree ${t + 1} has no nodes`;
    for (let i = 0; i < size; i++) {
      const node = tree[i]!;
      if (node.length === 1) continue;
      const feature = node[0]!;
      const left = node[2]!;
      const right = node[3]!;
      const sound = node.length === 4 && feature >= 0 && feature < features && feature % 1 === 0;
      if (sound && left > i && left < size && left % 1 === 0 && right > i && right < size && right % 1 === 0) continue;
      const at = `tree ${t + 1}, node ${i + 1}`;
      if (node.length !== 4) return `${at} is neither [value] nor [feature, threshold, left, right]`;
      if (!sound) return `${at} splits on feature ${feature + 1} of ${features}`;
      const child = left > i && left < size && left % 1 === 0 ? right : left;
      return `${at} points to node ${child + 1}, not a later node of its tree`;
    }
  }
  return undefined;
}

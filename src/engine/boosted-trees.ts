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

/** The ensemble's log-odds that the fact with these feature values answers the question. */
export function treesLogit(ensemble: BoostedTrees, values: readonly number[]): number {
  let z = ensemble.base;
  for (const tree of ensemble.trees) {
    let node = tree[0]!;
    while (node.length === 4) node = tree[values[node[0]!]! <= node[1]! ? node[2]! : node[3]!]!;
    z += node[0]!;
  }
  return z;
}

/** Throws unless every node is a leaf or a split on one of `features` whose children come later in its tree. */
export function checkTrees(ensemble: BoostedTrees, features: number, file: string): void {
  const child = (c: number | undefined, i: number, size: number) => Number.isInteger(c) && c! > i && c! < size;
  const sound = (node: TreeNode, i: number, size: number) =>
    node.length === 1 || (node.length === 4 && Number.isInteger(node[0]) && node[0]! >= 0 && node[0]! < features && child(node[2], i, size) && child(node[3], i, size));
  const broken = ensemble.trees.some((tree) => tree.length === 0 || tree.some((node, i) => !sound(node, i, tree.length)));
  if (broken) throw new Error(`${file} has a tree that does not match the engine's features: run \`npm run train\``);
}

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

/**
 * The ensemble's log-odds for these feature values, read from the nodes as fitted (training adds a tree at a
 * time; the engine evaluates `compiledTrees`). Trusts `brokenNode`: children come later, so it ends.
 */
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
 * An ensemble as the engine evaluates it on every candidate: one typed array per node field, the trees
 * one after another. Following the nested JSON nodes cost ~3.4 µs a candidate with the lexical model,
 * since their arrays mix small-integer and double element kinds; these take ~2.0 µs. Leaves have
 * feature −1 and their value in `value`.
 */
export interface CompiledTrees {
  base: number;
  roots: Int32Array;
  feature: Int32Array;
  /** A split's threshold, or a leaf's value. */
  value: Float64Array;
  left: Int32Array;
  right: Int32Array;
}

const compiled = new WeakMap<BoostedTrees, CompiledTrees>();

/** `ensemble` laid out once: the models are loaded once and never change. */
export function compiledTrees(ensemble: BoostedTrees): CompiledTrees {
  const cached = compiled.get(ensemble);
  if (cached) return cached;
  const { trees } = ensemble;
  let size = 0;
  for (const tree of trees) size += tree.length;
  const c: CompiledTrees = { base: ensemble.base, roots: new Int32Array(trees.length), feature: new Int32Array(size), value: new Float64Array(size), left: new Int32Array(size), right: new Int32Array(size) };
  // Plain loops: this runs at start-up, before the JIT has warmed up.
  for (let t = 0, at = 0; t < trees.length; at += trees[t]!.length, t++) {
    const tree = trees[t]!;
    c.roots[t] = at;
    for (let i = 0; i < tree.length; i++) {
      const node = tree[i]!;
      if (node.length === 4) {
        c.feature[at + i] = node[0]!;
        c.value[at + i] = node[1]!;
        c.left[at + i] = at + node[2]!;
        c.right[at + i] = at + node[3]!;
      } else {
        c.feature[at + i] = -1;
        c.value[at + i] = node[0]!;
      }
    }
  }
  compiled.set(ensemble, c);
  return c;
}

/**
 * `treesLogit` of the compiled ensemble: the same comparisons, the leaves added in the same order, so the same
 * number. Trusts `brokenNode` as `treesLogit` does: children come later, so it ends.
 */
export function compiledLogit(c: CompiledTrees, values: readonly number[]): number {
  const { roots, feature, value, left, right } = c;
  let z = c.base;
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t]!;
    for (let f = feature[node]!; f >= 0; f = feature[node]!) node = values[f]! <= value[node]! ? left[node]! : right[node]!;
    z += value[node]!;
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

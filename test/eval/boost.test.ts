import { averagedTrees, fitBoostedTrees, type BoostOptions } from '../../src/eval/boost';
import { brokenNode, compiledLogit, compiledTrees, treesLogit, type BoostedTrees, type TreeNode } from '../../src/engine/boosted-trees';
import { DECISION_MODEL } from '../../src/engine/decision';
import { semanticModel } from '../../src/engine/semantic/model';
import type { Row } from '../../src/eval/logistic';

const ONE_SPLIT: BoostOptions = { rounds: 1, depth: 1, rate: 1, minLeaf: 1, lambda: 1, bins: 4 };

function seeded(seed: number): () => number {
  return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
}

describe('averaging tree ensembles', () => {
  it('gives the mean of their log-odds, as one ensemble the engine evaluates', () => {
    const random = seeded(11);
    const rows: Row[] = Array.from({ length: 60 }, () => {
      const x = [random(), random()];
      return { x, y: random() < x[0]! ? 1 : 0 };
    });
    const options = { ...ONE_SPLIT, rounds: 8, depth: 2, bins: 8 };
    const parts = [0, 1, 2].map((b) => fitBoostedTrees(rows.filter((_, i) => i % 3 !== b), options));
    const averaged = averagedTrees(parts);
    expect(averaged.trees).toHaveLength(24);
    expect(brokenNode(averaged, 2)).toBeUndefined();
    for (const x of [[0.1, 0.9], [0.5, 0.5], [0.95, 0.2]]) {
      const mean = parts.reduce((sum, p) => sum + treesLogit(p, x), 0) / 3;
      expect(treesLogit(averaged, x)).toBeCloseTo(mean, 12);
    }
  });
});

describe('fitting boosted trees', () => {
  it('fits one split by hand: threshold halfway between values, leaves −G / (H + λ)', () => {
    // Base rate 0.5, so p = 0.5 everywhere: g = p − y = ±0.5, h = p(1 − p) = 0.25. Cutting at 1.5 puts
    // G = 1, H = 0.5 on the left: leaf −1 / 1.5; the right mirrors it.
    const rows: Row[] = [0, 1, 2, 3].map((x) => ({ x: [x], y: x >= 2 ? 1 : 0 }));
    const fitted = fitBoostedTrees(rows, ONE_SPLIT);
    expect(fitted.base).toBe(0);
    expect(fitted.trees).toHaveLength(1);
    const [root, left, right] = fitted.trees[0]!;
    expect(root).toEqual([0, 1.5, 1, 2]);
    expect(left![0]).toBeCloseTo(-2 / 3, 12);
    expect(right![0]).toBeCloseTo(2 / 3, 12);
  });

  it('starts from the weighted base rate of right answers', () => {
    const rows: Row[] = [{ x: [0], y: 1, w: 2 }, { x: [1], y: 0 }, { x: [2], y: 0 }, { x: [3], y: 0 }];
    expect(fitBoostedTrees(rows, ONE_SPLIT).base).toBeCloseTo(Math.log(2 / 3), 12);
  });

  it('treats a row of weight 2 like the same row twice', () => {
    const random = seeded(5);
    const rows: Row[] = Array.from({ length: 20 }, (_, i) => ({ x: [i, random()], y: random() < 0.4 + i / 40 ? 1 : 0 }));
    const options = { ...ONE_SPLIT, rounds: 5, depth: 2, bins: 64 };
    const weighted = fitBoostedTrees(rows.map((r, i) => ({ ...r, w: i === 7 ? 2 : 1 })), options);
    const duplicated = fitBoostedTrees([...rows, rows[7]!], options);
    expect(weighted.base).toBeCloseTo(duplicated.base, 12);
    weighted.trees.forEach((tree, t) => {
      expect(tree.map((n) => n.length)).toEqual(duplicated.trees[t]!.map((n) => n.length));
      tree.forEach((node, i) => node.forEach((v, k) => expect(v).toBeCloseTo(duplicated.trees[t]![i]![k]!, 10)));
    });
  });

  it('never makes a leaf with fewer rows than minLeaf, nor a tree deeper than asked', () => {
    const random = seeded(3);
    const rows: Row[] = Array.from({ length: 300 }, () => {
      const x = [random(), random()];
      return { x, y: random() < x[0]! * x[1]! ? 1 : 0 };
    });
    const fitted = fitBoostedTrees(rows, { rounds: 20, depth: 3, rate: 0.1, minLeaf: 25, lambda: 1, bins: 16 });
    for (const tree of fitted.trees) {
      const counts = new Map<number, number>();
      for (const r of rows) {
        let i = 0;
        let depth = 0;
        for (let node = tree[0]!; node.length === 4; node = tree[i]!, depth++) i = r.x[node[0]!]! <= node[1]! ? node[2]! : node[3]!;
        expect(depth).toBeLessThanOrEqual(3);
        counts.set(i, (counts.get(i) ?? 0) + 1);
      }
      expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(25);
    }
  });

  it('learns an interaction a logistic model cannot: right only when both signals agree', () => {
    // y = 1 exactly when a and b are both high (a strong match AND the right kind of answer), with 10 % label noise.
    const random = seeded(11);
    const rows = Array.from({ length: 1500 }, () => {
      const x = [random(), random(), random()];
      const both = x[0]! > 0.5 && x[1]! > 0.5;
      return { x, y: (random() < 0.9) === both ? 1 : 0 };
    });
    const trees = fitBoostedTrees(rows, { rounds: 100, depth: 2, rate: 0.1, minLeaf: 20, lambda: 1, bins: 16 });
    const p = (x: number[]) => 1 / (1 + Math.exp(-treesLogit(trees, x)));
    expect(p([0.9, 0.9, 0.5])).toBeGreaterThan(0.8);
    for (const x of [[0.9, 0.1, 0.5], [0.1, 0.9, 0.5], [0.1, 0.1, 0.5]]) expect(p(x)).toBeLessThan(0.2);
    // The irrelevant third feature moves nothing much.
    expect(Math.abs(p([0.9, 0.9, 0.05]) - p([0.9, 0.9, 0.95]))).toBeLessThan(0.1);
    expect(brokenNode(trees, 3)).toBeUndefined();
  });

  it('refuses feature values that are not finite numbers', () => {
    expect(() => fitBoostedTrees([{ x: [Number.NaN], y: 1 }], ONE_SPLIT)).toThrow('fitBoostedTrees: every feature value must be a finite number');
  });
});

describe('checking a tree ensemble', () => {
  const withTree = (tree: readonly TreeNode[]): BoostedTrees => ({ base: 0, trees: [[[0.1]], tree] });

  it.each([
    ['a split on a feature the model lacks', [[3, 0.5, 1, 2], [0.1], [-0.1]], 'tree 2, node 1 splits on feature 4 of 3'],
    ['a node that points to itself', [[0, 0.5, 0, 1], [0.1]], 'tree 2, node 1 points to node 1, not a later node of its tree'],
    ['a node that points back', [[0, 0.5, 1, 2], [1, 0.5, 0, 2], [0.1]], 'tree 2, node 2 points to node 1, not a later node of its tree'],
    ['a child past the end', [[0, 0.5, 1, 5], [0.1]], 'tree 2, node 1 points to node 6, not a later node of its tree'],
  ] as const)('names %s', (_, tree, message) => {
    expect(brokenNode(withTree(tree), 3)).toBe(message);
  });

  it('accepts a sound tree, which then routes values left when ≤ threshold', () => {
    const ensemble = withTree([[1, 0.5, 1, 2], [-1], [2]]);
    expect(brokenNode(ensemble, 3)).toBeUndefined();
    expect(treesLogit(ensemble, [0, 0.5, 0])).toBeCloseTo(0.1 - 1, 12);
    expect(treesLogit(ensemble, [0, 0.6, 0])).toBeCloseTo(0.1 + 2, 12);
  });
});

describe('the compiled form the engine evaluates', () => {
  it('gives exactly the nested nodes\' log-odds: fitted ensembles, values on and around their thresholds', () => {
    const random = seeded(23);
    for (let trial = 0; trial < 20; trial++) {
      const rows: Row[] = Array.from({ length: 80 }, () => {
        const x = [random(), Math.round(random() * 4), random() * 10];
        return { x, y: random() < (x[0]! + x[1]! / 4) / 2 ? 1 : 0 };
      });
      const ensemble = fitBoostedTrees(rows, { ...ONE_SPLIT, rounds: 15, depth: 1 + (trial % 3), bins: 6 });
      const thresholds = ensemble.trees.flatMap((tree) => tree.filter((node) => node.length === 4).map((node) => [node[0]!, node[1]!] as const));
      const probes = [...rows.map((r) => r.x), ...thresholds.map(([f, t]) => [0.5, 2, 5].map((v, i) => (i === f ? t : v)))];
      for (const x of probes) expect(compiledLogit(compiledTrees(ensemble), x)).toBe(treesLogit(ensemble, x));
    }
  });

  it('gives exactly the shipped models\' log-odds, compiled once per ensemble', () => {
    const random = seeded(31);
    for (const { trees, features } of [DECISION_MODEL, semanticModel()]) {
      expect(compiledTrees(trees)).toBe(compiledTrees(trees));
      for (let k = 0; k < 200; k++) {
        const x = features.map(() => (random() < 0.3 ? 0 : random() * 2));
        expect(compiledLogit(compiledTrees(trees), x)).toBe(treesLogit(trees, x));
      }
    }
  });
});

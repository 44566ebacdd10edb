import { fitLogistic } from '../../src/eval/logistic';
import { SURE_PRECISION, TUNING_BANKS, chooseThreshold, lines, trainDecision, trainSemantic } from '../../src/eval/train';
import { SEMANTIC_MODEL_FEATURES, semanticModel } from '../../src/engine/semantic/model';
import { loadEmbedder } from '../../src/engine/semantic/embedder';
import { DECISION_MODEL, answerProbability, checkModel, probability, vetoed, type DecisionModel } from '../../src/engine/decision';
import { ENGINE_DEFAULTS } from '../../src/engine/config';
import { FEATURES } from '../../src/engine/features';
import { worthListing } from '../../src/engine/explain';
import { createEngine } from '../../src/engine/engine';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';

describe('fitting the answer decision', () => {
  it('recovers a known logistic relation from data', () => {
    // y = 1 with probability σ(3x − 1): the fit must find a clearly positive slope and a negative bias.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const rows = Array.from({ length: 2000 }, () => {
      const x = random() * 2 - 0.5;
      return { x: [x], y: random() < 1 / (1 + Math.exp(-(3 * x - 1))) ? 1 : 0 };
    });
    const fit = fitLogistic(rows, { l2: 0, iterations: 1500, rate: 1 });
    const slope = fit.weights[0]! / fit.scale[0]!;
    expect(slope).toBeGreaterThan(2.4);
    expect(slope).toBeLessThan(3.6);
  });

  const tops = [
    { p: 0.95, lexical: 1, y: 1 },
    { p: 0.9, lexical: 1, y: 1 },
    { p: 0.8, lexical: 1, y: 0 },
    { p: 0.7, lexical: 1, y: 1 },
    { p: 0.6, lexical: 0.2, y: 1 },
    { p: 0.5, lexical: 1, y: 0 },
  ];

  it('chooses the threshold that answers most while keeping the precision target', () => {
    expect(chooseThreshold(tops, 0.65, 1)).toBe(0.81);
    expect(chooseThreshold(tops, 0.65, 0.75)).toBe(0.51);
  });

  it('draws the sure point where the stricter precision holds, never below the threshold', () => {
    expect(SURE_PRECISION).toBeGreaterThan(0.95);
    expect(lines(tops, 0.65, 0.75)).toEqual({ threshold: 0.51, sure: 0.81 });
    // A target stricter than the sure point's: the sure point is the threshold itself.
    expect(lines(tops, 0.65, 1)).toEqual({ threshold: 0.81, sure: 0.81 });
  });
});

/** A refit equals the shipped model: same features, threshold and tree shapes; weights, bias and tree values to `digits` decimals. */
function expectSameModel(refit: DecisionModel, shipped: DecisionModel, digits: number): void {
  expect(refit.features).toEqual(shipped.features);
  expect(refit.threshold).toBe(shipped.threshold);
  expect(refit.sure).toBe(shipped.sure);
  refit.weights.forEach((w, i) => expect(w).toBeCloseTo(shipped.weights[i]!, digits));
  expect(refit.bias).toBeCloseTo(shipped.bias, digits);
  expect(refit.trees.trees.map((t) => t.map((n) => n.length))).toEqual(shipped.trees.trees.map((t) => t.map((n) => n.length)));
  expect(refit.trees.base).toBeCloseTo(shipped.trees.base, digits);
  refit.trees.trees.forEach((tree, t) =>
    tree.forEach((node, i) => node.forEach((v, k) => expect(v).toBeCloseTo(shipped.trees.trees[t]![i]![k]!, digits))),
  );
}

describe('held-out questions stay out of the fit', () => {
  it('fits on tuning files only: never a frozen test half or a fresh held-out set', () => {
    expect(TUNING_BANKS.length).toBeGreaterThan(0);
    for (const { bank } of TUNING_BANKS) expect(bank).toMatch(/\.tune(-extra)?\.jsonl$/);
  });
});

describe('the shipped decision model', () => {
  it('is what npm run train fits on the tuning questions today (so it can be reproduced and reviewed)', () => {
    expectSameModel(trainDecision().model, DECISION_MODEL, 6);
  }, 120_000);

  it('matches the engine features and gives probabilities', () => {
    expect(() => checkModel(DECISION_MODEL)).not.toThrow();
    expect(() => checkModel({ ...DECISION_MODEL, features: [...FEATURES].reverse() })).toThrow(/npm run train/);
    const stray = { base: 0, trees: [[[FEATURES.length, 0.5, 1, 2], [0.1], [-0.1]]] };
    expect(() => checkModel({ ...DECISION_MODEL, trees: stray })).toThrow(
      `decision-model.json has a broken tree ensemble (tree 1, node 1 splits on feature ${FEATURES.length + 1} of ${FEATURES.length}): run \`npm run train\``,
    );
    expect(() => checkModel({ ...DECISION_MODEL, sure: DECISION_MODEL.threshold - 0.01 })).toThrow(
      'decision-model.json has no sure point between its threshold and 1: run `npm run train`',
    );
    const p = probability(FEATURES.map(() => 0));
    expect(p > 0 && p < 1).toBe(true);
  });

  it('names what is malformed in a model file written by an older trainer or by hand', () => {
    const broken = (trees: unknown) => () => checkModel({ ...DECISION_MODEL, trees } as unknown as DecisionModel);
    const message = (what: string) => `decision-model.json has a broken tree ensemble (${what}): run \`npm run train\``;
    expect(broken(undefined)).toThrow(message('no base log-odds or tree list'));
    expect(broken({ base: '1', trees: [] })).toThrow(message('no base log-odds or tree list'));
    expect(broken({ base: 0, trees: [[]] })).toThrow(message('tree 1 has no nodes'));
    expect(broken({ base: 0, trees: [[[0, 0.5, 1]]] })).toThrow(message('tree 1, node 1 is neither [value] nor [feature, threshold, left, right]'));
  });

  it('gives the mean of the logistic and the tree probabilities', () => {
    // Logistic part: every weight and the bias 0, so 0.5. Trees: one leaf of log-odds ln 9, so 0.9. Mean 0.7.
    const n = FEATURES.length;
    const model = checkModel({
      ...DECISION_MODEL,
      weights: new Array<number>(n).fill(0),
      bias: 0,
      trees: { base: 0, trees: [[[Math.log(9)]]] },
    });
    expect(probability(FEATURES.map(() => 0.3), model)).toBeCloseTo(0.7, 12);
  });

  it('lists as other matches only facts whose relevance shows above 0.00', () => {
    const engine = createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE));
    const [result] = engine.ask('NRF goals').results;
    expect(worthListing({ ...result!, relevance: 0.004 })).toBe(false);
    expect(worthListing({ ...result!, relevance: 0.006 })).toBe(true);
  });
});

describe('vetoes: evidence that rules a fact out scales its probability down', () => {
  const vetoes: readonly string[] = ENGINE_DEFAULTS.vetoes.features;
  const plain = FEATURES.map((f) => (vetoes.includes(f) ? 0 : 0.5));

  it.each(['typeMismatch', 'entityMissing', 'entityInCompoundOnly'])('%s > 0 multiplies the probability by the veto factor', (name) => {
    const values = plain.map((v, i) => (FEATURES[i] === name ? 1 : v));
    expect(vetoed(values)).toBe(true);
    expect(answerProbability(values)).toBeCloseTo(probability(values) * ENGINE_DEFAULTS.vetoes.factor, 12);
  });

  it('leaves the probability alone when neither holds', () => {
    expect(vetoed(plain)).toBe(false);
    expect(answerProbability(plain)).toBe(probability(plain));
  });
});

describe('the shipped semantic decision model', () => {
  it('is what npm run train fits on the tuning questions with the sentence model', async () => {
    expectSameModel((await trainSemantic(await loadEmbedder())).model, semanticModel(), 4);
  }, 180_000);

  it('must match the features the semantic stage computes', () => {
    expect(() => checkModel(semanticModel(), SEMANTIC_MODEL_FEATURES, 'semantic-model.json')).not.toThrow();
    expect(() => checkModel(semanticModel(), FEATURES, 'semantic-model.json')).toThrow('semantic-model.json does not match the engine\'s features: run `npm run train`');
  });
});

import { SPLITS, foldsOf, outOfFold } from '../../src/eval/folds';

describe('out-of-fold answers over several splits', () => {
  it('deals the questions out in order in the first split, as a single split did', () => {
    expect(foldsOf(12, 0)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1]);
  });

  it('deals each later split differently, with every fold still holding a fifth of the questions', () => {
    const splits = Array.from({ length: SPLITS }, (_, s) => foldsOf(103, s));
    for (const fold of splits) {
      const sizes = [0, 1, 2, 3, 4].map((k) => fold.filter((f) => f === k).length);
      expect(sizes).toEqual([21, 21, 21, 20, 20]);
    }
    expect(new Set(splits.map((fold) => fold.join())).size).toBe(SPLITS);
  });

  it('deals the same splits every time, so that a refit gives the same threshold', () => {
    expect(foldsOf(50, 3)).toEqual(foldsOf(50, 3));
  });

  it('answers every question once per split, each time with a model that was not fitted on it', () => {
    const questions = Array.from({ length: 23 }, (_, i) => i);
    const answers = outOfFold(
      questions,
      (fitted) => new Set(fitted),
      (asked, model) => asked.map((q) => ({ q, seenInFit: model.has(q) })),
    );
    expect(answers).toHaveLength(23 * SPLITS);
    expect(answers.some((a) => a.seenInFit)).toBe(false);
    for (const q of questions) expect(answers.filter((a) => a.q === q)).toHaveLength(SPLITS);
  });
});

import { SPLITS } from '../../src/eval/folds';
import { holdOut, type Stage } from '../../src/eval/hold-out';
import { WRITER_BANKS } from '../../src/eval/writers';
import type { Question } from '../../src/eval/train';

/** A question of the fake banks: its row holds its score and its lexical match; its label is the row's y. */
const question = (group: string, p: number, y: number, lexical = 1, outOfScope = false): Question => ({ group, weight: 1, outOfScope, rows: [{ x: [p, lexical], y }] });

/** The fake model is what it was fitted on; every answer records which model gave it, so leaks and fold models show. */
type Fitted = { groups: string[]; size: number };
const stage = (fits: Fitted[], answered: Array<{ questions: number; by: Fitted }>, gate = 0): Stage<Fitted> => ({
  fit: (qs) => {
    const model = { groups: [...new Set(qs.map((q) => q.group))].sort(), size: qs.length };
    fits.push(model);
    return model;
  },
  answers: (qs, model) => {
    answered.push({ questions: qs.length, by: model });
    return qs.map((q) => ({ p: q.rows[0]!.x[0]!, lexical: q.rows[0]!.x[1]!, y: q.rows[0]!.y }));
  },
  gate,
  target: 0.9,
});

describe('leave-one-writer-out measurement', () => {
  // Writer "a", two banks: right answers score 0.8, wrong ones 0.4, so its threshold falls between the two.
  const a = Array.from({ length: 20 }, (_, i) => question(i < 10 ? 'a1.jsonl' : 'a2.jsonl', i % 2 ? 0.8 : 0.4, i % 2));
  // Writer "b": 0.5 right (above the line), 0.35 out of scope (below), 0.45 wrong (above), 0.9 right but under the gate.
  const b = [question('b.jsonl', 0.5, 1), question('b.jsonl', 0.35, 0, 1, true), question('b.jsonl', 0.45, 0), question('b.jsonl', 0.9, 1, 0.5)];
  const questions = [...a, ...b];
  const writers = questions.map((q) => q.group[0]!);

  it('never fits on the writer it measures, neither for the model nor for its threshold', () => {
    const fits: Fitted[] = [];
    holdOut(questions, writers, 'b', stage(fits, []));
    expect(fits).toHaveLength(5 * SPLITS + 1); // five folds per split for the threshold, then the model itself
    for (const fit of fits) expect(fit.groups).toEqual(['a1.jsonl', 'a2.jsonl']);
  });

  it("answers each fold with its own model, and the held-out writer with the model fitted on all the others' questions", () => {
    const answered: Array<{ questions: number; by: Fitted }> = [];
    holdOut(questions, writers, 'b', stage([], answered));
    expect(answered.map((a) => [a.questions, a.by.size])).toEqual([...Array.from({ length: 5 * SPLITS }, () => [4, 16]), [4, 20]]);
  });

  it("answers the held-out writer at the threshold chosen on the other writer's questions", () => {
    const { threshold, outcomes } = holdOut(questions, writers, 'b', stage([], []));
    // The line falls at 0.41 (just above writer a's wrong answers): 0.5 and 0.45 are answered, 0.35 is not.
    expect(threshold).toBe(0.41);
    expect(outcomes.map((o) => o.answered)).toEqual([true, false, true, true]);
    expect(outcomes.map((o) => o.topRight)).toEqual([true, false, false, true]);
    expect(outcomes.map((o) => o.answerable)).toEqual([true, false, true, true]);
  });

  it('declines what the lexical gate stops, whatever its score', () => {
    const { outcomes } = holdOut(questions, writers, 'b', stage([], [], 0.65));
    expect(outcomes.map((o) => [o.gated, o.answered])).toEqual([
      [true, true],
      [true, false],
      [true, true],
      [false, false],
    ]);
  });

  it('measures every tuning and fresh bank, each under one writer, and never a frozen test half', () => {
    const byBank = new Map(WRITER_BANKS.map((bank) => [bank.bank, bank.writer]));
    expect(new Set(byBank.values())).toEqual(new Set(['halves', 'extra', 'fresh', 'fourth']));
    for (const bank of byBank.keys()) expect(bank).toMatch(/\.(tune|tune-extra|fresh|fourth)\.jsonl$/);
    // Both topics' banks of each later writer, under that writer alone.
    const writersOf = (suffix: string) => [...byBank].filter(([bank]) => bank.endsWith(suffix)).map(([, w]) => w);
    expect(writersOf('.fresh.jsonl')).toEqual(['fresh', 'fresh']);
    expect(writersOf('.tune-extra.jsonl')).toEqual(['extra', 'extra']);
    expect(writersOf('.fourth.jsonl')).toEqual(['fourth', 'fourth']);
  });
});

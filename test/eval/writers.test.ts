import { WRITER_BANKS, holdOut, type Stage } from '../../src/eval/writers';
import type { Question } from '../../src/eval/train';

/**
 * A question of the fake banks: its "score" is the first number of its only row, its label the row's y.
 * The fake model is the set of banks it was fitted on, so a leak of the held-out writer shows.
 */
const question = (group: string, p: number, y: number, outOfScope = false): Question => ({ group, weight: 1, outOfScope, rows: [{ x: [p], y }] });

const stage = (fittedOn: string[][]): Stage<Set<string>> => ({
  fit: (qs) => {
    const groups = new Set(qs.map((q) => q.group));
    fittedOn.push([...groups]);
    return groups;
  },
  answers: (qs) => qs.map((q) => ({ p: q.rows[0]!.x[0]!, lexical: 1, y: q.rows[0]!.y })),
  gate: 0,
  target: 0.9,
});

describe('leave-one-writer-out measurement', () => {
  // Writer "a": right answers score 0.8, wrong ones 0.4, so its threshold must fall between the two.
  const a = Array.from({ length: 20 }, (_, i) => question('a.jsonl', i % 2 ? 0.8 : 0.4, i % 2));
  // Writer "b": scores the other writer's model must judge: 0.5 right (above the line), 0.35 wrong (below).
  const b = [question('b.jsonl', 0.5, 1), question('b.jsonl', 0.35, 0, true), question('b.jsonl', 0.45, 0)];
  const questions = [...a, ...b];
  const writers = questions.map((q) => q.group[0]!);

  it('never fits on the writer it measures, neither for the model nor for its threshold', () => {
    const fittedOn: string[][] = [];
    holdOut(questions, writers, 'b', stage(fittedOn));
    expect(fittedOn).toHaveLength(6); // five folds for the threshold, then the model itself
    for (const groups of fittedOn) expect(groups).toEqual(['a.jsonl']);
  });

  it("answers the held-out writer at the threshold chosen on the other writer's questions", () => {
    const outcomes = holdOut(questions, writers, 'b', stage([]));
    // The line falls at 0.41 (just above writer a's wrong answers): 0.5 and 0.45 are answered, 0.35 is not.
    expect(outcomes.map((o) => o.answered)).toEqual([true, false, true]);
    expect(outcomes.map((o) => o.topRight)).toEqual([true, false, false]);
    expect(outcomes.map((o) => o.answerable)).toEqual([true, false, true]);
  });

  it('measures every tuning and fresh bank, each under one writer, and never a frozen test half', () => {
    const writers = new Map(WRITER_BANKS.map((b) => [b.bank, b.writer]));
    expect(new Set(writers.values())).toEqual(new Set(['halves', 'extra', 'fresh']));
    for (const bank of writers.keys()) expect(bank).toMatch(/\.(tune|tune-extra|fresh)\.jsonl$/);
    expect([...writers].filter(([bank]) => bank.endsWith('.fresh.jsonl')).every(([, w]) => w === 'fresh')).toBe(true);
    expect([...writers].filter(([bank]) => bank.endsWith('.tune-extra.jsonl')).every(([, w]) => w === 'extra')).toBe(true);
  });
});

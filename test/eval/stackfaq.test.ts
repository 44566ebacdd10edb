import { existsSync } from 'node:fs';
import { evaluateStackFaq, STACKFAQ_TARGETS } from '../../src/cli/stackfaq';
import { DEFAULT_STACKFAQ, readThreads, threadsAsKnowledge } from '../../src/eval/stackfaq';

describe('StackFAQ benchmark', () => {
  it('finds the dataset beside the repo (../shared)', () => {
    expect(existsSync(DEFAULT_STACKFAQ)).toBe(true);
  });

  it('indexes titles and first answers only, never paraphrases', () => {
    const threads = readThreads();
    const kb = threadsAsKnowledge(threads, 'title+answer');
    expect(kb.facts).toHaveLength(threads.length);
    const indexed = new Set(kb.facts.flatMap((f) => [f.text, ...f.questions]));
    for (const t of threads) for (const p of t.paraphrases) if (p !== t.question && p !== t.answers[0]) expect(indexed.has(p)).toBe(false);
    expect(threadsAsKnowledge(threads, 'answer').facts.every((f) => f.questions.length === 0)).toBe(true);
  });

  it('beats the lexical baselines: hit@1 at or above the targets in both index modes', () => {
    const scores = evaluateStackFaq();
    expect(scores['title+answer'].queries).toBe(1249);
    expect(scores['title+answer'].hitAt1).toBeGreaterThanOrEqual(STACKFAQ_TARGETS['title+answer']);
    expect(scores.answer.hitAt1).toBeGreaterThanOrEqual(STACKFAQ_TARGETS.answer);
  });
});

import fc from 'fast-check';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { ENGINE_DEFAULTS } from '../../src/engine/config';
import { createEngine, type Judged } from '../../src/engine/engine';
import { asAsked, restatedFact, restatedFirst, sameAsAsked } from '../../src/engine/restated';
import type { KnowledgeBase } from '../../src/knowledge/schema';
import { outcome, summarise } from '../../src/eval/metrics';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';

const knowledge = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE);
const engine = createEngine(knowledge);
const stored = engine.facts.flatMap((fact) => fact.questions.map((q) => [q, fact.id] as const));

/** The bundled knowledge with `question` added to the stored questions of the fact `id`, as `brief gaps --accept` does. */
function withQuestion(id: string, question: string): KnowledgeBase {
  return { ...knowledge, facts: knowledge.facts.map((f) => (f.id === id ? { ...f, questions: [...f.questions, question] } : f)) };
}

describe('a question asked exactly as a stored question', () => {
  it.each(stored)('%j is answered with its own fact (%s)', (q, id) => {
    // top 1 too (brief eval asks so): the head's re-ordering must not push the restated fact out.
    for (const top of [1, 3]) {
      const answer = engine.ask(q, { top });
      expect({ top, answered: answer.answered, id: answer.results[0]?.fact.id }).toEqual({ top, answered: true, id });
    }
  });

  it('is answered whatever its case, punctuation and contractions, with the restated score unless the model gives more', () => {
    // Every NRF fact matches this one word: the model alone gives its curated fact 0.36 and declines it.
    for (const q of ['What is the NRF?', 'what is the nrf', 'WHAT IS THE NRF ?!', "What's the NRF?", 'what’s the nrf']) {
      const { answered, results } = engine.ask(q);
      expect({ answered, id: results[0]!.fact.id, score: results[0]!.score }).toEqual({ answered: true, id: 'nrf-only-credible-armed-opposition', score: ENGINE_DEFAULTS.restated.probability });
    }
    expect(engine.ask('Who leads the NRF?').results[0]!.score).toBeGreaterThan(ENGINE_DEFAULTS.restated.probability - 0.1);
  });

  it('is answered once a curator stores it, even with a fact word matching ranks below the shown ones', () => {
    const q = "Who is Massoud's brother?";
    expect(engine.ask(q).answered).toBe(false);
    const curated = createEngine(withQuestion('massoud-appeal-international-community', q));
    expect(curated.judge(q, 1).map((j) => curated.facts[j.id]!.id)).toContain('massoud-appeal-international-community');
    const { answered, results } = curated.ask(q, { top: 1 });
    expect({ answered, ids: results.map((r) => r.fact.id) }).toEqual({ answered: true, ids: ['massoud-appeal-international-community'] });
  });

  it("counts as answered in brief eval's threshold table, below the lexical gate too", () => {
    // Stored by the talks fact, though word matching finds the leadership fact closer.
    const answer = engine.ask('Who is the leader of the NRF?', { top: 1 });
    expect(answer.results[0]!.relevance).toBeLessThan(ENGINE_DEFAULTS.lexicalGate);
    const o = outcome(answer, ['was never closed'], ENGINE_DEFAULTS.lexicalGate);
    expect(o).toMatchObject({ answered: true, gated: true, topRight: true });
    expect(summarise([o], 0.9)).toEqual(summarise([o]));
  });

  it('leaves other questions to the decision model', () => {
    // One word more than the stored "What is the NRF?": no restatement, the model's own verdict.
    const answer = engine.ask('What is the NRF today?');
    expect(answer.results[0]!.score).toBeLessThan(ENGINE_DEFAULTS.restated.probability);
    expect(engine.judge('What is the NRF today?', 30).some((j) => j.restated)).toBe(false);
  });
});

describe('restatement, piece by piece', () => {
  it('compares folded, lower-case words', () => {
    expect(asAsked('  What’s the NRF’s   goal?! ')).toBe(asAsked("what's the nrf's goal"));
    expect(asAsked('Qué pasó en Viena?')).toBe('que paso en viena');
    expect(asAsked('?!')).toBe('');
    // A dot joins only the letters of an abbreviation; apostrophes and hyphens part words.
    expect([asAsked('U.N.-sponsored talks'), asAsked('3.5% of voters'), asAsked("Where's an e-mail?")]).toEqual(['un sponsored talks', '3 5 of voters', 'where is an e mail']);
  });

  it('writes contractions out, and leaves possessives and "\'d" as they are', () => {
    expect(asAsked("What's the NRF?")).toBe(asAsked('What is the NRF?'));
    expect(asAsked('WHO’S in charge of the resistance')).toBe('who is in charge of the resistance');
    expect(asAsked("Isn't the NRF fighting alone? It doesn't get help, and can't, won't")).toBe('is not the nrf fighting alone it does not get help and cannot will not');
    expect(asAsked("I'm told they're sure we've seen what you'll say")).toBe('i am told they are sure we have seen what you will say');
    expect(asAsked("What are the NRF's goals? What'd Massoud do? Who`s he?")).toBe('what are the nrf s goals what d massoud do who is he');
    // Typed without the apostrophe, a contraction is a word of its own: asked so, it restates only itself.
    expect(asAsked('whats the nrf')).toBe('whats the nrf');
  });

  it('compares a stored question character by character exactly as rewriting it would', () => {
    // Questions alike but for case, dots, spaces and punctuation, with accents now and then.
    const char = fc.constantFrom(...'aAbBnNrRfF19 .,?!-\'’`\téÉü'.split(''), "n't", "'s", 'What', "'ll", 'I');
    const text = fc.array(char, { maxLength: 14 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, (stored, question) => {
        const asked = asAsked(question);
        expect(sameAsAsked(stored, asked)).toBe(asAsked(stored) === asked);
      }),
      { numRuns: 3000 },
    );
    expect(sameAsAsked('What is the U.N.?', 'what is the un')).toBe(true);
    expect(sameAsAsked('Wo ist Zürich?', 'wo ist zurich')).toBe(true);
  });

  it('finds the first candidate that stores the question, and nothing for an empty question', () => {
    const storedBy = new Map([[1, ['Who leads it?']], [2, ['What is it?', 'WHO LEADS IT']], [4, ['Who leads it?' + '!'.repeat(40)]]]);
    const of = (id: number) => storedBy.get(id) ?? [];
    expect(restatedFact('Who leads it?', [2, 1], of)).toBe(2);
    expect(restatedFact('Who leads it?', [3, 1], of)).toBe(1);
    expect(restatedFact('Who led it?', [1, 2], of)).toBeUndefined();
    expect(restatedFact('??', [1, 2], () => [''])).toBeUndefined();
    expect(restatedFact('who leads it', [4], of)).toBe(4);
  });

  it('puts the restated candidate first with at least the restated probability, and leaves others as they are', () => {
    const judged = (id: number, probability: number, restated?: true): Judged => ({ id, probability, modelProbability: probability, features: [], matched: [], ...(restated && { restated }) });
    const ranked = [judged(1, 0.8), judged(2, 0.3, true), judged(3, 0.1)];
    expect(restatedFirst(ranked, 0.99).map((j) => [j.id, j.probability])).toEqual([[2, 0.99], [1, 0.8], [3, 0.1]]);
    expect(restatedFirst([judged(1, 0.8), judged(2, 0.995, true)], 0.99).map((j) => j.probability)).toEqual([0.995, 0.8]);
    expect(ranked[1]!.probability).toBe(0.3);
    expect(restatedFirst([judged(1, 0.8), judged(3, 0.1)], 0.99).map((j) => j.id)).toEqual([1, 3]);
  });
});

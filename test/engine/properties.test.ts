import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';

const engine = createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE));
const words = fc.constantFrom('NRF', 'Massoud', 'Panjshir', 'goals', 'the', 'is', 'IS', '<!channel>', 'Taliban', '2021', 'نیرو', '🙂', 'Kabul');

describe('engine properties', () => {
  it('never throws, and returns probabilities in 0..1, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(words, { maxLength: 30 }).map((w) => w.join(' '))), (q) => {
        const answer = engine.ask(q, { top: 5 });
        for (const { score } of answer.results) expect(score >= 0 && score <= 1).toBe(true);
        expect(answer.answered).toBe(answer.results.length > 0 && answer.answered);
      }),
      { numRuns: 300 },
    );
  });

  it('answers the same question the same way every time (deterministic)', () => {
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 8 }), (w) => {
        const q = w.join(' ');
        expect(engine.ask(q)).toEqual(engine.ask(q));
      }),
    );
  });

  it('copes with a 40,000-character message', () => {
    const long = 'What are the NRF goals? '.repeat(1700);
    expect(long.length).toBeGreaterThan(40_000);
    expect(engine.ask(long).results[0]?.fact.id).toBe('nrf-stated-goals');
  });
});

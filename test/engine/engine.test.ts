import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../../src/engine/engine';
import { ENGINE_DEFAULTS } from '../../src/engine/config';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { fixtureKnowledge } from '../helpers/paths';
import { FEATURES } from '../../src/engine/features';

const engine = createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE));
const best = (q: string) => {
  const answer = engine.ask(q);
  return { answered: answer.answered, id: answer.results[0]?.fact.id, answer };
};

describe('answer engine on the bundled knowledge', () => {
  it.each([
    ['what is the NRF trying to achieve', 'nrf-stated-goals'],
    ['NRF goals', 'nrf-stated-goals'],
    ['What are the aims of the National Resistance Front of Afghanistan?', 'nrf-stated-goals'],
    ['Who controls Panjsher?', 'nrf-panjshir-valley-control'],
    ['Would Masood negotiate with the Taleban?', 'massoud-talks-door-never-closed'],
    ['who assassinated Ahmad Shah Massoud', 'massoud-father-assassination'],
    ['Is the Taliban any different from ISIS?', 'is-taliban-identical'],
    ['how many afghan provinces does the resistance operate in', 'nrf-base-and-reach'],
  ])('answers %j with %s', (question, id) => {
    expect(best(question)).toMatchObject({ answered: true, id });
  });

  it.each([
    "What's the weather in Kabul tomorrow?",
    'What is the population of Kabul?',
    'Who is the president of the United States?',
    'What is the capital of France?',
    'hello',
    '',
    '   ?!  ',
  ])('declines %j', (question) => {
    expect(best(question).answered).toBe(false);
  });

  it('says why it matched: aliases, spelling corrections and synonyms', () => {
    expect(best('masood interview').answer.results[0]?.matched).toEqual([
      { query: 'masood', matched: 'Massoud', via: 'alias' },
      { query: 'interview', matched: 'interview', via: 'word' },
    ]);
    expect(best('talibn negotiations').answer.results[0]?.matched).toContainEqual({ query: 'talibn', matched: 'taliban', via: 'spelling' });
    expect(best('Who killed Ahmad Shah Massoud?').answer.results[0]?.matched).toContainEqual({
      query: 'killed',
      matched: 'killed',
      via: 'word',
    });
    expect(best('NRF objectives').answer.results[0]?.matched).toContainEqual({ query: 'objectives', matched: 'goals', via: 'synonym' });
  });

  it('returns at most `top` distinct results, each with a probability in 0..1', () => {
    const { results } = engine.ask('Massoud Taliban', { top: 5 });
    expect(results).toHaveLength(5);
    expect(new Set(results.map((r) => r.fact.id)).size).toBe(5);
    for (const { score } of results) expect(score >= 0 && score <= 1).toBe(true);
  });

  it('does not read the common word "is" as the acronym IS', () => {
    const [best] = engine.ask('Where is the NRF based?').results;
    expect(best?.fact.id).toBe('nrf-base-and-reach');
    expect(best!.matched.map((m) => m.query)).not.toContain('is');
  });

  it('serves any topic: knowledge is data', () => {
    const other = createEngine(loadKnowledgeOrThrow(fixtureKnowledge('basic')));
    expect(other.ask('Where is the programme located?')).toMatchObject({ answered: true, results: [{ fact: { id: 'programme-base' } }, expect.anything()] });
    // A misspelt place alone finds the fact, though one word is too little to answer with confidence.
    expect(other.ask('lyons').results[0]?.fact.id).toBe('programme-base');
    expect(other.ask('What is the NRF?').answered).toBe(false);
  });

  it('returns as many results as asked, beyond the re-ranked candidate pool', () => {
    const source = { title: 'Many' };
    const facts = Array.from({ length: 60 }, (_, i) => ({ id: `f-${i}`, text: `Report number ${i} mentions the harbour.`, questions: [], tags: [], source, file: 'x.yml', line: i + 1 }));
    const many = createEngine({ facts, sources: [{ ...source, file: 'x.yml' }], aliases: [], fingerprint: 'many' });
    expect(ENGINE_DEFAULTS.candidates).toBeLessThan(40);
    expect(many.ask('harbour report', { top: 40 }).results).toHaveLength(40);
  });
});

describe('answering from candidates judged once', () => {
  it('gives what ask gives, for every question of the NRF tuning half and any top', () => {
    const bank = readFileSync(path.join(__dirname, '..', 'fixtures', 'eval', 'nrf-bank.tune.jsonl'), 'utf8').split('\n').filter(Boolean);
    const stored = engine.facts.flatMap((f) => f.questions);
    for (const q of [...bank.map((l) => (JSON.parse(l) as { q: string }).q), ...stored]) {
      for (const top of [1, 3, 10, 40]) {
        expect({ q, top, answer: engine.answerFrom(q, engine.judge(q, Math.max(top, ENGINE_DEFAULTS.candidates)), top) }).toEqual({ q, top, answer: engine.ask(q, { top }) });
      }
    }
  });
});

describe('stored questions, read literally', () => {
  const STORED = FEATURES.indexOf('storedQuestionMatch');
  const asked = engine.facts.flatMap((fact, id) => fact.questions.map((question) => ({ question, id })));
  const matchOf = ({ question, id }: { question: string; id: number }) => engine.judge(question, ENGINE_DEFAULTS.candidates).find((j) => j.id === id)?.features[STORED];

  it('restate themselves: asked word for word, each matches its own fact', () => {
    const values = asked.map(matchOf);
    expect(asked.length).toBeGreaterThan(150);
    // Not always exactly 1: the question asked reads two-word phrases English knows as one ("armed force"), a stored one does not.
    expect(values.filter((v) => v === undefined || v < 0.85)).toEqual([]);
    expect(values.filter((v) => v === 1).length / values.length).toBeGreaterThan(0.95);
  });

  it('count a question word the other has not, and a different kind of answer', () => {
    const goals = asked.find((a) => a.question === "What are the NRF's goals?")!;
    expect(matchOf(goals)).toBe(1);
    // Dice of concepts: NRF, goals (2 shared) of NRF, goals, today (3) and NRF, goals (2).
    expect(matchOf({ ...goals, question: "What are the NRF's goals today?" })).toBeCloseTo((2 * 2) / (3 + 2), 5);
    // Asked "when", stored without a kind of answer: the same words count four fifths.
    expect(matchOf({ ...goals, question: "When are the NRF's goals?" })).toBeCloseTo(0.8, 5);
  });
});

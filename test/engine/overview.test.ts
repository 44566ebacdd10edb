import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { AliasMatcher } from '../../src/engine/aliases';
import { ENGINE_DEFAULTS } from '../../src/engine/config';
import { createEngine } from '../../src/engine/engine';
import { definedSubject, definingFact, requestedSubject } from '../../src/engine/overview';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';

const engine = createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE));
const aliases = new AliasMatcher([['NRF', 'National Resistance Front'], ['Massoud', 'Masood'], ['IS', 'Islamic State']]);

describe('a request for an overview of a subject', () => {
  it.each([
    'tell me about the nrf',
    'Tell me about the NRF.',
    'whats the nrf',
    'NRF?',
    'Can you give me an overview of the National Resistance Front, please?',
    'what do you know about the nrf',
  ])('%j is answered with the fact that stores "What is the NRF?"', (q) => {
    // Every NRF fact matches the one word: word matching alone declined these (0.35 and less).
    const { answered, results } = engine.ask(q);
    expect({ answered, id: results[0]!.fact.id, score: results[0]!.score, restated: results[0]!.restated }).toEqual({
      answered: true,
      id: 'nrf-only-credible-armed-opposition',
      score: ENGINE_DEFAULTS.restated.probability,
      restated: true,
    });
  });

  it('matches a defining question with more than a name, whatever the order of its words', () => {
    // Stored: "What is the size of the NRF?" and "Who was Ahmad Shah Massoud?".
    expect(engine.ask('Tell me the size of the NRF').results[0]).toMatchObject({ restated: true, fact: { id: 'nrf-armed-fighters' } });
    expect(engine.ask('tell me about ahmad shah massoud').results[0]).toMatchObject({ restated: true, fact: { id: 'massoud-forgive-father-blood' } });
    expect(engine.judge('who is the NRF leader', 30).find((j) => j.restated)).toBeDefined();
  });

  it.each([
    // Another subject: no stored question defines it.
    'What is the size of the Taliban?',
    'tell me about the Taliban',
    // Asks more than what the subject is.
    'Where is the NRF?',
    'What is the NRF doing now?',
    'What is not the NRF?',
    'What does the NRF say?',
    // The subject does not end it: the roles are turned round.
    'Who is Ahmad Massoud the father of?',
  ])('%j is left to the decision model', (q) => {
    expect(engine.judge(q, 30).filter((j) => j.restated).map((j) => engine.facts[j.id]!.questions)).toEqual([]);
  });
});

describe('overview requests, piece by piece', () => {
  it('reads the subject of a request as its words, stemmed, with names as their alias group', () => {
    const key = requestedSubject('tell me about the NRF', aliases);
    expect(key).toBeDefined();
    for (const q of ['National Resistance Front?', "what's the nrf please", 'Explain the NRF', 'brief me on the NRF'])
      expect(requestedSubject(q, aliases)).toBe(key);
    expect(requestedSubject('Give me a rundown of Masood’s goals', aliases)).toBe(requestedSubject('massoud goal', aliases));
  });

  it('reads no subject in other questions', () => {
    for (const q of ['', 'tell me about it', 'what is the', 'Where is the NRF?', 'Does the NRF fight?', 'Who is Massoud the son of'])
      expect(requestedSubject(q, aliases)).toBeUndefined();
  });

  it('reads the subject only of a stored question that asks what or who something is', () => {
    expect(definedSubject('What is the NRF?', aliases)).toBe(requestedSubject('nrf', aliases));
    expect(definedSubject('Who was the leader of the Islamic State?', aliases)).toBe(requestedSubject('IS leader', aliases));
    expect(["What's the NRF?", 'who’s Masood'].map((q) => definedSubject(q, aliases))).toEqual([requestedSubject('NRF', aliases), requestedSubject('Massoud', aliases)]);
    for (const q of ['Where is the NRF?', 'What was the NRF for?', 'What does the NRF want?', 'What is?', 'Is the NRF a group?'])
      expect(definedSubject(q, aliases)).toBeUndefined();
  });

  it('finds the first candidate that defines the subject', () => {
    const defined = new Map([[1, [undefined, 'nrf']], [2, ['nrf']], [3, ['massoud']]]);
    const of = (id: number) => defined.get(id) ?? [];
    expect(definingFact('nrf', [3, 2, 1], of)).toBe(2);
    expect(definingFact('nrf', [1, 2], of)).toBe(1);
    expect(definingFact('taliban', [1, 2, 3], of)).toBeUndefined();
  });
});

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

  it('is not lifted for a fact that records it among what it does not answer', () => {
    const knowledge = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE);
    const refused = createEngine({
      ...knowledge,
      facts: knowledge.facts.map((f) => (f.id === 'nrf-only-credible-armed-opposition' ? { ...f, does_not_answer: [...(f.does_not_answer ?? []), 'Tell me about the NRF'] } : f)),
    });
    expect(refused.judge('tell me about the nrf', 30).filter((j) => j.restated)).toEqual([]);
    // A question the fact stores is still its own.
    expect(refused.ask('What is the NRF?').results[0]).toMatchObject({ restated: true, fact: { id: 'nrf-only-credible-armed-opposition' } });
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
    // The subject does not end it, or the roles are turned round.
    'Who is Ahmad Massoud the father of?',
    'Of who is the Lion of Panjshir the son?',
    // Asked twice, or in another tense than the stored "What is the size of the NRF?".
    "Who is Massoud's father's father?",
    'What was the size of the NRF?',
    // Not a question about the subject at all.
    'Is the NRF the leader?',
    "I'm the leader of the NRF",
    "I'll brief you on the NRF",
  ])('%j is left to the decision model', (q) => {
    expect(engine.judge(q, 30).filter((j) => j.restated).map((j) => engine.facts[j.id]!.questions)).toEqual([]);
  });
});

describe('overview requests, piece by piece', () => {
  it('reads the subject of a request as its words, stemmed, with names as their alias group', () => {
    const key = requestedSubject('tell me about the NRF', aliases);
    expect(key).toBeDefined();
    for (const q of ['National Resistance Front?', "what's the nrf please", 'Explain the NRF', 'brief me on the NRF', 'tell us about the NRF, thanks'])
      expect(requestedSubject(q, aliases)).toEqual(key);
    for (const q of ['whats the nrf', 'whos the NRF', 'What is the NRF?', 'what are the nrf']) expect(requestedSubject(q, aliases)).toEqual({ ...key, tense: 'present' });
    expect(requestedSubject('Give me a rundown of Masood’s goals', aliases)).toEqual(requestedSubject('massoud goal', aliases));
  });

  it('reads no subject in other questions', () => {
    for (const q of ['', 'tell me about it', 'what is the', 'Where is the NRF?', 'Does the NRF fight?', 'Who is Massoud the son of', 'please'])
      expect(requestedSubject(q, aliases)).toBeUndefined();
    // Yes/no questions, a role turned round, remarks about the asker, a question about what someone is doing.
    for (const q of ['Is Massoud the father?', 'Of who is Massoud the father?', 'I know the NRF', 'Are you the NRF?', 'Who is fighting the NRF?'])
      expect(requestedSubject(q, aliases)).toBeUndefined();
  });

  it('reads the subject only of a stored question that asks what or who something is', () => {
    const present = (q: string) => ({ ...requestedSubject(q, aliases)!, tense: 'present' });
    expect(definedSubject('What is the NRF?', aliases)).toEqual(present('nrf'));
    expect(definedSubject('Who was the leader of the Islamic State?', aliases)).toEqual({ ...requestedSubject('IS leader', aliases)!, tense: 'past' });
    expect(["What's the NRF?", 'who’s Masood'].map((q) => definedSubject(q, aliases))).toEqual([present('NRF'), present('Massoud')]);
    for (const q of ['Where is the NRF?', 'What was the NRF for?', 'What does the NRF want?', 'What is?', 'Is the NRF a group?', 'Who is the NRF fighting?', 'What the NRF?'])
      expect(definedSubject(q, aliases)).toBeUndefined();
  });

  it('keeps repeated words and the tense asked in', () => {
    expect(requestedSubject("Who is Massoud's father's father?", aliases)).not.toEqual(requestedSubject("Who is Massoud's father?", aliases));
    expect(requestedSubject('who was massoud', aliases)).toEqual({ words: requestedSubject('massoud', aliases)!.words, tense: 'past' });
    expect(definedSubject('What are the goals?', aliases)).toEqual({ words: 'goal', tense: 'present' });
  });

  it('finds the first candidate that defines the subject, in the tense asked if any', () => {
    const nrf = { words: 'nrf', tense: 'present' as const };
    const defined = new Map([[1, [undefined, nrf]], [2, [nrf]], [3, [{ words: 'massoud', tense: 'past' as const }]]]);
    const of = (id: number) => defined.get(id) ?? [];
    expect(definingFact({ words: 'nrf' }, [3, 2, 1], of)).toBe(2);
    expect(definingFact(nrf, [1, 2], of)).toBe(1);
    expect(definingFact({ words: 'nrf', tense: 'past' }, [1, 2], of)).toBeUndefined();
    expect(definingFact({ words: 'massoud' }, [1, 2, 3], of)).toBe(3);
    expect(definingFact({ words: 'taliban' }, [1, 2, 3], of)).toBeUndefined();
  });
});

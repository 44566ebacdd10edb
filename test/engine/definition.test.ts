import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { AliasMatcher } from '../../src/engine/aliases';
import { createEngine } from '../../src/engine/engine';
import { askedName, definesName } from '../../src/engine/definition';
import { definedSubject } from '../../src/engine/overview';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';

// Questions written for these tests (in no bank).
const engine = createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE));
const aliases = new AliasMatcher([['NRF', 'National Resistance Front']]);

describe('a question that asks what a name is', () => {
  it.each([
    ['What is the Hudson Institute?', 'Hudson Institute'],
    ["What's the Atlantic Council", 'Atlantic Council'],
    ['What was OSIRIS?', 'OSIRIS'],
    ['What were the Doha Talks?', 'Doha Talks'],
    ['What is the Islamic Republic of Afghanistan?', 'Islamic Republic of Afghanistan'],
  ])('%j asks what %j is', (question, name) => {
    expect(askedName(question)).toBe(name);
  });

  it.each([
    // Not a name: a word without a capital, so the model decides as before.
    'What is the size of the NRF?',
    'what is the hudson institute',
    'What are the Doha talks?',
    // Asks more than what it is.
    'What is the Hudson Institute doing?',
    'Where is the Hudson Institute?',
    'What of Afghanistan?',
  ])('%j does not', (question) => {
    expect(askedName(question)).toBeUndefined();
  });
});

describe('a fact that says what a name is', () => {
  const fact = (text: string, defined: string[] = [], matched: { query: string; matched: string; via: 'spelling' }[] = []) => ({
    text,
    matched,
    defined: defined.map((q) => definedSubject(q, aliases)),
  });

  it.each([
    ['They included OSIRIS, the main camera system.', 'OSIRIS'],
    ['control over the Panjshir Valley, which is largely contiguous with Panjshir Province', 'Panjshir Valley'],
    ['Rosetta was a space probe built by ESA.', 'Rosetta'],
    ["The lander's camera (CIVA) and a probe called Philae.", 'Philae'],
    ['the Hudson Institute (a think tank) said', 'Hudson Institute'],
  ])('%j defines %j', (text, name) => {
    expect(definesName(name, fact(text), aliases)).toBe(true);
  });

  it.each([
    ['Please join the Hudson Institute as it welcomes Ahmad Massoud.', 'Hudson Institute'],
    ["in an interview with the Atlantic Council's South Asia Center", 'Atlantic Council'],
    ['ahead of the U.N.-sponsored Doha Talks with the Taliban', 'Doha Talks'],
  ])('%j only mentions %j', (text, name) => {
    expect(definesName(name, fact(text), aliases)).toBe(false);
  });

  it('counts a stored question that defines it, in any tense, with the words the fact matched through a correction', () => {
    const stored = fact('In this conference, groups meet at the Intra-Afghanistan Conference.', ['What was the Intra-Afghanistan Conference?'], [
      { query: 'Afganistan', matched: 'Afghanistan', via: 'spelling' },
      { query: 'Conferance', matched: 'Conference', via: 'spelling' },
    ]);
    expect(definesName('Intra-Afganistan Conferance', stored, aliases)).toBe(true);
    expect(definesName('Intra-Afganistan Conferance', { ...stored, matched: [] }, aliases)).toBe(false);
  });
});

describe('the engine', () => {
  it.each(['What is the Hudson Institute?', 'What is the Atlantic Council?'])('declines %j: its facts only mention the name', (question) => {
    // Both were answered before, 0.93 and 0.87, with a fact that names the organisation in passing.
    const judged = engine.judge(question, 3);
    expect(engine.ask(question).answered).toBe(false);
    expect(judged.length).toBeGreaterThan(0);
    expect(judged.every((j) => j.doesNotDefine)).toBe(true);
  });

  it.each([
    ['What is the Panjshir Valley?', 'nrf-panjshir-valley-control'],
    ['What is the Intra-Afganistan Conferance?', 'vienna-intra-afghanistan-conference'],
  ])('answers %j with the fact that says what it is', (question, id) => {
    const answer = engine.ask(question);
    expect({ answered: answer.answered, id: answer.results[0]?.fact.id, vetoed: answer.results[0] && engine.judge(question, 3).find((j) => engine.facts[j.id]!.id === id)?.doesNotDefine }).toEqual({
      answered: true,
      id,
      vetoed: undefined,
    });
  });
});

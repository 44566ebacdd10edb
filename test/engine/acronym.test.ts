import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { renderText, toJson } from '../../src/cli/render';
import { ENGINE_DEFAULTS } from '../../src/engine/config';
import { createEngine } from '../../src/engine/engine';
import { requestedAcronym, spellingOutFact, spellsOut } from '../../src/engine/acronym';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';

const knowledge = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE);
const engine = createEngine(knowledge);

describe('a question that asks what an acronym stands for', () => {
  it.each([
    ['What does NRF stand for?', 'NRF'],
    ['what does nrf stand for', 'NRF'],
    ['What is NRF short for?', 'NRF'],
    ["what's the NRF an acronym for", 'NRF'],
    ['What is the full name of the NRF?', 'NRF'],
    ['full form of ISIS', 'ISIS'],
    ["What's the NRF's full name?", 'NRF'],
    ['What does the acronym UNAMA mean?', 'UNAMA'],
    ['nrf stands for what?', 'NRF'],
  ])('%j asks for %s', (question, acronym) => {
    expect(requestedAcronym(question)).toBe(acronym);
  });

  it.each([
    // With "the", it may ask for the group's aims: left to matching.
    'What does the NRF stand for?',
    // A word, not an acronym: long and not in capitals.
    'What does democracy mean?',
    // Asks more than the expansion.
    'What does NRF stand for and who leads it?',
    'Why does NRF stand for resistance?',
    'Where is the NRF?',
  ])('%j does not', (question) => {
    expect(requestedAcronym(question)).toBeUndefined();
  });
});

describe('a text that spells an acronym out', () => {
  it.each([
    ['the National Resistance Front (NRF) of Afghanistan', 'NRF'],
    ['fighters of the Islamic State of Iraq and Syria (ISIS) in the east', 'ISIS'],
    ['the NRF (National Resistance Front) said', 'NRF'],
    ['the NRF (National Resistance Front of Afghanistan) said', 'NRF'],
    ['the North Atlantic Treaty Organization (NATO)', 'NATO'],
  ])('%j spells out %s', (text, acronym) => {
    expect(spellsOut(text, acronym)).toBe(true);
  });

  it.each([
    // Only the acronym, or only the words.
    ['the NRF said on Monday', 'NRF'],
    ['the National Resistance Front said', 'NRF'],
    // Brackets beside it, but not its expansion.
    ['the National Front (NRF)', 'NRF'],
    ['the Front of National Resistance (NRF)', 'NRF'],
    ['the NRF (founded in 2021) said', 'NRF'],
    ['the national resistance front (NRF)', 'NRF'],
  ])('%j does not spell out %s', (text, acronym) => {
    expect(spellsOut(text, acronym)).toBe(false);
  });

  it('finds the first candidate that does', () => {
    const texts = ['the NRF said', 'the National Resistance Front (NRF) said', 'the NRF (National Resistance Front) said'];
    expect(spellingOutFact('NRF', [0, 1, 2], (id) => texts[id]!)).toBe(1);
    expect(spellingOutFact('NRF', [2, 1], (id) => texts[id]!)).toBe(2);
    expect(spellingOutFact('UN', [0, 1, 2], (id) => texts[id]!)).toBeUndefined();
  });
});

describe('the engine', () => {
  it.each(['What does NRF stand for?', 'what is nrf short for', "What's the full name of the NRF?"])(
    '%j is answered with the fact that spells NRF out, and says so',
    (question) => {
      // Every NRF fact matches "NRF" and none "stand": word matching declined it (0.44).
      const answer = engine.ask(question);
      expect({ answered: answer.answered, id: answer.results[0]!.fact.id, score: answer.results[0]!.score, spelledOut: answer.results[0]!.spelledOut }).toEqual({
        answered: true,
        id: 'nrf-only-credible-armed-opposition',
        score: ENGINE_DEFAULTS.restated.probability,
        spelledOut: 'NRF',
      });
      const cli = { ...engine, aliases: knowledge.aliases };
      expect(renderText(answer, cli)).toMatch(/Why: spells out NRF; matched /);
      expect(toJson(answer, knowledge.aliases).answers?.[0]).toMatchObject({ restated: true, spelled_out: 'NRF' });
    },
  );

  it('does not answer an acronym no fact spells out', () => {
    // "IS" is written out in the knowledge ("Islamic State group"), but never beside the acronym.
    expect(engine.ask('What does IS stand for?').answered).toBe(false);
    expect(engine.judge('What does IS stand for?', 30).filter((j) => j.restated)).toEqual([]);
  });

  it('is not lifted for a fact that records the question among what it does not answer', () => {
    const refused = createEngine({
      ...knowledge,
      facts: knowledge.facts.map((f) => (f.id === 'nrf-only-credible-armed-opposition' ? { ...f, does_not_answer: [...(f.does_not_answer ?? []), 'What does NRF stand for?'] } : f)),
    });
    expect(refused.judge('What does NRF stand for?', 30).filter((j) => j.restated)).toEqual([]);
  });
});

import { ENGINE_DEFAULTS } from '../../src/engine/config';
import { createEngine, type Engine } from '../../src/engine/engine';
import { worthListing } from '../../src/engine/explain';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { fixtureKnowledge, FIXTURES } from '../helpers/paths';
import path from 'node:path';

// The fixture's fact on who leads the Harbour Alliance records two near-misses: who leads its rival, the River
// Council, and how many members the alliance lost (the fact gives how many it has).
const engine = createEngine(loadKnowledgeOrThrow(fixtureKnowledge('near-misses-recorded')));
const leaderFact = engine.facts.findIndex((f) => f.id === 'alliance-leader');
const judgedLeader = (q: string) => engine.judge(q).find((j) => j.id === leaderFact)!;

describe("a question that restates one of a fact's does_not_answer phrasings", () => {
  it.each([
    ['Who leads the River Council?', 0],
    ['Who is the leader of the council?', 0],
    ['How many members has the alliance lost?', 1],
  ])('%j is ruled out for that fact: its probability scaled down as by a veto, and declined', (q, phrasing) => {
    const judged = judgedLeader(q);
    expect(judged.notAnswered).toBe(phrasing);
    expect(judged.probability).toBeCloseTo(judged.modelProbability * ENGINE_DEFAULTS.vetoes.factor, 10);
    const answer = engine.ask(q);
    expect(answer.answered).toBe(false);
    expect(answer.results.find((r) => r.fact.id === 'alliance-leader')).toMatchObject({ notAnswered: engine.facts[leaderFact]!.does_not_answer![phrasing] });
  });

  it('gives way: the fact ruled out comes after the others, and is not listed among "Other matches"', () => {
    const answer = engine.ask('Who leads the River Council?');
    expect(answer.results.map((r) => [r.fact.id, r.notAnswered])).toEqual([
      ['council-chair', undefined],
      ['alliance-leader', "Who is the River Council's leader?"],
    ]);
    expect(answer.results.filter(worthListing).map((r) => r.fact.id)).toEqual(['council-chair']);
    // Judged in word matching's order, as the decision model was fitted: only the answer's order changes.
    expect(engine.judge('Who leads the River Council?')[0]!.id).toBe(leaderFact);
  });

  it.each([
    'Who leads the Harbour Alliance?',
    "Who is the alliance's leader?",
    'How many members does the alliance have?',
    // It shares "stood" with the fact, not with the phrasing about the council's leader: it asks about the fact.
    'Who leads the group that stood against the River Council?',
  ])('%j is not: it is nearer the fact or its own questions', (q) => {
    const judged = judgedLeader(q);
    expect(judged.notAnswered).toBeUndefined();
    expect(judged.probability).toBe(judged.modelProbability);
    const answer = engine.ask(q);
    expect({ answered: answer.answered, id: answer.results[0]!.fact.id }).toEqual({ answered: true, id: 'alliance-leader' });
  });

  it('is never said of a fact without does_not_answer', () => {
    const goals = engine.facts.findIndex((f) => f.id === 'alliance-goals');
    for (const q of ['What does the River Council want?', 'Who is the River Council\'s leader?', 'What does the Harbour Alliance want?']) {
      expect(engine.judge(q).find((j) => j.id === goals)?.notAnswered).toBeUndefined();
    }
  });
});

describe('the shipped knowledge (both topics)', () => {
  const topics: Array<[string, Engine]> = [
    ['NRF', createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE))],
    ['Rosetta', createEngine(loadKnowledgeOrThrow(path.join(FIXTURES, 'topics', 'rosetta', 'knowledge')))],
  ];

  it.each(topics)('%s: no fact is ruled out for one of its own stored questions', (_, topic) => {
    const ruledOut = topic.facts.flatMap((fact, id) =>
      fact.questions.filter((q) => topic.judge(q, 40).find((j) => j.id === id)?.notAnswered !== undefined).map((q) => `${fact.id}: ${q}`),
    );
    expect(ruledOut).toEqual([]);
  });

  it.each(topics)('%s: every does_not_answer phrasing, asked as written, is not answered with its fact', (_, topic) => {
    const answered = topic.facts.flatMap((fact) =>
      (fact.does_not_answer ?? []).filter((q) => {
        const answer = topic.ask(q);
        return answer.answered && answer.results[0]!.fact === fact;
      }),
    );
    expect(topic.facts.some((f) => (f.does_not_answer ?? []).length > 0)).toBe(true);
    expect(answered).toEqual([]);
  });
});

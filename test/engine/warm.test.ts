import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../../src/engine/engine';
import { ENGINE_DEFAULTS } from '../../src/engine/config';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import type { KnowledgeBase } from '../../src/knowledge/schema';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { FIXTURES } from '../helpers/paths';

const knowledge = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE);
const questions = readFileSync(path.join(FIXTURES, 'eval', 'nrf-bank.tune.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { q: string }).q);

/** The knowledge with each fact's stored questions counted as they are read. */
function counted(base: KnowledgeBase): { knowledge: KnowledgeBase; reads: () => number } {
  let reads = 0;
  const facts = base.facts.map((fact) => {
    const copy = { ...fact };
    Object.defineProperty(copy, 'questions', { get: () => (reads++, fact.questions), enumerable: true });
    return copy;
  });
  return { knowledge: { ...base, facts }, reads: () => reads };
}

describe('reading facts ahead of their first questions (Engine.warm)', () => {
  it('changes no answer, score, feature or reason', () => {
    const warmed = createEngine(knowledge);
    expect(warmed.warm()).toBe(0);
    const cold = createEngine(knowledge);
    for (const q of questions) expect(warmed.judge(q, 10)).toEqual(cold.judge(q, 10));
  });

  it('reads the facts a chunk at a time and says how many are left', () => {
    const { knowledge: watched, reads } = counted(knowledge);
    const engine = createEngine(watched);
    const n = watched.facts.length;
    const before = reads();
    expect(engine.warm(5)).toBe(n - 5);
    expect(reads()).toBeGreaterThan(before);
    const afterFive = reads();
    expect(engine.warm(0)).toBe(n - 5);
    expect(reads()).toBe(afterFive);
    expect(engine.warm()).toBe(0);
    const all = reads();
    expect(engine.warm()).toBe(0);
    expect(reads()).toBe(all);
  });

  it('reads nothing when the knowledge has more facts than warm.maxFacts', () => {
    const { knowledge: watched, reads } = counted(knowledge);
    const engine = createEngine(watched, { config: { ...ENGINE_DEFAULTS, warm: { maxFacts: watched.facts.length - 1 } } });
    const before = reads();
    expect(engine.warm()).toBe(0);
    expect(reads()).toBe(before);
  });
});

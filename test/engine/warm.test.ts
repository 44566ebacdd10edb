import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../../src/engine/engine';
import { ENGINE_DEFAULTS } from '../../src/engine/config';
import { EnglishAndWordNet } from '../../src/engine/lexicon';
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

  it('reads the facts a chunk at a time and says how many facts and words are left', () => {
    const { knowledge: watched, reads } = counted(knowledge);
    const engine = createEngine(watched);
    const n = watched.facts.length;
    const total = engine.warm(0);
    expect(total).toBeGreaterThan(n);
    const before = reads();
    expect(engine.warm(5)).toBe(total - 5);
    expect(reads()).toBeGreaterThan(before);
    const afterFive = reads();
    expect(engine.warm(0)).toBe(total - 5);
    expect(reads()).toBe(afterFive);
    expect(engine.warm()).toBe(0);
    const all = reads();
    expect(engine.warm()).toBe(0);
    expect(reads()).toBe(all);
  });

  /** A lexicon that records the words it is asked to relate and to tell English from names. */
  class WatchedLexicon extends EnglishAndWordNet {
    readonly relatedAsked: string[] = [];
    readonly englishAsked: string[] = [];
    override related(word: string) {
      this.relatedAsked.push(word);
      return super.related(word);
    }
    override isEnglish(word: string) {
      this.englishAsked.push(word);
      return super.isEnglish(word);
    }
  }

  it('then looks up the words most facts use, most used first, once each', () => {
    const lexicon = new WatchedLexicon();
    const engine = createEngine(knowledge, { lexicon });
    engine.warm(knowledge.facts.length);
    expect(lexicon.relatedAsked).toEqual([]);
    const left = engine.warm(3);
    expect(lexicon.relatedAsked).toHaveLength(3);
    expect(lexicon.englishAsked).toEqual(lexicon.relatedAsked);
    // "resistance" and "Massoud" are in 14 of the 16 facts (aliases such as "Masood" count with their name's facts).
    const facts = (word: string) => knowledge.facts.filter((f) => new RegExp(`\\b${word}\\b`, 'i').test(JSON.stringify(f))).length;
    expect(facts(lexicon.relatedAsked[0]!)).toBeGreaterThanOrEqual(14);
    expect(engine.warm()).toBe(0);
    expect(lexicon.relatedAsked).toHaveLength(3 + left);
    expect(new Set(lexicon.relatedAsked).size).toBe(lexicon.relatedAsked.length);
  });

  it('looks up at most warm.words words', () => {
    const lexicon = new WatchedLexicon();
    const engine = createEngine(knowledge, { lexicon, config: { ...ENGINE_DEFAULTS, warm: { ...ENGINE_DEFAULTS.warm, words: 10 } } });
    expect(engine.warm()).toBe(0);
    expect(lexicon.relatedAsked).toHaveLength(10);
  });

  it('reads nothing when the knowledge has more facts than warm.maxFacts', () => {
    const { knowledge: watched, reads } = counted(knowledge);
    const lexicon = new WatchedLexicon();
    const engine = createEngine(watched, { lexicon, config: { ...ENGINE_DEFAULTS, warm: { ...ENGINE_DEFAULTS.warm, maxFacts: watched.facts.length - 1 } } });
    const before = reads();
    expect(engine.warm()).toBe(0);
    expect(reads()).toBe(before);
    expect(lexicon.relatedAsked).toEqual([]);
  });
});

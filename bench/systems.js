'use strict';
/** The three systems compared, each behind the same tiny interface: build(facts) -> { ask(q) -> { ids, answered } }. */
const Fuse = require('fuse.js');
// Its require() export is the class itself; its types (resolved without "exports") describe the ES module.
const MiniSearch = /** @type {typeof import('minisearch').default} */ (/** @type {unknown} */ (require('minisearch')));
const { createEngine } = require('../dist/engine/engine');
const { LABELS } = require('./labels');

/**
 * @typedef {import('../src/knowledge/schema').FactEntry} FactEntry
 * @typedef {import('../src/knowledge/schema').KnowledgeBase} KnowledgeBase
 * @typedef {{ ask(q: string): { ids: string[], answered: boolean } }} BuiltSystem
 * @typedef {{ label: string, build(facts: readonly FactEntry[], knowledge?: KnowledgeBase): BuiltSystem }} System
 * @typedef {keyof typeof SYSTEMS} SystemName
 */

const source = Object.freeze({ title: 'Synthetic benchmark knowledge' });

/** @param {readonly FactEntry[]} facts @returns {KnowledgeBase} */
function asKnowledge(facts) {
  return {
    // Not `{ ...f, source, … }`: V8 gives each object spread-then-extended a hidden class of its own (knowledge/read-files.ts).
    facts: facts.map((f, i) => Object.assign({}, f, { source, file: 'bench', line: i + 1 })),
    sources: [{ ...source, file: 'bench' }],
    aliases: [],
    fingerprint: 'bench',
  };
}

/** @satisfies {Record<string, System>} */
const SYSTEMS = {
  /** This engine, default configuration. */
  'briefing-bot': {
    label: LABELS['briefing-bot'],
    /** @param {readonly FactEntry[]} facts @param {KnowledgeBase} [knowledge] the facts as loaded, when there is one */
    build(facts, knowledge) {
      const engine = createEngine(knowledge ?? asKnowledge(facts));
      // As the bot does after a start (src/knowledge/warm.ts), here counted in the build time.
      engine.warm();
      return {
        ask(q) {
          const answer = engine.ask(q, { top: 10 });
          return { ids: answer.results.map((r) => r.fact.id), answered: answer.answered };
        },
      };
    },
  },
  /** fuse.js over every fact, default options, keys questions and text. */
  fuse: {
    label: LABELS.fuse,
    build(facts) {
      const fuse = new Fuse(facts, { keys: ['questions', 'text'] });
      return {
        ask(q) {
          const ids = fuse.search(q, { limit: 10 }).map((r) => r.item.id);
          return { ids, answered: ids.length > 0 };
        },
      };
    },
  },
  /** MiniSearch with its default BM25 options, fields questions and text. */
  minisearch: {
    label: LABELS.minisearch,
    build(facts) {
      const ms = new MiniSearch({ fields: ['questions', 'text'], idField: 'id' });
      ms.addAll(facts.map((f) => ({ id: f.id, questions: f.questions.join('\n'), text: f.text })));
      return {
        ask(q) {
          const ids = ms.search(q).slice(0, 10).map((r) => r.id);
          return { ids, answered: ids.length > 0 };
        },
      };
    },
  },
};

module.exports = { SYSTEMS, asKnowledge };

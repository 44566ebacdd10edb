'use strict';
/**
 * Deterministic synthetic knowledge for speed benchmarks, generated here (nothing downloaded):
 * pseudo-English words from syllables with a Zipf-like frequency, mixed with real English function
 * words, so term statistics look like prose. Queries are 3–8 words taken from a fact, 30 % with a typo.
 */

/** @typedef {import('../src/knowledge/schema').FactEntry} FactEntry */

const { seededRandom: rng } = require('../dist/eval/seeded-random');

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'ch', 'cl', 'dr', 'gr', 'pl', 'pr', 'sh', 'st', 'th', 'tr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'rk', 'ng'];
const FUNCTION_WORDS = 'the of and to in a is that for on with as by at from it was are be this which or an has have not but its were their been also more than'.split(' ');

/**
 * `list[index]`, for an index the caller knows is in range (noUncheckedIndexedAccess cannot).
 * @template T
 * @param {ArrayLike<T>} list
 * @param {number} index
 * @returns {T}
 */
function at(list, index) {
  const item = list[index];
  if (item === undefined) throw new RangeError(`index ${index} outside 0..${list.length - 1}`);
  return item;
}

/** @template T @param {ArrayLike<T>} list @param {() => number} random @returns {T} */
const oneOf = (list, random) => at(list, Math.floor(random() * list.length));

/** @param {number} size @param {() => number} random */
function vocabulary(size, random) {
  /** @type {Set<string>} */
  const words = new Set();
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < syllables; i++) {
      w += oneOf(ONSETS, random) + oneOf(VOWELS, random);
    }
    w += oneOf(CODAS, random);
    if (w.length >= 3) words.add(w);
  }
  return [...words];
}

/** Zipf(s≈1) sampler over `n` ranks via a precomputed cumulative table. @param {number} n @param {() => number} random */
function zipf(n, random) {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / (i + 1);
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(cumulative, mid) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** @param {string[]} words @param {() => number} pick @param {() => number} random @param {number} length */
function sentence(words, pick, random, length) {
  const out = [];
  for (let i = 0; i < length; i++) out.push(random() < 0.35 ? oneOf(FUNCTION_WORDS, random) : at(words, pick()));
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `count` facts: a 20–60 word text and a 5–10 word stored question each. @param {number} count @returns {FactEntry[]} */
function generateFacts(count, seed = 42) {
  const random = rng(seed);
  const words = vocabulary(30000, random);
  const pick = zipf(words.length, random);
  const facts = [];
  for (let i = 0; i < count; i++) {
    const text = `${sentence(words, pick, random, 20 + Math.floor(random() * 41))}.`;
    const question = `${sentence(words, pick, random, 5 + Math.floor(random() * 6))}?`;
    facts.push({ id: `fact-${i}`, text, questions: [question], tags: [] });
  }
  return facts;
}

/** @param {string} word @param {() => number} random */
function typo(word, random) {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1); // deletion
  if (kind === 1) return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2); // transposition
  return word.slice(0, i) + 'aeiou'[Math.floor(random() * 5)] + word.slice(i + 1); // substitution
}

/**
 * `count` queries of 3–8 consecutive words from random facts; `typoShare` of them with one typo.
 * @param {readonly FactEntry[]} facts
 * @param {number} count
 */
function generateQueries(facts, count, seed = 7, typoShare = 0.3) {
  const random = rng(seed);
  const queries = [];
  for (let i = 0; i < count; i++) {
    const fact = oneOf(facts, random);
    const words = fact.text.replace(/[.?]/g, '').split(' ');
    const length = 3 + Math.floor(random() * 6);
    const start = Math.floor(random() * Math.max(1, words.length - length));
    const q = words.slice(start, start + length);
    if (random() < typoShare) {
      const j = Math.floor(random() * q.length);
      q[j] = typo(at(q, j), random);
    }
    queries.push(q.join(' '));
  }
  return queries;
}

/**
 * Writes `count` synthetic facts as a knowledge folder of YAML files, `perFile` facts (one source) each.
 * @param {string} dir @param {number} count @param {{ seed?: number, perFile?: number, prefix?: string }} [options]
 */
function writeKnowledgeFolder(dir, count, { seed = 4242, perFile = 1000, prefix = 'source' } = {}) {
  const { mkdirSync, writeFileSync } = require('node:fs');
  const path = require('node:path');
  const { stringify } = require('yaml');
  mkdirSync(dir, { recursive: true });
  const facts = generateFacts(count, seed);
  for (let i = 0; i < facts.length; i += perFile) {
    const n = i / perFile;
    const file = { source: { title: `Synthetic source ${n + 1}`, date: '2024-05' }, facts: facts.slice(i, i + perFile).map(({ id, text, questions }) => ({ id: `${prefix}-${id}`, text, questions })) };
    writeFileSync(path.join(dir, `${prefix}-${String(n).padStart(4, '0')}.yml`), stringify(file, { lineWidth: 0 }));
  }
}

module.exports = { generateFacts, generateQueries, writeKnowledgeFolder };

#!/usr/bin/env node
'use strict';
/**
 * node bench/first-questions.js
 * The sentence model's latency on the first questions a fresh process sees, as the bot meets them after a
 * start with its fact vectors already cached: cold (the model has run on nothing yet) against warmed the way
 * the bot warms it (src/slack/semantic-stage.ts). Each run is its own process, the two kinds alternating.
 * Needs `npm run build`.
 */
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { percentile } = require('./stats');

const RUNS = 3;
const SELF = path.join(__dirname, 'first-questions.js');
const BANK = path.join(__dirname, '..', 'test', 'fixtures', 'eval', 'nrf-bank.fresh.jsonl');

/** @typedef {{ questions: number, p50: number, p90: number, p99: number, max: number }} Run */

/** One process's run: embeds every question of the bank once, in order. @param {string} kind */
async function child(kind) {
  const { performance } = require('node:perf_hooks');
  const { loadEmbedder, warmUp } = require('../dist/engine/semantic/embedder');
  const embedder = await loadEmbedder();
  if (kind === 'warmed') await warmUp(embedder);
  const questions = readFileSync(BANK, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).q);
  /** @type {number[]} */
  const ms = [];
  for (const q of questions) {
    const t = performance.now();
    await embedder.embed([q]);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (/** @type {number} */ p) => Math.round((percentile(ms, p) ?? NaN) * 10) / 10;
  process.stdout.write(JSON.stringify({ questions: ms.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) }));
}

function main() {
  /** @type {Record<string, Run[]>} */
  const runs = { cold: [], warmed: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ['cold', 'warmed']) runs[kind]?.push(JSON.parse(execFileSync(process.execPath, [SELF, kind], { encoding: 'utf8' })));
  }
  const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`Embedding the ${runs.cold?.[0]?.questions} fresh NRF questions in order, in a new process; medians of ${RUNS} runs (ms):`);
  for (const [kind, r] of Object.entries(runs)) {
    console.log(`  ${kind.padEnd(7)} p50 ${median(r.map((x) => x.p50))}  p90 ${median(r.map((x) => x.p90))}  p99 ${median(r.map((x) => x.p99))}  max ${median(r.map((x) => x.max))}`);
  }
}

if (process.argv[2]) {
  child(process.argv[2]).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
} else main();

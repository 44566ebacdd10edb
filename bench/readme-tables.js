#!/usr/bin/env node
'use strict';
/**
 * node bench/readme-tables.js [--write] [RESULTS.json]
 * The README's benchmark tables (Performance → The latest full run), rendered from a full `npm run bench`'s
 * results (default bench/results/latest.json): printed, or with --write put in README.md between its two
 * markers. `npm run bench` writes them itself after a full run, and a test fails when the README's tables
 * are not those of the committed results, so these tables always show the last committed run.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { LABELS, FOUR_THREADS } = require('./labels');

/**
 * @typedef {import('./run').Report} Report
 * @typedef {import('./systems').SystemName} SystemName
 */

const README = path.join(__dirname, '..', 'README.md');
const RESULTS = path.join(__dirname, 'results', 'latest.json');
const BEGIN = '<!-- bench:latest:begin (written by `node bench/readme-tables.js --write` from bench/results/latest.json; do not edit by hand) -->';
const END = '<!-- bench:latest:end -->';

/** @param {number | null | undefined} x */
const f3 = (x) => (x == null ? '—' : x.toFixed(3));
/** Milliseconds as the bench prints them: three decimals under 10 ms. @param {number | null | undefined} x */
const ms = (x) => (x == null ? '—' : x < 10 ? x.toFixed(3) : Math.round(x).toLocaleString('en'));
/** @param {number} x */
const mb = (x) => x.toFixed(0);
/** @param {number} x */
const pct = (x) => `${(x * 100).toFixed(0)} %`;
/** @param {readonly string[]} cells */
const row = (cells) => `| ${cells.join(' | ')} |`;

/** @param {Report} r @returns {string} the tables, without the markers */
function renderTables(r) {
  const ours = (/** @type {number} */ size) => r.speed.find((s) => s.system === 'briefing-bot' && s.size === size && s.v8PoolSize === 1);
  const when = `${r.date.slice(0, 10)} ${r.date.slice(11, 16)} UTC`;
  const names = /** @type {SystemName[]} */ (Object.keys(r.quality));
  const lines = [
    `Measured by a full \`npm run bench\` on ${when} (Node ${r.node.replace(/^v/, '')}, ${r.cpus} cores, ${Math.round(r.durationS)} s), each system in a process of its own. "Briefing Bot engine" is the lexical stage, as \`brief ask --lexical\` answers; the semantic stage is measured apart (below).`,
    '',
    '**Quality**: StackFAQ over 1,249 paraphrases (hit@1 / hit@5 / MRR@10), and the team\'s sample questions (`questions.dev.jsonl`: answerable ones right / out-of-scope ones declined; the baselines have no confidence score, so "declined" means an empty result for them):',
    '',
    row(['system', 'title + first answer', 'first answer only', 'sample questions']),
    row(['---', '---', '---', '---']),
  ];
  for (const name of names) {
    const q = r.quality[name];
    const s = (/** @type {'title+answer' | 'answer'} */ m) => `${f3(q[m].hitAt1)} / ${f3(q[m].hitAt5)} / ${f3(q[m].mrrAt10)}`;
    const label = name === 'briefing-bot' ? `**${LABELS[name]}**` : LABELS[name];
    lines.push(row([label, s('title+answer'), s('answer'), `${pct(q.dev.top1)} / ${pct(q.dev.noAnswer)}`]));
  }
  lines.push(
    '',
    "**Speed**: synthetic facts (`bench/synthetic.js`: pseudo-English with a Zipf word distribution); queries of 3–8 words, 30 % with a typo; 1,000 queries for ours, 200 for the baselines. Every system runs with one V8 helper thread, as `npm start` runs the bot, and ours again with Node's default four. Heap and RSS: right after building and a full GC, the facts included; peak: the most RSS the process held by then, generating the facts included.",
    '',
    row(['system', 'facts', 'build ms', 'p50 ms', 'p99 ms', 'heap MB', 'RSS MB', 'peak RSS MB', 'queries', 'ours faster (p50)']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  );
  for (const s of r.speed) {
    const base = ours(s.size);
    const ratio = s.system === 'briefing-bot' || !s.p50Ms || !base?.p50Ms ? '' : `${(s.p50Ms / base.p50Ms).toFixed(0)}×`;
    const done = s.completed < s.queries ? `${s.completed} of ${s.queries}*` : s.completed.toLocaleString('en');
    const label = s.v8PoolSize !== 1 ? FOUR_THREADS : s.system === 'briefing-bot' ? `**${LABELS[s.system]}**` : LABELS[s.system];
    lines.push(row([label, s.size.toLocaleString('en'), ms(s.buildMs), ms(s.p50Ms), ms(s.p99Ms), mb(s.heapMB), mb(s.rssMB), mb(s.peakRssMB), done, ratio]));
  }
  if (r.speed.some((s) => s.completed < s.queries)) lines.push('', '\\* Ran out of its time budget: its figures are over the queries it finished.');
  const y = r.yamlLoad;
  const facts = y.facts.toLocaleString('en');
  lines.push(
    '',
    `- Cold start, \`brief ask --lexical\` on the bundled knowledge, process start to answer: **${ms(r.coldStart.medianMs)} ms** (median of ${r.coldStart.runs.length}).`,
    `- ${facts} facts in ${y.files} YAML files, start to ready to answer: ${ms(y.firstTotalMs)} ms the first time (parsing, validating and indexing; RSS ${mb(y.firstRssMB)} MB), **${ms(y.totalMs)} ms** when the files are unchanged (knowledge and index from the cache; RSS ${mb(y.rssMB)} MB).`,
    `- \`brief ask --lexical\` over those ${facts} facts, process start to answer (medians of ${y.ask.cold.length}): ${ms(y.ask.coldMedianMs)} ms with an empty cache, **${ms(y.ask.warmMedianMs)} ms** warm, ${ms(y.ask.warmMisspeltMedianMs)} ms warm with a misspelt word.`,
    '',
    'Targets (issues #4 and #9), as this run measured them:',
    '',
    row(['target', 'this run', 'goal', '']),
    row(['---', '---', '---', '---']),
  );
  for (const t of r.targets) lines.push(row([t.name, t.value, t.target, t.met ? 'met' : '**missed**']));
  return lines.join('\n');
}

/** `readme` with its benchmark block replaced by `r`'s tables. @param {string} readme @param {Report} r */
function withTables(readme, r) {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no benchmark block: put the two lines\n${BEGIN}\n${END}\nwhere the tables go`);
  return `${readme.slice(0, begin + BEGIN.length)}\n${renderTables(r)}\n${readme.slice(end)}`;
}

/** Rewrites README.md's tables from `results`. @param {string} [results] */
function writeReadmeTables(results = RESULTS) {
  const r = /** @type {Report} */ (JSON.parse(readFileSync(results, 'utf8')));
  writeFileSync(README, withTables(readFileSync(README, 'utf8'), r));
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--')) ?? RESULTS;
  if (args.includes('--write')) {
    writeReadmeTables(file);
    console.log(`README.md: benchmark tables written from ${path.relative(process.cwd(), file)}`);
  } else {
    console.log(renderTables(JSON.parse(readFileSync(file, 'utf8'))));
  }
}

module.exports = { renderTables, withTables, writeReadmeTables, f3, ms, README, RESULTS, BEGIN, END };

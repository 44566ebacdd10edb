#!/usr/bin/env node
'use strict';
/**
 * npm run bench [-- --quick]
 * Quality (StackFAQ, dev questions) and speed (1k/10k/100k synthetic facts, cold start, 100k-fact
 * YAML load) of this engine against fuse.js and MiniSearch, all in one run. Prints one table and
 * writes the same figures to bench/results/latest.json (a full run also puts them in the README:
 * bench/readme-tables.js). Needs `npm run build` (npm install does it).
 */
const { execFileSync, spawn } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { SYSTEMS } = require('./systems');
const { FOUR_THREADS } = require('./labels');
const { f3, ms, writeReadmeTables } = require('./readme-tables');
const { generateFacts, writeKnowledgeFolder } = require('./synthetic');
const { percentile } = require('./stats');
const { readThreads, threadsAsKnowledge, scoreRetrieval, STACKFAQ_TARGETS } = require('../dist/eval/stackfaq');
const { readCases } = require('../dist/eval/cases');
const { loadKnowledgeOrThrow } = require('../dist/knowledge/load');
const { BUNDLED_KNOWLEDGE } = require('../dist/cli/knowledge-dir');
const { isRight } = require('../dist/eval/judge');

/**
 * @typedef {import('./systems').SystemName} SystemName
 * @typedef {import('../src/eval/stackfaq').IndexMode} IndexMode
 * @typedef {import('../src/eval/stackfaq').RetrievalScores} RetrievalScores
 * @typedef {import('./worker').SpeedResult} SpeedResult
 * @typedef {import('./worker').LoadResult} LoadResult
 * @typedef {Record<IndexMode, RetrievalScores> & { dev: { top1: number, noAnswer: number, answerable: number, unanswerable: number } }} QualityRow
 * @typedef {{ name: string, value: string, target: string, met: boolean }} Target
 * @typedef {{ date: string, quick: boolean, node: string, cpus: number, quality: Record<SystemName, QualityRow>, speed: SpeedResult[],
 *   coldStart: { runs: number[], medianMs: number }, yamlLoad: LoadResult & { firstTotalMs: number, firstRssMB: number, ask: AskTimes } }} Measured
 * @typedef {{ question: string, misspelt: string, cold: number[], warm: number[], warmMisspelt: number[], coldMedianMs: number, warmMedianMs: number, warmMisspeltMedianMs: number }} AskTimes
 * @typedef {Measured & { targets: Target[], durationS: number }} Report
 */

const quick = process.argv.includes('--quick');
const NAMES = /** @type {SystemName[]} */ (Object.keys(SYSTEMS));
const ROOT = path.resolve(__dirname, '..');
const DEV_QUESTIONS = path.join(ROOT, 'test', 'fixtures', 'eval', 'questions.dev.jsonl');
const PLAN = quick
  ? { sizes: [1000], queries: { 'briefing-bot': 1000, minisearch: 200, fuse: 200 }, budgetMs: { 'briefing-bot': 20000, minisearch: 20000, fuse: 15000 }, coldRuns: 3, yamlFacts: 1000, askRuns: 2 }
  : { sizes: [1000, 10000, 100000], queries: { 'briefing-bot': 1000, minisearch: 200, fuse: 200 }, budgetMs: { 'briefing-bot': 60000, minisearch: 60000, fuse: 90000 }, coldRuns: 5, yamlFacts: 100000, askRuns: 3 };
/**
 * Node as `npm start` runs the bot (package.json): one V8 helper thread instead of Node's default four,
 * which on a two-core machine take turns with the thread answering questions (docs/performance-log.md).
 */
const BOT_NODE_FLAGS = ['--v8-pool-size=1'];
const TARGETS = { p99Ms10k: 1, p99Ms100k: 5, speedupVsFuse10k: 300, buildMs100k: 3000, rssMB100k: 300, yamlLoadMs100k: 5000, warmAskMs100k: 1500, coldStartMs: 300 };

const tty = process.stderr.isTTY;
/** @param {string} line */
const progress = (line) => process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
/** @param {readonly number[]} xs */
const median = (xs) => percentile([...xs].sort((a, b) => a - b), 0.5) ?? NaN;

/**
 * Runs bench/worker.js in a fresh process and returns the JSON it prints.
 * @template T the worker's result for these arguments
 * @param {string[]} args
 * @param {string} label
 * @returns {Promise<T>}
 */
function runWorker(args, label, nodeFlags = BOT_NODE_FLAGS) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...nodeFlags, path.join(__dirname, 'worker.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      const last = String(d).trim().split('\n').pop();
      if (last?.startsWith('progress')) progress(`${label}: queries ${last.slice(9)}`);
    });
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${label} failed (${code}): ${err.slice(-500)}`))));
  });
}

function quality() {
  const threads = readThreads();
  const { cases, problems } = readCases(DEV_QUESTIONS);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const knowledge = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE);
  const rows = /** @type {Record<SystemName, QualityRow>} */ ({});
  for (const name of NAMES) {
    const system = SYSTEMS[name];
    progress(`quality: ${system.label}`);
    /** @param {IndexMode} mode */
    const stackfaq = (mode) => {
      const kb = threadsAsKnowledge(threads, mode);
      const built = system.build(kb.facts, kb);
      return scoreRetrieval(threads, (q) => built.ask(q).ids);
    };
    const row = { 'title+answer': stackfaq('title+answer'), answer: stackfaq('answer') };
    // Dev questions: the baselines have no confidence; "no answer" means they returned nothing.
    const built = system.build(knowledge.facts, knowledge);
    const byId = new Map(knowledge.facts.map((f) => [f.id, f]));
    let right = 0, total = 0, declined = 0, unanswerable = 0;
    for (const { q, expect } of cases) {
      const { ids, answered } = built.ask(q);
      const fact = ids[0] === undefined ? undefined : byId.get(ids[0]);
      /** @type {import('../src/engine/engine').Answer} */
      const answer = { question: q, answered, results: fact ? [{ fact, score: 1, relevance: 1, matched: [] }] : [] };
      if (expect === null) {
        unanswerable++;
        if (isRight(answer, null)) declined++;
      } else {
        total++;
        if (isRight(answer, expect)) right++;
      }
    }
    rows[name] = { ...row, dev: { top1: right / total, noAnswer: declined / unanswerable, answerable: total, unanswerable } };
  }
  return rows;
}

async function speed() {
  /** @type {SpeedResult[]} */
  const results = [];
  for (const size of PLAN.sizes) {
    for (const name of NAMES) {
      const label = `speed: ${SYSTEMS[name].label} at ${size.toLocaleString('en')} facts`;
      progress(label);
      const args = ['speed', name, String(size), String(PLAN.queries[name]), String(PLAN.budgetMs[name])];
      results.push(await runWorker(args, label));
      // Ours again with Node's default helper threads, for comparison; the targets are judged as the bot runs.
      if (name === 'briefing-bot') results.push(await runWorker(args, `${label}, Node's default V8 threads`, []));
    }
  }
  return results;
}

function coldStart() {
  const times = [];
  for (let i = 0; i < PLAN.coldRuns; i++) {
    progress(`cold start: run ${i + 1}/${PLAN.coldRuns}`);
    const start = process.hrtime.bigint();
    // The lexical engine's goal; the semantic stage's start-up is measured by bench/semantic.js.
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'brief.js'), 'ask', '--lexical', "What are the NRF's stated goals?"], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { runs: times, medianMs: median(times) };
}

/** `brief ask` over the synthetic folder, process start to answer: each cold run with an empty cache, warm runs with the cache it filled. */
/** @param {string} dir @returns {AskTimes} */
function briefAsk(dir) {
  const question = generateFacts(1, 4242)[0]?.questions[0] ?? 'synthetic question';
  // The same words with one letter dropped from the longest: the first correction also builds the spelling index.
  const longest = question.replace(/[?]/g, '').split(' ').sort((a, b) => b.length - a.length)[0] ?? '';
  const misspelt = question.replace(longest, longest.slice(0, 2) + longest.slice(3));
  /** @param {string} cacheDir @param {string} q */
  const time = (cacheDir, q) => {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'brief.js'), 'ask', '--lexical', '--knowledge', dir, q], { stdio: 'ignore', env: { ...process.env, KNOWLEDGE_CACHE_DIR: cacheDir } });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const cold = [];
  for (let i = 0; i < PLAN.askRuns; i++) {
    progress(`brief ask: cold ${i + 1}/${PLAN.askRuns}`);
    cold.push(time(path.join(dir, `.ask-cache-${i}`), question));
  }
  const warm = [];
  const warmMisspelt = [];
  for (let i = 0; i < PLAN.askRuns; i++) {
    progress(`brief ask: warm ${i + 1}/${PLAN.askRuns}`);
    warm.push(time(path.join(dir, '.ask-cache-0'), question));
    warmMisspelt.push(time(path.join(dir, '.ask-cache-0'), misspelt));
  }
  return { question, misspelt, cold, warm, warmMisspelt, coldMedianMs: median(cold), warmMedianMs: median(warm), warmMisspeltMedianMs: median(warmMisspelt) };
}

async function yamlLoad() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'brief-bench-yaml-'));
  try {
    progress(`YAML load: writing ${PLAN.yamlFacts.toLocaleString('en')} facts`);
    writeKnowledgeFolder(dir, PLAN.yamlFacts);
    // First load parses, validates and indexes every file and fills the cache; the second finds both by content hash.
    const cacheDir = path.join(dir, '.cache');
    progress('YAML load: first (no cache)');
    /** @type {LoadResult} */
    const first = await runWorker(['load', dir, cacheDir], 'YAML load');
    progress('YAML load: again (cached)');
    /** @type {LoadResult} */
    const cached = await runWorker(['load', dir, cacheDir], 'YAML load (cached)');
    return { ...cached, firstTotalMs: first.totalMs, firstRssMB: first.rssMB, ask: briefAsk(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {string | number} s @param {number} n */
const pad = (s, n) => String(s).padEnd(n);

/** @param {Report} r */
function report(r) {
  const lines = [];
  lines.push(`Briefing Bot benchmark ${r.quick ? '(quick) ' : ''}— ${r.date}, Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})`);
  lines.push('', 'Quality: StackFAQ (1,249 paraphrases; hit@1 / hit@5 / MRR@10) and the dev questions');
  lines.push(`${pad('system', 28)}${pad('title + answer', 26)}${pad('answer only', 26)}dev top-1 / no-answer`);
  for (const name of NAMES) {
    const row = r.quality[name];
    /** @param {IndexMode} m */
    const s = (m) => `${f3(row[m].hitAt1)} / ${f3(row[m].hitAt5)} / ${f3(row[m].mrrAt10)}`;
    lines.push(`${pad(SYSTEMS[name].label, 28)}${pad(s('title+answer'), 26)}${pad(s('answer'), 26)}${(row.dev.top1 * 100).toFixed(0)} % / ${(row.dev.noAnswer * 100).toFixed(0)} %`);
  }
  lines.push('', "Speed (synthetic facts; queries of 3–8 words, 30 % with a typo; each system in its own process, with one V8 helper thread as `npm start` runs the bot, and ours again with Node's default four; 1,000 queries for ours, 200 for the baselines)");
  lines.push(`${pad('system', 28)}${pad('facts', 9)}${pad('build ms', 10)}${pad('p50 ms', 10)}${pad('p99 ms', 10)}${pad('heap MB', 9)}${pad('RSS MB', 8)}${pad('peak', 6)}${pad('queries', 12)}ours faster (p50)`);
  for (const s of r.speed) {
    const ours = asBotRuns(r.speed).find((o) => o.system === 'briefing-bot' && o.size === s.size);
    const ratio = s.system === 'briefing-bot' || !s.p50Ms || !ours?.p50Ms ? '' : `${(s.p50Ms / ours.p50Ms).toFixed(0)}×`;
    const done = s.completed < s.queries ? `${s.completed}/${s.queries}*` : `${s.completed}`;
    const label = s.v8PoolSize === 1 ? SYSTEMS[s.system].label : FOUR_THREADS;
    lines.push(`${pad(label, 28)}${pad(s.size.toLocaleString('en'), 9)}${pad(ms(s.buildMs), 10)}${pad(ms(s.p50Ms), 10)}${pad(ms(s.p99Ms), 10)}${pad(s.heapMB.toFixed(0), 9)}${pad(s.rssMB.toFixed(0), 8)}${pad(s.peakRssMB.toFixed(0), 6)}${pad(done, 12)}${ratio}`);
  }
  lines.push('  heap and RSS: right after building and a full GC; peak: the most RSS the process held by then, generating the facts included');
  if (r.speed.some((s) => s.completed < s.queries)) lines.push('  * ran out of its time budget: figures are over the queries it finished');
  lines.push('', `Cold start, \`brief ask --lexical\` on the bundled knowledge (median of ${r.coldStart.runs.length}): ${r.coldStart.medianMs.toFixed(0)} ms`);
  lines.push(`Load ${r.yamlLoad.facts.toLocaleString('en')} facts from ${r.yamlLoad.files} YAML files, start to ready to answer:`);
  lines.push(`  first time (parse + validate + index): ${r.yamlLoad.firstTotalMs.toFixed(0)} ms, RSS ${r.yamlLoad.firstRssMB.toFixed(0)} MB`);
  lines.push(`  unchanged files (knowledge and index from the cache): ${r.yamlLoad.totalMs.toFixed(0)} ms, RSS ${r.yamlLoad.rssMB.toFixed(0)} MB`);
  const a = r.yamlLoad.ask;
  lines.push(`\`brief ask --lexical\` on those ${r.yamlLoad.facts.toLocaleString('en')} facts, process start to answer (median of ${a.cold.length}):`);
  lines.push(`  cold (empty cache): ${a.coldMedianMs.toFixed(0)} ms; warm: ${a.warmMedianMs.toFixed(0)} ms; warm with a misspelt word: ${a.warmMisspeltMedianMs.toFixed(0)} ms`);
  lines.push('', 'Targets');
  for (const t of r.targets) lines.push(`  ${t.met ? 'met   ' : 'MISSED'} ${t.name}: ${t.value} (target ${t.target})`);
  return lines.join('\n');
}

/** The runs made as the bot runs (BOT_NODE_FLAGS), not the comparison runs. @param {SpeedResult[]} speed */
const asBotRuns = (speed) => speed.filter((s) => s.v8PoolSize === 1);

/** @param {Measured} r */
function checkTargets(r) {
  /** @param {SystemName} system @param {number} size */
  const at = (system, size) => asBotRuns(r.speed).find((s) => s.system === system && s.size === size);
  /** @type {Target[]} */
  const t = [];
  /** A target for each figure this run measured. @param {string} name @param {number | null | undefined} value @param {string} target @param {(x: number) => boolean} met @param {(x: number) => string} fmt */
  const add = (name, value, target, met, fmt) => value != null && t.push({ name, value: fmt(value), target, met: met(value) });
  const ours10k = at('briefing-bot', 10000);
  const ours100k = at('briefing-bot', 100000);
  const fuse10k = at('fuse', 10000);
  const speedup = ours10k?.p50Ms && fuse10k?.p50Ms ? fuse10k.p50Ms / ours10k.p50Ms : null;
  add('query p99 at 10k facts', ours10k?.p99Ms, `≤ ${TARGETS.p99Ms10k} ms`, (x) => x <= TARGETS.p99Ms10k, (x) => `${x.toFixed(3)} ms`);
  add('query p99 at 100k facts', ours100k?.p99Ms, `≤ ${TARGETS.p99Ms100k} ms`, (x) => x <= TARGETS.p99Ms100k, (x) => `${x.toFixed(3)} ms`);
  add('faster than fuse.js at 10k (p50)', speedup, `≥ ${TARGETS.speedupVsFuse10k}×`, (x) => x >= TARGETS.speedupVsFuse10k, (x) => `${x.toFixed(0)}×`);
  add('index build at 100k', ours100k?.buildMs, `≤ ${TARGETS.buildMs100k} ms`, (x) => x <= TARGETS.buildMs100k, (x) => `${x.toFixed(0)} ms`);
  const rssNote = ours100k ? ` (peak ${ours100k.peakRssMB.toFixed(0)} MB)` : '';
  add('RSS at 100k', ours100k?.rssMB, `≤ ${TARGETS.rssMB100k} MB`, (x) => x <= TARGETS.rssMB100k, (x) => `${x.toFixed(0)} MB${rssNote}`);
  if (r.yamlLoad.facts >= 100000) add('load 100k facts from YAML (cached)', r.yamlLoad.totalMs, `≤ ${TARGETS.yamlLoadMs100k} ms`, (x) => x <= TARGETS.yamlLoadMs100k, (x) => `${x.toFixed(0)} ms`);
  if (r.yamlLoad.facts >= 100000) add('warm `brief ask` at 100k facts', r.yamlLoad.ask.warmMedianMs, `≤ ${TARGETS.warmAskMs100k} ms`, (x) => x <= TARGETS.warmAskMs100k, (x) => `${x.toFixed(0)} ms`);
  add('cold start', r.coldStart.medianMs, `≤ ${TARGETS.coldStartMs} ms`, (x) => x <= TARGETS.coldStartMs, (x) => `${x.toFixed(0)} ms`);
  const q = r.quality['briefing-bot'];
  add('StackFAQ hit@1, title + answer', q['title+answer'].hitAt1, `≥ ${STACKFAQ_TARGETS['title+answer']}`, (x) => x >= STACKFAQ_TARGETS['title+answer'], f3);
  add('StackFAQ hit@1, answer only', q.answer.hitAt1, `≥ ${STACKFAQ_TARGETS.answer}`, (x) => x >= STACKFAQ_TARGETS.answer, f3);
  return t;
}

async function main() {
  const started = Date.now();
  // Measured in this order, one after the other (the object's properties are evaluated in turn).
  /** @type {Measured} */
  const measured = { date: new Date().toISOString(), quick, node: process.version, cpus: os.cpus().length, quality: quality(), speed: await speed(), coldStart: coldStart(), yamlLoad: await yamlLoad() };
  /** @type {Report} */
  const r = { ...measured, targets: checkTargets(measured), durationS: (Date.now() - started) / 1000 };
  progress('');
  if (tty) process.stderr.write('\n');
  console.log(report(r));
  console.log(`\n(${r.durationS.toFixed(0)} s)`);
  mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  const file = path.join(__dirname, 'results', quick ? 'latest-quick.json' : 'latest.json');
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  console.log(`Figures written to ${path.relative(process.cwd(), file)}`);
  if (!quick) {
    writeReadmeTables(file);
    console.log('README.md: its benchmark tables (Performance) now show this run');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

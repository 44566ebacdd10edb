#!/usr/bin/env node
'use strict';
/**
 * npm run bench [-- --quick]
 * Quality (StackFAQ, dev questions) and speed (1k/10k/100k synthetic facts, cold start, 100k-fact
 * YAML load) of this engine against fuse.js and MiniSearch, all in one run. Prints one table and
 * writes the same figures to bench/results/latest.json. Needs `npm run build` (npm install does it).
 */
const { execFileSync, spawn } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { SYSTEMS } = require('./systems');
const { writeKnowledgeFolder } = require('./synthetic');
const { readThreads, threadsAsKnowledge, scoreRetrieval } = require('../dist/eval/stackfaq');
const { readCases } = require('../dist/cli/eval');
const { loadKnowledgeOrThrow } = require('../dist/knowledge/load');
const { BUNDLED_KNOWLEDGE } = require('../dist/cli/knowledge-dir');
const { isRight } = require('../dist/engine/judge');

const quick = process.argv.includes('--quick');
const ROOT = path.resolve(__dirname, '..');
const DEV_QUESTIONS = path.resolve(ROOT, '..', 'shared', 'eval', 'questions.dev.jsonl');
const PLAN = quick
  ? { sizes: [1000], queries: { 'briefing-bot': 1000, minisearch: 200, fuse: 200 }, budgetMs: { 'briefing-bot': 20000, minisearch: 20000, fuse: 15000 }, coldRuns: 3, yamlFacts: 1000, askRuns: 2 }
  : { sizes: [1000, 10000, 100000], queries: { 'briefing-bot': 1000, minisearch: 200, fuse: 200 }, budgetMs: { 'briefing-bot': 60000, minisearch: 60000, fuse: 90000 }, coldRuns: 5, yamlFacts: 100000, askRuns: 3 };
const TARGETS = { p99Ms10k: 1, p99Ms100k: 5, speedupVsFuse10k: 300, buildMs100k: 3000, rssMB100k: 300, yamlLoadMs100k: 5000, warmAskMs100k: 1500, coldStartMs: 300, stackfaqBoth: 0.8, stackfaqAnswer: 0.55 };

const tty = process.stderr.isTTY;
const progress = (line) => process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runWorker(args, label) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', path.join(__dirname, 'worker.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  const cases = readCases(DEV_QUESTIONS);
  const knowledge = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE);
  const rows = {};
  for (const [name, system] of Object.entries(SYSTEMS)) {
    progress(`quality: ${system.label}`);
    const row = {};
    for (const mode of ['title+answer', 'answer']) {
      const kb = threadsAsKnowledge(threads, mode);
      const built = system.build(kb.facts, kb);
      row[mode] = scoreRetrieval(threads, (q) => built.ask(q).ids);
    }
    // Dev questions: the baselines have no confidence; "no answer" means they returned nothing.
    const built = system.build(knowledge.facts, knowledge);
    const byId = new Map(knowledge.facts.map((f) => [f.id, f]));
    let right = 0, total = 0, declined = 0, unanswerable = 0;
    for (const { q, expect } of cases) {
      const { ids, answered } = built.ask(q);
      const answer = { question: q, answered, results: ids.slice(0, 1).map((id) => ({ fact: byId.get(id), score: 1, matched: [] })) };
      if (expect === null) {
        unanswerable++;
        if (isRight(answer, null)) declined++;
      } else {
        total++;
        if (isRight(answer, expect)) right++;
      }
    }
    row.dev = { top1: right / total, noAnswer: declined / unanswerable, answerable: total, unanswerable };
    rows[name] = row;
  }
  return rows;
}

async function speed() {
  const results = [];
  for (const size of PLAN.sizes) {
    for (const name of Object.keys(SYSTEMS)) {
      const label = `speed: ${SYSTEMS[name].label} at ${size.toLocaleString('en')} facts`;
      progress(label);
      results.push(await runWorker(['speed', name, String(size), String(PLAN.queries[name]), String(PLAN.budgetMs[name])], label));
    }
  }
  return results;
}

function coldStart() {
  const times = [];
  for (let i = 0; i < PLAN.coldRuns; i++) {
    progress(`cold start: run ${i + 1}/${PLAN.coldRuns}`);
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'brief.js'), 'ask', "What are the NRF's stated goals?"], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { runs: times, medianMs: median(times) };
}

/** `brief ask` over the synthetic folder, process start to answer: each cold run with an empty cache, warm runs with the cache it filled. */
function briefAsk(dir) {
  const { generateFacts } = require('./synthetic');
  const question = generateFacts(1, 4242)[0].questions[0];
  // The same words with one letter dropped from the longest: the first correction also builds the spelling index.
  const longest = question.replace(/[?]/g, '').split(' ').sort((a, b) => b.length - a.length)[0];
  const misspelt = question.replace(longest, longest.slice(0, 2) + longest.slice(3));
  const time = (cacheDir, q) => {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'brief.js'), 'ask', '--knowledge', dir, q], { stdio: 'ignore', env: { ...process.env, KNOWLEDGE_CACHE_DIR: cacheDir } });
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
    const first = await runWorker(['load', dir, cacheDir], 'YAML load');
    progress('YAML load: again (cached)');
    const cached = await runWorker(['load', dir, cacheDir], 'YAML load (cached)');
    return { ...cached, firstTotalMs: first.totalMs, firstRssMB: first.rssMB, ask: briefAsk(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f3 = (x) => (x == null ? '—' : x.toFixed(3));
const ms = (x) => (x == null ? '—' : x < 10 ? x.toFixed(3) : x.toFixed(0));
const pad = (s, n) => String(s).padEnd(n);

function report(r) {
  const lines = [];
  lines.push(`Briefing Bot benchmark ${r.quick ? '(quick) ' : ''}— ${r.date}, Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})`);
  lines.push('', 'Quality: StackFAQ (1,249 paraphrases; hit@1 / hit@5 / MRR@10) and the shared dev questions');
  lines.push(`${pad('system', 28)}${pad('title + answer', 26)}${pad('answer only', 26)}dev top-1 / no-answer`);
  for (const [name, row] of Object.entries(r.quality)) {
    const s = (m) => `${f3(row[m].hitAt1)} / ${f3(row[m].hitAt5)} / ${f3(row[m].mrrAt10)}`;
    lines.push(`${pad(SYSTEMS[name].label, 28)}${pad(s('title+answer'), 26)}${pad(s('answer'), 26)}${(row.dev.top1 * 100).toFixed(0)} % / ${(row.dev.noAnswer * 100).toFixed(0)} %`);
  }
  lines.push('', 'Speed (synthetic facts; queries of 3–8 words, 30 % with a typo; each system in its own process; 1,000 queries for ours, 200 for the baselines)');
  lines.push(`${pad('system', 28)}${pad('facts', 9)}${pad('build ms', 10)}${pad('p50 ms', 10)}${pad('p99 ms', 10)}${pad('heap MB', 9)}${pad('RSS MB', 8)}${pad('queries', 12)}ours faster (p50)`);
  for (const s of r.speed) {
    const ours = r.speed.find((o) => o.system === 'briefing-bot' && o.size === s.size);
    const ratio = s.system === 'briefing-bot' || !s.p50Ms || !ours?.p50Ms ? '' : `${(s.p50Ms / ours.p50Ms).toFixed(0)}×`;
    const done = s.completed < s.queries ? `${s.completed}/${s.queries}*` : `${s.completed}`;
    lines.push(`${pad(SYSTEMS[s.system].label, 28)}${pad(s.size.toLocaleString('en'), 9)}${pad(ms(s.buildMs), 10)}${pad(ms(s.p50Ms), 10)}${pad(ms(s.p99Ms), 10)}${pad(s.heapMB.toFixed(0), 9)}${pad(s.rssMB.toFixed(0), 8)}${pad(done, 12)}${ratio}`);
  }
  if (r.speed.some((s) => s.completed < s.queries)) lines.push('  * ran out of its time budget: figures are over the queries it finished');
  lines.push('', `Cold start, \`brief ask\` on the bundled knowledge (median of ${r.coldStart.runs.length}): ${r.coldStart.medianMs.toFixed(0)} ms`);
  lines.push(`Load ${r.yamlLoad.facts.toLocaleString('en')} facts from ${r.yamlLoad.files} YAML files, start to ready to answer:`);
  lines.push(`  first time (parse + validate + index): ${r.yamlLoad.firstTotalMs.toFixed(0)} ms, RSS ${r.yamlLoad.firstRssMB.toFixed(0)} MB`);
  lines.push(`  unchanged files (knowledge and index from the cache): ${r.yamlLoad.totalMs.toFixed(0)} ms, RSS ${r.yamlLoad.rssMB.toFixed(0)} MB`);
  const a = r.yamlLoad.ask;
  lines.push(`\`brief ask\` on those ${r.yamlLoad.facts.toLocaleString('en')} facts, process start to answer (median of ${a.cold.length}):`);
  lines.push(`  cold (empty cache): ${a.coldMedianMs.toFixed(0)} ms; warm: ${a.warmMedianMs.toFixed(0)} ms; warm with a misspelt word: ${a.warmMisspeltMedianMs.toFixed(0)} ms`);
  lines.push('', 'Targets');
  for (const t of r.targets) lines.push(`  ${t.met ? 'met   ' : 'MISSED'} ${t.name}: ${t.value} (target ${t.target})`);
  return lines.join('\n');
}

function checkTargets(r) {
  const at = (system, size) => r.speed.find((s) => s.system === system && s.size === size);
  const t = [];
  const add = (name, value, target, met, fmt = (x) => x) => value != null && t.push({ name, value: fmt(value), target, met });
  const ours10k = at('briefing-bot', 10000);
  const ours100k = at('briefing-bot', 100000);
  const fuse10k = at('fuse', 10000);
  add('query p99 at 10k facts', ours10k?.p99Ms, `≤ ${TARGETS.p99Ms10k} ms`, ours10k?.p99Ms <= TARGETS.p99Ms10k, (x) => `${x.toFixed(3)} ms`);
  add('query p99 at 100k facts', ours100k?.p99Ms, `≤ ${TARGETS.p99Ms100k} ms`, ours100k?.p99Ms <= TARGETS.p99Ms100k, (x) => `${x.toFixed(3)} ms`);
  if (ours10k && fuse10k) add('faster than fuse.js at 10k (p50)', fuse10k.p50Ms / ours10k.p50Ms, `≥ ${TARGETS.speedupVsFuse10k}×`, fuse10k.p50Ms / ours10k.p50Ms >= TARGETS.speedupVsFuse10k, (x) => `${x.toFixed(0)}×`);
  add('index build at 100k', ours100k?.buildMs, `≤ ${TARGETS.buildMs100k} ms`, ours100k?.buildMs <= TARGETS.buildMs100k, (x) => `${x.toFixed(0)} ms`);
  add('RSS at 100k', ours100k?.rssMB, `≤ ${TARGETS.rssMB100k} MB`, ours100k?.rssMB <= TARGETS.rssMB100k, (x) => `${x.toFixed(0)} MB`);
  if (r.yamlLoad.facts >= 100000) add('load 100k facts from YAML (cached)', r.yamlLoad.totalMs, `≤ ${TARGETS.yamlLoadMs100k} ms`, r.yamlLoad.totalMs <= TARGETS.yamlLoadMs100k, (x) => `${x.toFixed(0)} ms`);
  if (r.yamlLoad.facts >= 100000) add('warm `brief ask` at 100k facts', r.yamlLoad.ask.warmMedianMs, `≤ ${TARGETS.warmAskMs100k} ms`, r.yamlLoad.ask.warmMedianMs <= TARGETS.warmAskMs100k, (x) => `${x.toFixed(0)} ms`);
  add('cold start', r.coldStart.medianMs, `≤ ${TARGETS.coldStartMs} ms`, r.coldStart.medianMs <= TARGETS.coldStartMs, (x) => `${x.toFixed(0)} ms`);
  const q = r.quality['briefing-bot'];
  add('StackFAQ hit@1, title + answer', q['title+answer'].hitAt1, `≥ ${TARGETS.stackfaqBoth}`, q['title+answer'].hitAt1 >= TARGETS.stackfaqBoth, f3);
  add('StackFAQ hit@1, answer only', q.answer.hitAt1, `≥ ${TARGETS.stackfaqAnswer}`, q.answer.hitAt1 >= TARGETS.stackfaqAnswer, f3);
  return t;
}

async function main() {
  const started = Date.now();
  const r = { date: new Date().toISOString(), quick, node: process.version, cpus: os.cpus().length };
  r.quality = quality();
  r.speed = await speed();
  r.coldStart = coldStart();
  r.yamlLoad = await yamlLoad();
  r.targets = checkTargets(r);
  r.durationS = (Date.now() - started) / 1000;
  progress('');
  if (tty) process.stderr.write('\n');
  console.log(report(r));
  console.log(`\n(${r.durationS.toFixed(0)} s)`);
  mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  const file = path.join(__dirname, 'results', quick ? 'latest-quick.json' : 'latest.json');
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  console.log(`Figures written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

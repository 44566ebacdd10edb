'use strict';
/**
 * One measurement in a fresh process (so heap and RSS belong to one system only):
 *   node --expose-gc bench/worker.js speed SYSTEM SIZE QUERIES BUDGET_MS
 *   node --expose-gc bench/worker.js load DIR CACHE_DIR
 * Prints one JSON object on stdout; progress lines on stderr.
 */
const { generateFacts, generateQueries } = require('./synthetic');
const { SYSTEMS } = require('./systems');
const { msSince: ms, percentile } = require('./stats');

/**
 * What each mode prints, for bench/run.js.
 * @typedef {ReturnType<typeof speed>} SpeedResult
 * @typedef {ReturnType<typeof load>} LoadResult
 */

/** V8's helper threads (JIT compilation, GC): `--v8-pool-size` as this process was started with, else Node's default. */
function v8PoolSize() {
  const flag = process.execArgv.find((a) => a.startsWith('--v8-pool-size='));
  return flag ? Number(flag.split('=')[1]) : 'default (4)';
}

/** Heap and RSS right after a full GC, and the most RSS the process has held so far (facts generation and build included). */
function memory() {
  global.gc?.();
  const m = process.memoryUsage();
  return { heapMB: m.heapUsed / 1e6, rssMB: m.rss / 1e6, peakRssMB: (process.resourceUsage().maxRSS * 1024) / 1e6 };
}

/** @param {import('./systems').SystemName} systemName @param {number} size @param {number} queryCount @param {number} budgetMs */
function speed(systemName, size, queryCount, budgetMs) {
  const facts = generateFacts(size);
  const queries = generateQueries(facts, queryCount);
  const baseline = memory();
  let start = process.hrtime.bigint();
  const system = SYSTEMS[systemName].build(facts);
  const buildMs = ms(start);
  const mem = memory();
  // Warm-up (JIT) on other queries, bounded by the budget too.
  const warm = generateQueries(facts, 50, 99);
  const warmStart = process.hrtime.bigint();
  for (const q of warm) if (ms(warmStart) < budgetMs / 10) system.ask(q);
  const times = [];
  const began = process.hrtime.bigint();
  for (const q of queries) {
    if (ms(began) > budgetMs) break;
    start = process.hrtime.bigint();
    system.ask(q);
    times.push(ms(start));
    if (times.length % 20 === 0) process.stderr.write(`progress ${times.length}/${queries.length}\n`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    system: systemName,
    size,
    v8PoolSize: v8PoolSize(),
    buildMs,
    queries: queries.length,
    completed: times.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    heapMB: mem.heapMB,
    rssMB: mem.rssMB,
    peakRssMB: mem.peakRssMB,
    baselineHeapMB: baseline.heapMB,
    baselineRssMB: baseline.rssMB,
  };
}

/** @param {string} dir @param {string} cacheDir */
function load(dir, cacheDir) {
  const { openCacheFolder } = require('../dist/cache/cache-folder');
  const { loadEngine } = require('../dist/cache/load-indexed');
  const cache = openCacheFolder(cacheDir, (message) => {
    throw new Error(message);
  });
  const start = process.hrtime.bigint();
  const result = loadEngine(dir, process.cwd(), cache);
  const totalMs = ms(start);
  if (!result.ok) throw new Error(`benchmark knowledge invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
  result.engine.ask('warm up question');
  return { facts: result.engine.facts.length, files: result.engine.knowledge.sources.length, totalMs, ...memory() };
}

const [mode, ...args] = process.argv.slice(2);
/** @param {number} i */
const arg = (i) => {
  const value = args[i];
  if (value === undefined) throw new Error('usage: worker.js speed SYSTEM SIZE QUERIES BUDGET_MS | worker.js load DIR CACHE_DIR');
  return value;
};
/** @param {string} name @returns {import('./systems').SystemName} */
const systemNamed = (name) => {
  if (!Object.hasOwn(SYSTEMS, name)) throw new Error(`unknown system "${name}": one of ${Object.keys(SYSTEMS).join(', ')}`);
  return /** @type {import('./systems').SystemName} */ (name);
};
const out = mode === 'load' ? load(arg(0), arg(1)) : speed(systemNamed(arg(0)), Number(arg(1)), Number(arg(2)), Number(arg(3)));
process.stdout.write(`${JSON.stringify(out)}\n`);

import { once } from 'node:events';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildIndex, indexParts } from '../../src/engine/index-builder';
import { encodeShard, startShard } from '../../src/engine/index-shard';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { generateFacts } from '../../bench/synthetic';

const REPO = path.resolve(__dirname, '..', '..');
/** The compiled worker (`npm test` builds first): jest runs the sources, where no worker script exists. */
const SHARD_WORKER = path.join(REPO, 'dist', 'engine', 'index-shard-worker.js');
const standIn = (name: string) => path.join(REPO, 'test', 'fixtures', 'shard-workers', name);

// The bundled knowledge has aliases (NRF, Massoud) and facts sharing a source, both analysed in each half.
const bundled = loadKnowledgeOrThrow(path.join(REPO, 'knowledge'));
// Enough terms that the worker's id array grows past its first 65,536 entries; one source for all.
const source = { title: 'Synthetic knowledge', publisher: 'Briefing Bot tests' };
const synthetic = { ...bundled, facts: generateFacts(5000).map((f, i) => Object.assign({}, f, { source, file: 'synthetic.yml', line: i + 1 })) };
const oneThread = (k: typeof bundled) => indexParts(buildIndex(k.facts, k.aliases, { twoThreadsFrom: Infinity }));
const twoThreads = (k: typeof bundled, shardWorker = SHARD_WORKER) => indexParts(buildIndex(k.facts, k.aliases, { twoThreadsFrom: 1, shardWorker }));

describe('the index on two threads', () => {
  it('gets from the worker exactly what this thread would have analysed', () => {
    const half = synthetic.facts.slice(2500);
    const shard = startShard(half, synthetic.aliases, SHARD_WORKER);
    expect(shard).toBeDefined();
    const sent = shard!.take();
    expect(sent).toBeDefined();
    expect(sent).toEqual(encodeShard(half, synthetic.aliases));
    expect(sent!.ids.length).toBeGreaterThan(1 << 16);
  });

  it.each([
    ['the bundled knowledge', bundled],
    ['5,000 synthetic facts', synthetic],
  ])('is the same index as one thread builds, to the term id: %s', (_, knowledge) => {
    expect(twoThreads(knowledge)).toEqual(oneThread(knowledge));
  });

  it("uses the worker's reply: its words and its terms", () => {
    const parts = twoThreads(bundled, standIn('marks.js'));
    // The worker runs with a small young generation, which keeps a large build's peak memory down.
    expect(new Map(parts.words).get('zzshardmarker')).toBe('young4');
    expect(parts.search.terms).toContain('zzshardterm');
    const one = oneThread(bundled);
    expect(new Map(one.words).has('zzshardmarker')).toBe(false);
    expect(one.search.terms).not.toContain('zzshardterm');
  });

  it('analyses the half itself when the worker fails, throws or cannot start, and loses nothing', async () => {
    expect(twoThreads(bundled, standIn('refuses.js'))).toEqual(oneThread(bundled));
    expect(twoThreads(bundled, standIn('no-such-worker.js'))).toEqual(oneThread(bundled));
    expect(twoThreads(bundled, standIn('throws.js'))).toEqual(oneThread(bundled));
    // The thrown error reaches this thread after the build: it must not crash the process.
    await new Promise((resolve) => setTimeout(resolve, 500));
  });

  it('gives up on a worker that never answers, after its time-out, and loses nothing', () => {
    expect(twoThreads(bundled, standIn('silent.js'))).toEqual(oneThread(bundled));
  });

  it('stays on one thread for a small knowledge base (the default threshold)', () => {
    const parts = indexParts(buildIndex(bundled.facts, bundled.aliases, { shardWorker: standIn('marks.js') }));
    expect(parts.search.terms).not.toContain('zzshardterm');
  });

  it('stays on one thread when the build itself runs in a worker (the bot reloading knowledge)', async () => {
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { startShard } = require(workerData.module);
      parentPort.postMessage(startShard(workerData.facts, [], workerData.script) === undefined);`;
    const worker = new Worker(code, { eval: true, workerData: { module: path.join(REPO, 'dist', 'engine', 'index-shard.js'), facts: bundled.facts.slice(0, 2), script: SHARD_WORKER } });
    const [stayed] = (await once(worker, 'message')) as [boolean];
    expect(stayed).toBe(true);
    const here = startShard(bundled.facts.slice(0, 2), [], SHARD_WORKER); // on the main thread it starts one
    expect(here).toBeDefined();
    here!.end();
  });
});

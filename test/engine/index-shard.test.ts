import path from 'node:path';
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

  it("uses the worker's reply", () => {
    const words = new Map(twoThreads(bundled, standIn('marks.js')).words);
    expect(words.get('zzshardmarker')).toBe('zzshardmarker');
    expect(new Map(oneThread(bundled).words).has('zzshardmarker')).toBe(false);
  });

  it('analyses the half itself when the worker fails or cannot start, and loses nothing', () => {
    expect(twoThreads(bundled, standIn('refuses.js'))).toEqual(oneThread(bundled));
    expect(twoThreads(bundled, standIn('no-such-worker.js'))).toEqual(oneThread(bundled));
  });

  it('stays on one thread for a small knowledge base (the default threshold)', () => {
    const words = new Map(indexParts(buildIndex(bundled.facts, bundled.aliases, { shardWorker: standIn('marks.js') })).words);
    expect(words.has('zzshardmarker')).toBe(false);
    expect(startShard(bundled.facts, bundled.aliases, standIn('no-such-worker.js'))).toBeUndefined();
  });
});

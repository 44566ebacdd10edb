import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cacheDirFrom, openCacheFolder, type CacheFolder } from '../../src/cache/cache-folder';
import { readEnvOptions } from '../../src/env-options';
import { packKnowledge } from '../../src/cache/knowledge-pack';
import { loadEngine } from '../../src/cache/load-indexed';
import { readSealed, writeSealed } from '../../src/cache/sealed-file';
import { packIndex, unpackIndex } from '../../src/cache/index-pack';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { buildIndex, indexParts, restoreIndex } from '../../src/engine/index-builder';
import { createEngine } from '../../src/engine/engine';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import type { KnowledgeBase } from '../../src/knowledge/schema';
import { cacheMessages } from '../../src/messages';
import { brief } from '../helpers/cli';
import { fixtureKnowledge } from '../helpers/paths';

function setUp() {
  const work = mkdtempSync(path.join(tmpdir(), 'brief-cache-'));
  const dir = path.join(work, 'knowledge');
  cpSync(fixtureKnowledge('basic'), dir, { recursive: true });
  const warnings: string[] = [];
  const cache = openCacheFolder(path.join(work, 'cache'), (w) => warnings.push(w))!;
  return { work, dir, cache, warnings };
}

const knowledgeFileIn = (cache: CacheFolder) => path.join(cache.dir, readdirSync(cache.dir).find((name) => name.startsWith('knowledge-'))!);
const mode = (file: string) => statSync(file).mode & 0o777;

describe('the cache folder', () => {
  it('defaults to a per-user folder ($XDG_CACHE_HOME/briefing-bot, else ~/.cache/briefing-bot), not a shared temp folder', () => {
    expect(cacheDirFrom({ XDG_CACHE_HOME: '/x/cache' }, '/home/ann')).toBe('/x/cache/briefing-bot');
    expect(cacheDirFrom({}, '/home/ann')).toBe('/home/ann/.cache/briefing-bot');
    expect(readEnvOptions({ KNOWLEDGE_CACHE_DIR: '/srv/bot-cache', XDG_CACHE_HOME: '/x/cache' }).knowledgeCacheDir).toBe('/srv/bot-cache');
  });

  it('is created 0700, with its key 0600', () => {
    const { cache, warnings } = setUp();
    expect(mode(cache.dir)).toBe(0o700);
    expect(mode(path.join(cache.dir, 'key'))).toBe(0o600);
    expect(cache.key.length).toBe(32);
    expect(warnings).toEqual([]);
  });

  it('keeps its key: a second opening reads the same one', () => {
    const { cache } = setUp();
    expect(openCacheFolder(cache.dir, () => undefined)!.key).toEqual(cache.key);
  });

  it('refuses, with one warning, a folder other users can write to; the knowledge still loads from the files', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'brief-cache-'));
    const shared = path.join(work, 'open-to-all');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const warnings: string[] = [];
    expect(openCacheFolder(shared, (w) => warnings.push(w))).toBeUndefined();
    expect(warnings).toEqual([cacheMessages.folderRefused(shared, 'other users can write to it')]);

    const result = await brief(['ask', 'Where is the programme based?', '--knowledge', fixtureKnowledge('basic')], { env: { KNOWLEDGE_CACHE_DIR: shared } });
    expect(result.err).toBe(cacheMessages.folderRefused(shared, 'other users can write to it'));
    expect(result.out).toContain('Lyon');
    expect(readdirSync(shared)).toEqual([]);
  });

  it('refuses a key file other users can read (they could seal files too)', () => {
    const { cache } = setUp();
    chmodSync(path.join(cache.dir, 'key'), 0o644);
    const warnings: string[] = [];
    expect(openCacheFolder(cache.dir, (w) => warnings.push(w))).toBeUndefined();
    expect(warnings).toEqual([cacheMessages.unusable(cache.dir, cacheMessages.keyRefused(path.join(cache.dir, 'key'), 'other users can read it'))]);
  });
});

describe('the knowledge cache', () => {
  it('gives the same knowledge from the cache as from the files, with facts sharing their source', () => {
    const { work, dir, cache } = setUp();
    const fresh = loadKnowledgeOrThrow(dir, work, { cache });
    expect(readdirSync(cache.dir).filter((n) => n.startsWith('knowledge-'))).toHaveLength(1);
    const cached = loadKnowledgeOrThrow(dir, work, { cache });
    expect(cached).toEqual(fresh);
    expect(cached.facts[0]!.source).toBe(cached.facts[1]!.source);
    expect(mode(knowledgeFileIn(cache))).toBe(0o600);
  });

  it("keeps each fact's does_not_answer, on the facts that have one only", () => {
    const work = mkdtempSync(path.join(tmpdir(), 'brief-cache-'));
    const cache = openCacheFolder(path.join(work, 'cache'), () => undefined)!;
    const fresh = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE, work, { cache });
    const cached = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE, work, { cache });
    expect(cached).toEqual(fresh);
    expect(cached.facts.filter((f) => f.does_not_answer).map((f) => f.does_not_answer)).toEqual(fresh.facts.filter((f) => f.does_not_answer).map((f) => f.does_not_answer));
    expect(cached.facts.some((f) => (f.does_not_answer?.length ?? 0) > 0)).toBe(true);
  });

  it('is keyed by content: an edited file is parsed and validated again', () => {
    const { work, dir, cache } = setUp();
    loadKnowledgeOrThrow(dir, work, { cache });
    writeFileSync(path.join(dir, 'programme.yml'), 'source:\n  title: Edited\nfacts:\n  - id: only-fact\n    text: Changed.\n');
    expect(loadKnowledgeOrThrow(dir, work, { cache }).facts.map((f) => f.id)).toEqual(['only-fact']);
    writeFileSync(path.join(dir, 'programme.yml'), 'source:\n  title: ""\nfacts: []\n');
    expect(() => loadKnowledgeOrThrow(dir, work, { cache })).toThrow(/source\.title is empty/);
  });

  it('ignores a tampered file (its HMAC no longer matches) and loads the real knowledge', () => {
    const { work, dir, cache } = setUp();
    loadKnowledgeOrThrow(dir, work, { cache });
    const file = knowledgeFileIn(cache);
    const bytes = readFileSync(file);
    const at = bytes.indexOf('based in Lyon');
    expect(at).toBeGreaterThan(0);
    bytes.write('based in Rome', at);
    writeFileSync(file, bytes);
    expect(loadKnowledgeOrThrow(dir, work, { cache }).facts[0]!.text).toBe('The programme is based in Lyon and operates in nine regions.');
  });

  it('ignores a planted file with a fact that fails the schema, sealed without the key', () => {
    const { work, dir, cache } = setUp();
    const real = loadKnowledgeOrThrow(dir, work, { cache });
    const planted = { ...real, facts: [{ ...real.facts[0]!, id: 'NOT AN ID', text: 'Planted: the programme moved to Rome.' }] };
    writeSealed(knowledgeFileIn(cache), Buffer.alloc(32, 7), packKnowledge(planted));
    expect(loadKnowledgeOrThrow(dir, work, { cache })).toEqual(real);
  });

  // Sealed with the key, so only a bug or someone holding the key could write them; still never believed.
  const malformed: Array<[string, (k: KnowledgeBase) => unknown]> = [
    ['a source link that is not http(s)', (k) => ({ ...k, sources: k.sources.map((s) => ({ ...s, url: 'javascript:alert(1)' })) })],
    ['a stored-text path climbing out of the folder', (k) => ({ ...k, sources: k.sources.map((s) => ({ ...s, text_file: '../../../../etc/passwd' })) })],
    ['a source without a title', (k) => ({ ...k, sources: k.sources.map(({ title: _title, ...s }) => s) })],
    ['aliases that are not lists of names', (k) => ({ ...k, aliases: 'oops' })],
  ];
  it.each(malformed)('ignores a sealed file with %s, and the engine starts from the files', (_, spoil) => {
    const { work, dir, cache } = setUp();
    const real = loadKnowledgeOrThrow(dir, work, { cache });
    writeSealed(knowledgeFileIn(cache), cache.key, packKnowledge(spoil(real) as KnowledgeBase));
    expect(loadKnowledgeOrThrow(dir, work, { cache })).toEqual(real);
    writeSealed(knowledgeFileIn(cache), cache.key, packKnowledge(spoil(real) as KnowledgeBase));
    const started = loadEngine(dir, work, cache);
    expect(started.ok && started.knowledge).toEqual(real);
  });
});

describe('the index cache', () => {
  it('round-trips the bundled knowledge\'s index through a sealed file: every stored question ranks the same', () => {
    const { cache } = setUp();
    const knowledge = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE);
    const built = buildIndex(knowledge.facts, knowledge.aliases);
    const file = path.join(cache.dir, 'round-trip.bin');
    writeSealed(file, cache.key, packIndex(indexParts(built)));
    const restored = restoreIndex(unpackIndex(readSealed(file, cache.key)!), knowledge.aliases);
    const [fresh, warm] = [createEngine(knowledge, { prebuilt: built }), createEngine(knowledge, { prebuilt: restored })];
    const questions = knowledge.facts.flatMap((f) => f.questions);
    expect(questions.length).toBeGreaterThan(20);
    for (const q of questions) expect(warm.ask(q, { top: 5 })).toEqual(fresh.ask(q, { top: 5 }));
    expect(restored.words).toEqual(built.words);
  });

  const questions = ['Where is the programme based?', 'budget in 2023', 'programe budjet', 'How tall is Mont Blanc?'];

  it('answers exactly as a freshly built index, and is what a warm load uses', () => {
    const { work, dir, cache } = setUp();
    const fresh = createEngine(loadKnowledgeOrThrow(dir, work));
    const first = loadEngine(dir, work, cache);
    expect(readdirSync(cache.dir).filter((n) => n.startsWith('index-'))).toHaveLength(1);
    const warm = loadEngine(dir, work, cache);
    if (!first.ok || !warm.ok) throw new Error('knowledge did not load');
    for (const q of questions) expect(warm.engine.ask(q)).toEqual(fresh.ask(q));
    expect(warm.engine.ask(questions[0]!).answered).toBe(true);
  });

  it('is shared by `brief ask`', async () => {
    const { cache } = setUp();
    const env = { KNOWLEDGE_CACHE_DIR: cache.dir };
    // Word matching is not sure of this one (it declines it), so the sentence model decides, with fact vectors.
    const question = 'What city is the programme in?';
    const cold = await brief(['ask', question, '--knowledge', fixtureKnowledge('basic')], { env });
    const names = readdirSync(cache.dir).sort();
    // The semantic stage's fact vectors are cached beside the index, sealed the same way.
    expect(names.map((n) => n.split('-')[0])).toEqual(['index', 'key', 'knowledge', 'stat', 'vectors']);
    const warm = await brief(['ask', question, '--knowledge', fixtureKnowledge('basic')], { env });
    expect(warm).toEqual(cold);
    expect(warm.out).toContain('(programme-base)');
  });
});

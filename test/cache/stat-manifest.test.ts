import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCacheFolder } from '../../src/cache/cache-folder';
import { readSealed, writeSealed } from '../../src/cache/sealed-file';
import { loadKnowledge, type LoadResult } from '../../src/knowledge/load';
import { fixtureKnowledge } from '../helpers/paths';

/** A fixed, whole-second mtime, so that utimesSync can set exactly the same one back. */
const OLD_MTIME = 1_700_000_000;
/** Just over the manifest's racy-git margin (2 s): only files older than that are trusted by their stamps. */
const SETTLE_MS = 2100;

function folder() {
  const work = mkdtempSync(path.join(tmpdir(), 'brief-stat-'));
  const dir = path.join(work, 'knowledge');
  cpSync(fixtureKnowledge('basic'), dir, { recursive: true });
  for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), OLD_MTIME, OLD_MTIME);
  const cache = openCacheFolder(path.join(work, 'cache'), () => undefined)!;
  const load = () => loaded(loadKnowledge(dir, work, { cache }));
  const manifest = () => path.join(cache.dir, readdirSync(cache.dir).find((n) => n.startsWith('stat-'))!);
  return { work, dir, cache, load, manifest, file: path.join(dir, 'programme.yml') };
}

function loaded(result: LoadResult) {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result;
}

const texts = (result: { knowledge: { facts: Array<{ text: string }> } }) => result.knowledge.facts.map((f) => f.text);

// Folders whose files were last changed (mtime and ctime) more than the racy margin before the tests load them.
const settled: Array<ReturnType<typeof folder>> = [];
beforeAll(async () => {
  for (let i = 0; i < 4; i++) settled.push(folder());
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
});

describe('the stat manifest (git index style)', () => {
  it('lets a warm load skip reading the YAML files when no stamp changed', () => {
    const { load } = settled[0]!;
    const cold = load();
    expect(cold.filesRead).toBe(2);
    const warm = load();
    expect(warm.filesRead).toBe(0);
    expect(warm.knowledge).toEqual(cold.knowledge);
  });

  it('sees a same-size edit even with the mtime set back: the ctime changed', () => {
    const { load, file } = settled[1]!;
    load();
    expect(load().filesRead).toBe(0);
    const before = statSync(file, { bigint: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('based in Lyon', 'based in Nice'));
    utimesSync(file, OLD_MTIME, OLD_MTIME);
    const after = statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino, after.dev]).toEqual([before.size, before.mtimeNs, before.ino, before.dev]);
    expect(after.ctimeNs).not.toBe(before.ctimeNs);

    const edited = load();
    expect(edited.filesRead).toBe(2);
    expect(texts(edited)).toContain('The programme is based in Nice and operates in nine regions.');
  });

  it('sees a file renamed, removed and added', () => {
    const { load, dir, file } = settled[2]!;
    load();
    expect(load().knowledge.facts[0]!.file).toMatch(/programme\.yml$/);
    renameSync(file, path.join(dir, 'review.yml'));
    const renamed = load();
    expect(renamed.filesRead).toBe(2);
    expect(renamed.knowledge.facts[0]!.file).toMatch(/review\.yml$/);

    writeFileSync(path.join(dir, 'extra.yml'), 'source:\n  title: Extra\nfacts:\n  - id: extra-fact\n    text: An added fact.\n');
    expect(texts(load())).toContain('An added fact.');
    unlinkSync(path.join(dir, 'extra.yml'));
    expect(texts(load())).not.toContain('An added fact.');
  });

  it('re-reads files changed within the racy margin of the manifest, even with the same stamps', () => {
    const { load } = folder();
    load();
    expect(load().filesRead).toBe(2);
  });

  it('ignores a manifest not sealed with the key, or of the wrong shape; a sealed one of the right shape is trusted', () => {
    const { load, file, cache, manifest } = settled[3]!;
    const original = load();
    load();
    const { header } = readSealed(manifest(), cache.key)!;
    // The file changes (size too) long after the manifest: its new stamps are recorded with the new fingerprint.
    writeFileSync(file, readFileSync(file, 'utf8').replace('based in Lyon', 'based in Paris'));
    const edited = load();
    expect(edited.filesRead).toBe(2);
    const current = readSealed(manifest(), cache.key)!.header;
    // Forgeries pointing the current stamps at the old content (which is still in the cache):
    const stale = { ...current, fingerprint: header.fingerprint, stampedNs: String(BigInt(Date.now() + 60_000) * 1_000_000n) };
    const forged = [
      { key: Buffer.alloc(32, 7), header: stale },
      { key: cache.key, header: { ...stale, extra: 'field' } },
      { key: cache.key, header: { ...stale, stampedNs: Number(stale.stampedNs) } },
      { key: cache.key, header: { ...stale, files: (current.files as unknown[]).map(() => ['programme.yml', '1']) } },
    ];
    for (const { key, header: h } of forged) {
      writeSealed(manifest(), key, { header: h, sections: {} });
      const result = load();
      expect(result.filesRead).toBe(2);
      expect(result.knowledge).toEqual(edited.knowledge);
    }
    // Control: the same forgery sealed with the key and well formed is believed, so the cases above fail for the right reason.
    writeSealed(manifest(), cache.key, { header: stale, sections: {} });
    expect(load()).toEqual({ ok: true, knowledge: original.knowledge, filesRead: 0 });
  });
});

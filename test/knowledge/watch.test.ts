import { cpSync, mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine } from '../../src/engine/engine';
import { Books } from '../../src/knowledge/books';
import { EngineHolder } from '../../src/knowledge/engine-holder';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { folderSignature, watchKnowledge, type WatchOptions } from '../../src/knowledge/watch';
import { fixtureKnowledge, REPO } from '../helpers/paths';

// The worker runs compiled code, as in production (`npm run build` first).
const WORKER = path.join(REPO, 'dist', 'knowledge', 'reload-worker.js');

async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

function watching(options: Partial<WatchOptions> = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'brief-watch-'));
  const dir = path.join(work, 'knowledge');
  cpSync(fixtureKnowledge('basic'), dir, { recursive: true });
  const engines = new EngineHolder(Books.single(createEngine(loadKnowledgeOrThrow(dir, work))), 5);
  const logs: Array<{ level: string; event: string; fields: Record<string, unknown> }> = [];
  const stop = watchKnowledge(engines, { dir, cwd: work, intervalMs: 50, workerScript: WORKER, ...options }, (level, event, fields) => logs.push({ level, event, fields }));
  afterAll(stop);
  return { dir, work, engines, logs };
}

const STAFF = 'source:\n  title: Staff list\nfacts:\n  - id: programme-director\n    text: The programme director is Dana Weiss.\n';

describe('folderSignature', () => {
  it('changes on an edit that keeps the size and sets the modification time back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-signature-'));
    const file = path.join(dir, 'facts.yml');
    writeFileSync(file, 'text: "NRF: 1000 fighters"\n');
    // Whole seconds, so that setting the time back below is exact: milliseconds pass through utimes as
    // fractional seconds and could come back 1 ns short (the check below then failed now and then).
    const { atime } = statSync(file);
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(file, atime, mtime);
    const before = folderSignature(dir);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(file, 'text: "NRF: 9000 fighters"\n');
    utimesSync(file, atime, mtime);
    expect(statSync(file).mtimeMs).toBe(mtime.getTime());
    expect(folderSignature(dir)).not.toBe(before);
  });
});

describe('watchKnowledge', () => {
  describe('with the real worker', () => {
    const w = watching();

    it('swaps in the reloaded engine through the holder and records how long the reload took', async () => {
      const before = w.engines.current();
      writeFileSync(path.join(w.dir, 'staff.yml'), STAFF);
      await until(() => w.engines.current() !== before);
      expect(w.engines.current().default.engine.ask('Who is the programme director?').results[0]?.fact.id).toBe('programme-director');
      const status = w.engines.status();
      expect(status).toMatchObject({ fingerprint: w.engines.current().fingerprint, lastReload: { ok: true } });
      expect(status.loadMs).toBeGreaterThan(0);
      expect(w.logs.map((l) => l.event)).toEqual(['knowledge_reloaded']);
    });

    it('keeps the engine in service when an edit does not validate', async () => {
      const before = w.engines.current();
      writeFileSync(path.join(w.dir, 'staff.yml'), 'source:\n  title: Staff list\nfacts: []\n');
      await until(() => w.engines.status().lastReload?.ok === false);
      expect(w.engines.current()).toBe(before);
      expect(w.engines.status().lastReload).toMatchObject({ ok: false, reason: 'invalid-knowledge', problems: 1 });
      expect(w.logs.at(-1)).toMatchObject({ level: 'error', event: 'knowledge_reload_failed', fields: { reason: 'invalid-knowledge', kept: before.fingerprint } });
    });

    it('reloads a new book (a sub-folder) and channels.yml together, each channel then searching its book', async () => {
      writeFileSync(path.join(w.dir, 'staff.yml'), STAFF);
      await until(() => w.engines.status().lastReload?.ok === true && w.engines.current().default.engine.facts.some((f) => f.id === 'programme-director'));
      mkdirSync(path.join(w.dir, 'board'));
      writeFileSync(path.join(w.dir, 'board', 'staff.yml'), STAFF.replace('Dana Weiss', 'Omar Haddad'));
      writeFileSync(path.join(w.dir, 'channels.yml'), 'channels:\n  C0BOARD01: board\n');
      await until(() => w.engines.current().forChannel('C0BOARD01').name === 'board');
      const books = w.engines.current();
      expect(books.names).toEqual(['default', 'board']);
      const director = (channel: string) => books.forChannel(channel).engine.ask('Who is the programme director?').results[0]?.fact.text;
      expect(director('C0BOARD01')).toBe('The programme director is Omar Haddad.');
      expect(director('C0OTHER01')).toBe('The programme director is Dana Weiss.');
      expect(w.logs.at(-1)).toMatchObject({ event: 'knowledge_reloaded', fields: { books: ['default', 'board'] } });
    });

    it('keeps the books in service when channels.yml names a book that does not exist, logging why', async () => {
      const before = w.engines.current();
      writeFileSync(path.join(w.dir, 'channels.yml'), 'channels:\n  C0BOARD01: bord\n');
      await until(() => w.engines.status().lastReload?.ok === false);
      expect(w.engines.current()).toBe(before);
      expect(w.logs.at(-1)).toMatchObject({
        event: 'knowledge_reload_failed',
        fields: { reason: 'invalid-knowledge', problems: ['knowledge/channels.yml:2: channels.C0BOARD01 "bord" is not a book: the books are default, board (one per sub-folder of the knowledge folder; "default" is the files at its top)'] },
      });
    });
  });

  describe('when the worker crashes', () => {
    const crashing = path.join(mkdtempSync(path.join(tmpdir(), 'brief-worker-')), 'crash.js');
    writeFileSync(crashing, "throw new Error('worker ran out of luck');\n");
    const w = watching({ workerScript: crashing });

    it('keeps the engine in service, reports it, and logs the error', async () => {
      const before = w.engines.current();
      writeFileSync(path.join(w.dir, 'staff.yml'), STAFF);
      await until(() => w.engines.status().lastReload !== undefined);
      expect(w.engines.current()).toBe(before);
      expect(w.engines.status().lastReload).toMatchObject({ ok: false, reason: 'worker-failed' });
      expect(w.logs).toEqual([{ level: 'error', event: 'knowledge_reload_failed', fields: { reason: 'worker-failed', kept: before.fingerprint, error: 'worker ran out of luck' } }]);
    });
  });
});

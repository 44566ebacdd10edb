import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { CacheFolder } from '../cache/cache-folder';
import { unpackIndex } from '../cache/index-pack';
import { unpacking } from '../cache/knowledge-pack';
import { createEngine, type Engine } from '../engine/engine';
import { Books } from './books';
import { restoreIndex } from '../engine/index-builder';
import type { EngineHolder } from './engine-holder';
import { formatProblem } from './problems';
import { nextTurn } from '../turns';
import type { PackedBook, ReloadReply, ReloadRequest } from './reload-worker';
import { warmInBackground } from './warm';

const UNREADABLE = 'unreadable';
/** A reload still running after this long (a hung network folder) is abandoned; the next change tries again. */
const RELOAD_TIMEOUT_MS = 5 * 60_000;

/**
 * Names, sizes, modification and change times and inodes of the YAML files, and of those in sub-folders
 * (books): cheap to read, changes with any edit, even one that keeps the size and sets the mtime back
 * (the kernel sets ctime on every change; stat-manifest.ts relies on the same).
 */
export function folderSignature(dir: string): string {
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    const yaml = (folder: string, prefix: string) =>
      readdirSync(folder)
        .filter((name) => /\.ya?ml$/i.test(name))
        .sort()
        .map((name) => {
          const s = statSync(path.join(folder, name));
          return `${prefix}${name}:${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
        });
    const books = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
    return [...yaml(dir, ''), ...books.flatMap((book) => yaml(path.join(dir, book), `${book}/`))].join('|');
  } catch {
    return UNREADABLE;
  }
}

export interface WatchOptions {
  dir: string;
  cwd: string;
  intervalMs: number;
  cache?: CacheFolder;
  /** The compiled worker; by default the one next to this file (dist/knowledge/reload-worker.js). */
  workerScript?: string;
}

export type ReloadLog = (level: 'info' | 'error', event: string, fields: Record<string, unknown>) => void;

function runWorker(script: string, request: ReloadRequest, running: Set<Worker>): Promise<ReloadReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: request });
    running.add(worker);
    const timer = setTimeout(() => void worker.terminate(), RELOAD_TIMEOUT_MS).unref();
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      clearTimeout(timer);
      running.delete(worker);
      reject(new Error(`reload worker stopped (exit code ${code}) without a result`));
    });
  });
}

/** Runs `steps` on the event loop a step per turn, so requests are served in between; measures the steps. */
async function inTurns<T>(steps: Generator<void, T>): Promise<{ value: T; totalMs: number; longestStepMs: number }> {
  let totalMs = 0;
  let longestStepMs = 0;
  for (;;) {
    const started = performance.now();
    const step = steps.next();
    const ms = performance.now() - started;
    totalMs += ms;
    longestStepMs = Math.max(longestStepMs, ms);
    if (step.done) return { value: step.value, totalMs, longestStepMs };
    await nextTurn();
  }
}

/** A book's engine from the worker's packed result: all the main thread still does (see docs/performance-log.md). */
function* engineFrom(book: PackedBook): Generator<void, Engine> {
  const knowledge = yield* unpacking(book.knowledge);
  yield;
  const index = restoreIndex(unpackIndex(book.index), knowledge.aliases);
  yield;
  return createEngine(knowledge, { prebuilt: index });
}

function* booksFrom(reply: Extract<ReloadReply, { ok: true }>): Generator<void, Books> {
  const engines = new Map<string, Engine>();
  for (const book of reply.books) engines.set(book.name, yield* engineFrom(book));
  return new Books(engines, reply.channels);
}

/**
 * Polls `dir` every `intervalMs`; once a change has settled (the folder looked the same on two polls
 * in a row), loads it (every book, and channels.yml) in a worker thread and swaps the new books into `holder`. Whatever goes wrong
 * (invalid files, a vanished folder, a crashed worker) keeps the books in service and is logged.
 * Polling, not fs.watch: see README, Hardening.
 */
export function watchKnowledge(holder: EngineHolder, options: WatchOptions, log: ReloadLog): () => void {
  const { dir, cwd, cache, intervalMs, workerScript = path.join(__dirname, 'reload-worker.js') } = options;
  const request: ReloadRequest = { dir, cwd, ...(cache && { cache: { dir: cache.dir, key: cache.key } }) };
  const workers = new Set<Worker>();
  let seen = folderSignature(dir);
  let loaded = seen;
  let busy = false;

  const failed = (reason: Parameters<EngineHolder['failed']>[0], fields: Record<string, unknown>, problems?: number) => {
    holder.failed(reason, problems);
    log('error', 'knowledge_reload_failed', { reason, kept: holder.current().fingerprint, ...fields });
  };

  async function reload(): Promise<void> {
    const started = performance.now();
    try {
      const reply = await runWorker(workerScript, request, workers);
      if (!reply.ok) return failed('invalid-knowledge', { problems: reply.problems.map(formatProblem) }, reply.problems.length);
      const { value: books, totalMs, longestStepMs } = await inTurns(booksFrom(reply));
      const durationMs = performance.now() - started;
      holder.replace(books, durationMs);
      void warmInBackground(books, (error) => log('error', 'knowledge_warm_failed', { error: error.message }));
      log('info', 'knowledge_reloaded', {
        ...books.totals,
        ...(books.several && { books: books.names }),
        fingerprint: books.fingerprint,
        durationMs: Math.round(durationMs),
        mainThreadMs: Math.round(totalMs),
        longestStepMs: Math.round(longestStepMs),
      });
    } catch (error) {
      failed('worker-failed', { error: (error as Error).message });
    }
  }

  const timer = setInterval(() => {
    if (busy) return;
    const now = folderSignature(dir);
    if (now !== seen) {
      seen = now; // still changing (a checkout, an editor's save): wait for a quiet interval
      return;
    }
    if (now === loaded) return;
    loaded = now;
    if (now === UNREADABLE) return failed('folder-missing', { dir });
    busy = true;
    void reload().finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const worker of workers) void worker.terminate();
  };
}

/**
 * Indexing a large knowledge base on two cores. A build is mostly analysing text (tokenizing, stemming,
 * aliases: three quarters of a 100k-fact build, docs/performance-log.md), and each fact is analysed on its own,
 * so a worker thread analyses the second half of the facts while this thread analyses the first. The worker
 * sends its half back as term ids in one typed array (moved, not copied), which the index adds in order:
 * the index is the same, to the term id, as one thread builds (test/engine/index-shard.test.ts).
 *
 * Building stays synchronous (createEngine is): this thread waits with Atomics.wait and takes the reply with
 * receiveMessageOnPort. A worker that fails, or does not answer within twice the time this thread took for
 * its own half, costs only time: the caller then analyses that half itself.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker, isMainThread, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { AliasMatcher } from './aliases';
import { FIELDS, analyseFact, type IndexedFact } from './fact-fields';
import { IntStream } from './inverted-index';

/**
 * Facts analysed in another thread: what InvertedIndex.addEncoded takes, and the words met, in the order met.
 * `ids` are local to the shard until addEncoded, which takes the array over and rewrites them as the index's.
 */
export interface EncodedShard {
  terms: string[];
  ids: Int32Array<ArrayBuffer>;
  lengths: Int32Array<ArrayBuffer>;
  words: Array<[word: string, term: string]>;
}

export interface ShardRequest {
  facts: IndexedFact[];
  aliasGroups: ReadonlyArray<readonly string[]>;
  port: MessagePort;
  /** Set to 1 once the reply is on `port`. */
  done: Int32Array;
}

export type ShardReply = { ok: true; shard: EncodedShard } | { ok: false; error: string };

/** The worker compiled beside this file (dist/engine); absent when the sources run uncompiled (jest), which builds on one thread. */
export const SHARD_WORKER = path.join(__dirname, 'index-shard-worker.js');

export function encodeShard(facts: readonly IndexedFact[], aliasGroups: ReadonlyArray<readonly string[]>): EncodedShard {
  const aliases = new AliasMatcher(aliasGroups);
  const words = new Map<string, string>();
  const sources = new Map<string, string[]>();
  const termIds = new Map<string, number>();
  const lengths = new Int32Array(facts.length * FIELDS.length);
  const ids = new IntStream();
  facts.forEach((fact, i) => {
    analyseFact(fact, aliases, words, sources).forEach((terms, f) => {
      lengths[i * FIELDS.length + f] = terms.length;
      for (const term of terms) {
        let id = termIds.get(term);
        if (id === undefined) termIds.set(term, (id = termIds.size));
        ids.push(id);
      }
    });
  });
  return { terms: [...termIds.keys()], ids: ids.data.slice(0, ids.length), lengths, words: [...words] };
}

/** Facts from which a build uses a second thread: at 20k (under a second) the worker's start and warm-up ate the gain (docs/performance-log.md). */
export const TWO_THREADS_FROM = 50_000;

/**
 * How long to wait for the worker once this thread's half is done: its half is as large, so twice the time
 * this thread took (at least 5 s) means it is stuck or dead; its half is then analysed here instead.
 */
const waitMs = (ownMs: number) => Math.max(5_000, 2 * ownMs);

export interface Shard {
  /** The worker's analysis, waited for; undefined if it failed or took too long. */
  take(): EncodedShard | undefined;
  /** Stops the worker and closes the port (after `take`, or instead of it). */
  end(): void;
}

/**
 * Starts analysing `facts` in a worker. Undefined when no worker should or can be started: in a thread that
 * is itself a worker (the bot's reload worker), where a second busy thread would take the core the bot
 * serves Slack on, or when the script is missing.
 */
export function startShard(facts: readonly IndexedFact[], aliasGroups: ReadonlyArray<readonly string[]>, script = SHARD_WORKER): Shard | undefined {
  if (!isMainThread || !existsSync(script)) return undefined;
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  // Only what is indexed crosses to the worker (a fact's id, location and source URL stay here).
  const sent = facts.map(({ questions, text, tags, source }) => ({ questions, text, tags, source: { title: source.title, publisher: source.publisher } }));
  let worker: Worker;
  try {
    worker = new Worker(script, {
      workerData: { facts: sent, aliasGroups, port: port2, done } satisfies ShardRequest,
      transferList: [port2],
      // A small young generation: with V8's default, two threads took a 100k build's peak RSS 80–215 MB
      // above one thread's, against ~55 MB with this, and no slower (docs/performance-log.md).
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
  } catch {
    port1.close();
    return undefined;
  }
  // A worker that throws must not crash the process: its half is analysed here instead. Its 'error' could
  // only be emitted after the build, once `end` has terminated it, and Node 20 then drops it (tested), but
  // that is not documented, so it is caught here too.
  worker.on('error', () => undefined);
  worker.unref();
  const started = performance.now();
  return {
    take() {
      Atomics.wait(done, 0, 0, waitMs(performance.now() - started));
      const reply = receiveMessageOnPort(port1)?.message as ShardReply | undefined;
      return reply?.ok ? reply.shard : undefined;
    },
    end() {
      port1.close();
      void worker.terminate();
    },
  };
}

/**
 * Indexing a large knowledge base on two cores. A build is mostly analysing text (tokenizing, stemming,
 * aliases: three quarters of a 100k-fact build, README Performance), and each fact is analysed on its own,
 * so a worker thread analyses the second half of the facts while this thread analyses the first. The worker
 * sends its half back as term ids in one typed array (moved, not copied), which the index adds in order:
 * the index is the same, to the term id, as one thread builds (test/engine/index-shard.test.ts).
 *
 * Building stays synchronous (createEngine is): this thread waits with Atomics.wait and takes the reply with
 * receiveMessageOnPort. A worker that fails, or does not answer in time, costs only time: the caller then
 * analyses that half itself.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { AliasMatcher } from './aliases';
import { FIELDS, analyseFact, type IndexedFact } from './fact-fields';

/** Facts analysed in another thread: what InvertedIndex.addEncoded takes, and the words met, in the order met. */
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
  let ids = new Int32Array(1 << 16);
  let count = 0;
  facts.forEach((fact, i) => {
    analyseFact(fact, aliases, words, sources).forEach((terms, f) => {
      lengths[i * FIELDS.length + f] = terms.length;
      for (const term of terms) {
        let id = termIds.get(term);
        if (id === undefined) termIds.set(term, (id = termIds.size));
        if (count === ids.length) {
          const grown = new Int32Array(count * 2);
          grown.set(ids);
          ids = grown;
        }
        ids[count++] = id;
      }
    });
  });
  return { terms: [...termIds.keys()], ids: ids.slice(0, count), lengths, words: [...words] };
}

/**
 * How long to wait for a worker's half: generous (a loaded machine analyses ~25k facts a second), since
 * waiting in vain only happens if the worker died, and then the half is analysed here anyway.
 */
const waitMs = (facts: number) => 10_000 + facts;

/** Starts analysing `facts` in a worker; undefined when no worker can be started. `take` waits for the result (undefined if it failed). */
export function startShard(facts: readonly IndexedFact[], aliasGroups: ReadonlyArray<readonly string[]>, script = SHARD_WORKER): { take(): EncodedShard | undefined } | undefined {
  if (!existsSync(script)) return undefined;
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  // Only what is indexed crosses to the worker (a fact's id, location and source URL stay here).
  const sent = facts.map(({ questions, text, tags, source }) => ({ questions, text, tags, source: { title: source.title, publisher: source.publisher } }));
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { facts: sent, aliasGroups, port: port2, done } satisfies ShardRequest, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  // A failing worker must not crash the process: its half is analysed here instead (take returns undefined).
  worker.on('error', () => undefined);
  worker.unref();
  return {
    take() {
      Atomics.wait(done, 0, 0, waitMs(facts.length));
      const reply = receiveMessageOnPort(port1)?.message as ShardReply | undefined;
      port1.close();
      void worker.terminate();
      return reply?.ok ? reply.shard : undefined;
    },
  };
}

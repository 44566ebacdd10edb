/**
 * Worker thread (compiled to dist/engine/index-shard-worker.js): analyses half of a large knowledge base's
 * facts for the index (index-shard.ts) and moves the result back.
 */
import { workerData } from 'node:worker_threads';
import { encodeShard, type ShardReply, type ShardRequest } from './index-shard';

const { facts, aliasGroups, port, done } = workerData as ShardRequest;
try {
  const shard = encodeShard(facts, aliasGroups);
  port.postMessage({ ok: true, shard } satisfies ShardReply, [shard.ids.buffer, shard.lengths.buffer]);
} catch (error) {
  port.postMessage({ ok: false, error: (error as Error).message } satisfies ShardReply);
} finally {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}

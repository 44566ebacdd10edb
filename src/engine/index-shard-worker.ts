/**
 * Worker thread (compiled to dist/engine/index-shard-worker.js): analyses half of a large knowledge base's
 * facts for the index (index-shard.ts) and moves the result back.
 */
import { workerData } from 'node:worker_threads';
import type { ShardReply, ShardRequest } from './index-shard';

const { facts, aliasGroups, port, done } = workerData as ShardRequest;
const finished = () => {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
};
// However this thread ends (even if loading the analysis fails), the waiting thread is told at once,
// rather than after its time-out.
process.on('exit', finished);
void (async () => {
  try {
    const { encodeShard } = await import('./index-shard');
    const shard = encodeShard(facts, aliasGroups);
    port.postMessage({ ok: true, shard } satisfies ShardReply, [shard.ids.buffer, shard.lengths.buffer]);
  } catch (error) {
    port.postMessage({ ok: false, error: (error as Error).message } satisfies ShardReply);
  } finally {
    finished();
  }
})();

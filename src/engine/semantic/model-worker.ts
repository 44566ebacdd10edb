/**
 * Worker thread (compiled to dist/engine/semantic/model-worker.js): the sentence model, off the bot's
 * event loop (model-thread.ts). Each request is answered with unit vectors, transferred, or with the
 * error; `busy` marks a question turned away by the model's queue (ModelBusy).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { loadEmbedder } from './embedder';
import { ModelBusy } from './model-queue';

export type ModelRequest = { id: number; texts: string[]; questions: boolean };
export type ModelReply = { ready: true } | { ready: false; error: string } | { id: number; vectors: Float32Array[] } | { id: number; error: string; busy?: number };

const port = parentPort!;

// The model's thread yields the CPU to the bot's own (nice 10): on two cores, acks and word matching
// come first, and a question the model is too slow for is answered by word matching (model-queue.ts).
// Linux names a thread by its id, found through /proc/thread-self; elsewhere the thread keeps its priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // not Linux: no per-thread priority through this call
}
const post = (reply: ModelReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

loadEmbedder().then(
  (embedder) => {
    port.on('message', ({ id, texts, questions }: ModelRequest) => {
      (questions ? embedder.embedQuestions(texts) : embedder.embed(texts)).then(
        (vectors) => post({ id, vectors }, vectors.map((v) => v.buffer as ArrayBuffer)),
        (error: unknown) => post({ id, error: (error as Error).message, ...(error instanceof ModelBusy && { busy: error.waiting }) }),
      );
    });
    post({ ready: true });
  },
  (error: unknown) => post({ ready: false, error: (error as Error).message }),
);

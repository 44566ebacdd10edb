import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { EMBEDDER_ID, type Embedder } from './embedder';
import { ModelBusy } from './model-queue';
import type { ModelReply, ModelRequest } from './model-worker';

/**
 * The sentence model in a worker thread, for the bot. In the bot's own thread every model call (7–40 ms,
 * fact batches 200–300 ms) held up Slack's acks: under `npm run load` an ack waited behind one call per
 * turn of the event loop, and its p99 was 1.2–2 s. In a thread of its own the model takes only CPU time,
 * not turns. Same vectors, same queue and shedding rules (they run in the worker, embedder.ts).
 *
 * Resolves once the model is loaded; rejects if it cannot be. A worker that dies later fails the calls in
 * flight; the next call starts a new one.
 */
export function threadEmbedder(script = path.join(__dirname, 'model-worker.js')): Promise<Embedder> {
  let worker: Promise<Worker> | undefined;
  let next = 0;
  // The thread, once its model is loaded: a call is then posted at once, not after an await, because the
  // semantic stage asks the model first and judges the candidates by word matching meanwhile (answerer.ts).
  let running: Worker | undefined;
  const pending = new Map<number, { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void }>();

  const start = (): Promise<Worker> => {
    const started = new Promise<Worker>((resolve, reject) => {
      const w = new Worker(script);
      w.on('message', (reply: ModelReply) => {
        if ('ready' in reply) {
          idle(w);
          if (reply.ready && worker === started) running = w;
          return reply.ready ? resolve(w) : reject(new Error(reply.error));
        }
        const call = pending.get(reply.id);
        pending.delete(reply.id);
        idle(w);
        if ('vectors' in reply) call?.resolve(reply.vectors);
        else call?.reject(reply.busy !== undefined ? new ModelBusy(reply.busy) : new Error(reply.error));
      });
      // 'error' is followed by 'exit': only the first ends this thread's calls, and never a newer thread's.
      const ended = (error: Error) => {
        reject(error);
        if (worker !== started) return;
        worker = undefined;
        running = undefined;
        for (const call of pending.values()) call.reject(error);
        pending.clear();
      };
      w.on('error', ended);
      w.on('exit', (code) => ended(new Error(`the sentence model's thread stopped (exit code ${code})`)));
    });
    return started;
  };

  // An idle model thread must not keep the process alive (a bot shutting down, a test ending); one with
  // calls in flight must, or a script awaiting a vector could exit first.
  const idle = (w: Worker) => {
    if (pending.size === 0) w.unref();
  };

  const post = (w: Worker, texts: readonly string[], questions: boolean) => {
    const id = next++;
    return new Promise<Float32Array[]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, texts: [...texts], questions } satisfies ModelRequest);
    });
  };
  const call = (texts: readonly string[], questions: boolean): Promise<Float32Array[]> =>
    running ? post(running, texts, questions) : (worker ??= start()).then((w) => post(w, texts, questions));

  worker = start();
  return worker.then(() => ({ id: EMBEDDER_ID, embed: (texts) => call(texts, false), embedQuestions: (texts) => call(texts, true) }));
}

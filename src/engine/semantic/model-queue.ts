/**
 * One queue in front of the sentence model. Calls into its WASM backend run one at a time (concurrent
 * calls were reported to abort), and each call is synchronous work of 7–40 ms. Two rules keep the bot
 * responsive when questions come faster than the model answers them (`npm run load`: 100 a second on two
 * cores, where the model manages ~60):
 * - each call starts on a turn of the event loop of its own, so requests (Slack's acks) are served
 *   between calls; chained promises alone would run the whole backlog first (acks took 20 s);
 * - a question that would wait behind `limit` calls is turned away at once (`ModelBusy`), and the
 *   semantic stage answers it by word matching, instead of every answer waiting longer and longer.
 */
import { nextTurn } from '../../turns';

export class ModelBusy extends Error {
  constructor(readonly waiting: number) {
    super(`the sentence model has ${waiting} calls waiting`);
  }
}

export type ModelQueue = <T>(job: () => Promise<T>, options?: { shed?: boolean }) => Promise<T>;

export function modelQueue(limit: number): ModelQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  return <T>(job: () => Promise<T>, { shed = false } = {}) => {
    if (shed && waiting >= limit) return Promise.reject(new ModelBusy(waiting));
    waiting++;
    const run = tail.then(nextTurn).then(job);
    const settled = run.finally(() => waiting--);
    tail = settled.catch(() => undefined);
    return settled;
  };
}

/**
 * What the bot keeps about threads it takes part in (the question that started a thread it answered,
 * the asker of a question handed to the experts). In-process: with several replicas, each knows only
 * its own threads. Forgotten after `ttlMs` and capped in number, so memory stays flat.
 */
export class ThreadMemory<T> {
  private readonly threads = new Map<string, { value: T; at: number }>();

  constructor(
    private readonly ttlMs = 7 * 24 * 60 * 60 * 1000,
    private readonly max = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Remembers `value` for the thread; a thread keeps the first value it was given, unless that was '' (none yet). */
  remember(channel: string, threadTs: string, value: T): void {
    const key = `${channel}:${threadTs}`;
    const kept = this.threads.get(key);
    if (kept && kept.value !== '') return;
    this.threads.set(key, { value, at: this.now() });
    while (this.threads.size > this.max) this.threads.delete(this.threads.keys().next().value!);
  }

  recall(channel: string, threadTs: string): T | undefined {
    const key = `${channel}:${threadTs}`;
    const thread = this.threads.get(key);
    if (thread && this.now() - thread.at < this.ttlMs) return thread.value;
    this.threads.delete(key);
    return undefined;
  }
}

/**
 * Threads the bot answered a mention in, with the question that started them, so replies there are
 * answered without a new mention. In-process: with several replicas, each knows only the threads it
 * answered itself. Forgotten after `ttlMs` and capped in number, so memory stays flat.
 */
export class AnsweredThreads {
  private readonly threads = new Map<string, { question: string; at: number }>();

  constructor(
    private readonly ttlMs = 7 * 24 * 60 * 60 * 1000,
    private readonly max = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  remember(channel: string, threadTs: string, question: string): void {
    const key = `${channel}:${threadTs}`;
    if (this.threads.has(key)) return; // the thread keeps the subject it started with
    this.threads.set(key, { question: question.slice(0, 500), at: this.now() });
    while (this.threads.size > this.max) this.threads.delete(this.threads.keys().next().value!);
  }

  /** The question that started the thread, if the bot answered in it recently. */
  questionOf(channel: string, threadTs: string): string | undefined {
    const key = `${channel}:${threadTs}`;
    const thread = this.threads.get(key);
    if (thread && this.now() - thread.at < this.ttlMs) return thread.question;
    this.threads.delete(key);
    return undefined;
  }
}

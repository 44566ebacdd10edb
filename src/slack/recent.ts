/**
 * Keys seen recently (event ids, channel+ts of answered messages), forgotten after `ttlMs` and capped
 * in number, so a long-running bot's memory stays flat. Slack retries a delivery within minutes.
 */
export class RecentKeys {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly max = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a key is seen (within the TTL), false after. */
  firstTime(key: string): boolean {
    const t = this.now();
    const at = this.seen.get(key);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.delete(key);
    this.seen.set(key, t);
    while (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }
}

/** Questions per user per minute: `take` records one and returns 0 when allowed, else the seconds to wait. */
export interface UserRateLimit {
  take(user: string): number | Promise<number>;
}

/** A sliding one-minute window per user, in this process. */
export class RateLimiter implements UserRateLimit {
  private readonly recent = new Map<string, number[]>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a question; returns 0 when allowed, else the seconds until the user may ask again. */
  take(user: string): number {
    if (this.perMinute <= 0) return 0;
    const t = this.now();
    const times = (this.recent.get(user) ?? []).filter((at) => t - at < 60_000);
    if (times.length >= this.perMinute) {
      this.recent.set(user, times);
      return Math.max(1, Math.ceil((times[0]! + 60_000 - t) / 1000));
    }
    times.push(t);
    this.recent.set(user, times);
    if (this.recent.size > 50_000) this.prune(t);
    return 0;
  }

  private prune(t: number): void {
    for (const [user, times] of this.recent) if (times.every((at) => t - at >= 60_000)) this.recent.delete(user);
  }
}

/**
 * Commands per person per minute, counted in this process: enough to stop one person (or a
 * script with their token) from making Centric hammer Jira, never noticed by anyone typing.
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number,
    /** People remembered at most: the oldest are forgotten first, so memory stays bounded. */
    private readonly maxPeople = 10_000,
  ) {}

  /** Counts one command; null when it may run, else the seconds until it may. */
  take(who: string): number | null {
    const now = this.clock();
    const times = (this.recent.get(who) ?? []).filter((t) => t > now - 60_000);
    if (times.length >= this.perMinute) {
      this.recent.set(who, times);
      return Math.max(1, Math.ceil((times[0]! + 60_000 - now) / 1000));
    }
    times.push(now);
    this.recent.delete(who);
    this.recent.set(who, times);
    if (this.recent.size > this.maxPeople) this.recent.delete(this.recent.keys().next().value!);
    return null;
  }
}

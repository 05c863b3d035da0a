// WeCom's frequency limits (reference §9), as fixed windows with blocks. Counters live in memory
// only: a restart forgets them, which is harmless for a simulator. Every number is adjustable
// through the control API so tests can reach a limit in a few calls.
export type Limits = {
  /** Base limits per company and single API. */
  perApiPerMinute: number;
  perApiPerHour: number;
  /** An API called with debug=1 allows only 5 calls a minute. */
  debugPerMinute: number;
  /** Per app and member; the excess is dropped silently. */
  messagesPerMemberPerMinute: number;
  messagesPerMemberPerHour: number;
  /** Per app a day: account cap × this many recipient-deliveries. */
  messageDeliveriesPerDayPerCap: number;
  /** Per company a month: account cap × this many member creations. */
  accountCreationsPerMonthPerCap: number;
  /** user/getuserid misses above this share of the headcount block the API until the end of the day. */
  getuseridMissRatio: number;
  /** Wrong gettoken secrets from one IP within an hour before the IP is blocked for an hour (the count is not documented). */
  wrongSecretsBeforeBlock: number;
  /** Seconds before a trusted-IP list set in the console takes effect ("about 1 minute", reference §0; ERR 60020). */
  trustedIpApplySeconds: number;
};

export const DEFAULT_LIMITS: Limits = {
  perApiPerMinute: 10_000,
  perApiPerHour: 150_000,
  debugPerMinute: 5,
  messagesPerMemberPerMinute: 30,
  messagesPerMemberPerHour: 1000,
  messageDeliveriesPerDayPerCap: 200,
  accountCreationsPerMonthPerCap: 3,
  getuseridMissRatio: 0.2,
  wrongSecretsBeforeBlock: 10,
  trustedIpApplySeconds: 60,
};

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly blocks = new Map<string, number>();

  /** Counts `amount` against the fixed window holding `now`; false when that passes `limit`. */
  take(key: string, limit: number, windowMs: number, now: number, amount = 1): boolean {
    const start = Math.floor(now / windowMs) * windowMs;
    const current = this.windows.get(key);
    const window = current && current.start === start ? current : { start, count: 0 };
    window.count += amount;
    this.windows.set(key, window);
    return window.count <= limit;
  }

  count(key: string, windowMs: number, now: number): number {
    const current = this.windows.get(key);
    return current && current.start === Math.floor(now / windowMs) * windowMs ? current.count : 0;
  }

  block(key: string, until: number): void {
    this.blocks.set(key, Math.max(until, this.blocks.get(key) ?? 0));
  }

  isBlocked(key: string, now: number): boolean {
    return (this.blocks.get(key) ?? 0) > now;
  }

  clear(): void {
    this.windows.clear();
    this.blocks.clear();
  }
}

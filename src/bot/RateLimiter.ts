/**
 * Per-user limit on questions. It lives in the bot, not the HTTP layer: all Teams traffic comes
 * from Microsoft's connector addresses, so per-IP throttling would throttle the whole channel.
 */
export interface RateLimitOptions {
  /** Questions allowed in a burst. */
  readonly capacity: number;
  /** Questions regained per minute. */
  readonly perMinute: number;
  readonly now?: () => number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 10, perMinute: 20 };
/** Beyond this many users the oldest buckets are forgotten, so memory stays bounded. */
const MAX_TRACKED_USERS = 10_000;

/** A token bucket per user id. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT) {
    this.now = options.now ?? Date.now;
  }

  /** True when `userId` may ask now (and uses up one question). */
  tryTake(userId: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(userId) ?? { tokens: this.options.capacity, at: now };
    const regained = ((now - bucket.at) / 60_000) * this.options.perMinute;
    bucket.tokens = Math.min(this.options.capacity, bucket.tokens + regained);
    bucket.at = now;
    this.buckets.delete(userId);
    this.buckets.set(userId, bucket);
    if (this.buckets.size > MAX_TRACKED_USERS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

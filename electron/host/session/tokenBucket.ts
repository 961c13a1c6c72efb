// A token bucket: up to `capacity` actions at once, refilled continuously at
// `refillPerSecond`. Used for per-connection message and byte rates and for wrong join
// codes per address. The clock is injectable so that tests need not wait.

export type Clock = () => number;

export const monotonicClock: Clock = () => performance.now();

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    private readonly now: Clock = monotonicClock,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Takes `cost` tokens if there are that many; false (taking nothing) otherwise. */
  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Tokens available now. */
  available(): number {
    this.refill();
    return this.tokens;
  }

  /** Milliseconds until `cost` tokens are available (0 if they are now). */
  msUntil(cost = 1): number {
    this.refill();
    if (this.tokens >= cost) return 0;
    if (this.refillPerSecond <= 0) return Number.POSITIVE_INFINITY;
    return Math.ceil(((cost - this.tokens) / this.refillPerSecond) * 1000);
  }

  isFull(): boolean {
    return this.available() >= this.capacity;
  }

  private refill(): void {
    const now = this.now();
    const elapsedMs = Math.max(0, now - this.updatedAt);
    this.updatedAt = now;
    this.tokens = Math.min(this.capacity, this.tokens + (elapsedMs / 1000) * this.refillPerSecond);
  }
}

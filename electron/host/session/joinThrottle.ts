// Limits wrong join codes per remote address, so that nobody in the room (or anywhere on
// the network the host listens on) can guess the code by trying. While an address has used
// up its attempts, every join from it is refused, right code or not: otherwise the answer
// to a right guess would still tell it apart. Memory is bounded: at most `maxAddresses`
// entries, addresses that are fully forgiven are dropped first, then the oldest.
import { monotonicClock, TokenBucket, type Clock } from './tokenBucket';

export interface JoinThrottleOptions {
  readonly burst: number;
  readonly refillMs: number;
  readonly maxAddresses: number;
  readonly now?: Clock;
}

export class JoinThrottle {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly now: Clock;

  constructor(private readonly options: JoinThrottleOptions) {
    this.now = options.now ?? monotonicClock;
  }

  /** Milliseconds this address must wait before it may try again; 0 if it may try now. */
  retryAfterMs(address: string): number {
    const bucket = this.buckets.get(address);
    return bucket ? bucket.msUntil(1) : 0;
  }

  /** Records a wrong (or missing) code from this address. */
  recordFailure(address: string): void {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      this.makeRoom();
      bucket = new TokenBucket(this.options.burst, 1000 / this.options.refillMs, this.now);
      this.buckets.set(address, bucket);
    }
    bucket.take(1);
  }

  /** Addresses currently remembered (for tests and diagnostics). */
  size(): number {
    return this.buckets.size;
  }

  private makeRoom(): void {
    if (this.buckets.size < this.options.maxAddresses) return;
    for (const [address, bucket] of this.buckets) {
      if (bucket.isFull()) this.buckets.delete(address);
    }
    // Still full: forget the oldest entries (Map keeps insertion order).
    for (const address of this.buckets.keys()) {
      if (this.buckets.size < this.options.maxAddresses) break;
      this.buckets.delete(address);
    }
  }
}

import type { Clock } from './clock.ts';

/**
 * Spaces requests to at most `requestsPerSecond`, with no burst: each request
 * waits until one interval after the previous one started. This replaces
 * fixed sleeps between items, so an item that needs no request costs no time.
 */
export class RequestPacer {
  private intervalMs: number;
  private nextAllowedAt = Number.NEGATIVE_INFINITY;
  private readonly clock: Clock;

  constructor(clock: Clock, requestsPerSecond: number) {
    this.clock = clock;
    this.intervalMs = 1000 / requestsPerSecond;
  }

  setRate(requestsPerSecond: number): void {
    this.intervalMs = 1000 / requestsPerSecond;
  }

  /** Waits for the next request slot and claims it. */
  async take(signal?: AbortSignal): Promise<void> {
    const now = this.clock.monotonic();
    const start = Math.max(now, this.nextAllowedAt);
    this.nextAllowedAt = start + this.intervalMs;
    if (start > now) await this.clock.sleep(start - now, signal);
  }

  /** Pushes the next slot back, for a rate limit that asks to wait longer. */
  deferUntil(monotonicMs: number): void {
    this.nextAllowedAt = Math.max(this.nextAllowedAt, monotonicMs);
  }
}

const MINUTE_MS = 60_000;
const WINDOW_MINUTES = 60;

/**
 * Requests per minute over the last hour. The worker reports running totals;
 * this keeps the per-minute differences in a ring of 60 buckets.
 */
export class RequestRate {
  private readonly buckets = new Map<number, number>();
  private lastTotal: number | null = null;

  /** Records the worker's running total; a total lower than the last one means a new worker. */
  observe(total: number, now: number): void {
    const delta = this.lastTotal === null || total < this.lastTotal ? total : total - this.lastTotal;
    this.lastTotal = total;
    if (delta <= 0) return;

    const minute = Math.floor(now / MINUTE_MS);
    this.buckets.set(minute, (this.buckets.get(minute) ?? 0) + delta);
    for (const key of this.buckets.keys()) {
      if (key <= minute - WINDOW_MINUTES) this.buckets.delete(key);
    }
  }

  /** Requests in each of the last 60 minutes, oldest first, the current minute last. */
  perMinute(now: number): number[] {
    const current = Math.floor(now / MINUTE_MS);
    const series: number[] = [];
    for (let minute = current - WINDOW_MINUTES + 1; minute <= current; minute++) {
      series.push(this.buckets.get(minute) ?? 0);
    }
    return series;
  }
}

/**
 * Time for the enrichment loop. Waits are measured on the monotonic
 * clock, so a wall-clock jump (NTP, a user changing the time, resume from
 * sleep) neither shortens nor stretches a back-off. The wall clock only
 * stamps times that are stored or shown.
 */
export interface Clock {
  /** Wall-clock time in epoch ms. */
  now(): number;
  /** Monotonic time in ms from an arbitrary origin. */
  monotonic(): number;
  /** Resolves after `ms` of monotonic time, or early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  sleep(ms, signal) {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
  },
};

interface PendingSleep {
  until: number;
  resolve: () => void;
  /** Removes the abort listener, so long simulations do not pile listeners on one signal. */
  detach: () => void;
}

/**
 * A clock that moves only when a test advances it, for simulating hours of back-off in
 * milliseconds. `advance` runs every sleep that falls due, in order, letting
 * the awakened code run before the next one fires.
 */
export class FakeClock implements Clock {
  private current: number;
  private monotonicCurrent = 0;
  private readonly sleeps: PendingSleep[] = [];

  constructor(startWallMs = Date.UTC(2026, 0, 1)) {
    this.current = startWallMs;
  }

  now(): number {
    return this.current;
  }

  monotonic(): number {
    return this.monotonicCurrent;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const onAbort = () => this.finish(entry);
      const entry: PendingSleep = {
        until: this.monotonicCurrent + Math.max(0, ms),
        resolve,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      this.sleeps.push(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Moves the wall clock alone, as NTP or a user changing the time does.
   * Monotonic time and pending sleeps are unaffected.
   */
  jumpWall(ms: number): void {
    this.current += ms;
  }

  /** Number of sleeps waiting. */
  pendingSleeps(): number {
    return this.sleeps.length;
  }

  /**
   * Moves both clocks forward, waking due sleepers one at a time. Before each
   * step it waits (in real time, up to `quietMs`) for the code under test to
   * go back to sleep, because real I/O such as an HTTP request may sit
   * between two sleeps.
   */
  async advance(ms: number, quietMs = 5_000): Promise<void> {
    const target = this.monotonicCurrent + ms;
    for (;;) {
      await this.waitForSleeper(quietMs);
      const next = this.sleeps.reduce<PendingSleep | null>((soonest, entry) => (!soonest || entry.until < soonest.until ? entry : soonest), null);
      if (!next || next.until > target) break;

      this.moveTo(next.until);
      this.finish(next);
    }
    this.moveTo(target);
    await settle();
  }

  private async waitForSleeper(quietMs: number): Promise<void> {
    const deadline = Date.now() + quietMs;
    await settle();
    while (this.sleeps.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await settle();
  }

  private moveTo(monotonicMs: number): void {
    this.current += monotonicMs - this.monotonicCurrent;
    this.monotonicCurrent = monotonicMs;
  }

  private finish(entry: PendingSleep): void {
    const index = this.sleeps.indexOf(entry);
    if (index >= 0) this.sleeps.splice(index, 1);
    entry.detach();
    entry.resolve();
  }
}

/** Lets pending promise callbacks and I/O callbacks run. */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++) await new Promise((resolve) => setImmediate(resolve));
}

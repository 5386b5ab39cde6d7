/** Timer functions, so tests can drive the throttle by hand. */
export interface ThrottleTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: ThrottleTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Passes values on at most once per `intervalMs`, and only when a value
 * differs from the last one passed on (compared as JSON). A value that
 * arrives too soon waits for the end of the interval; if newer values arrive
 * meanwhile, only the latest is passed on.
 */
export class ChangeThrottle<T> {
  private readonly intervalMs: number;
  private readonly emit: (value: T) => void;
  private readonly timers: ThrottleTimers;

  private lastJson: string | null = null;
  private lastEmitAt = Number.NEGATIVE_INFINITY;
  private pending: { value: T; json: string } | null = null;
  private timer: unknown = null;

  constructor(intervalMs: number, emit: (value: T) => void, timers: ThrottleTimers = REAL_TIMERS) {
    this.intervalMs = intervalMs;
    this.emit = emit;
    this.timers = timers;
  }

  push(value: T): void {
    const json = JSON.stringify(value);
    if (json === this.lastJson) {
      // Back to what the listeners already have: a waiting change is void.
      this.pending = null;
      return;
    }

    this.pending = { value, json };
    if (this.timer !== null) return;

    const wait = this.lastEmitAt + this.intervalMs - this.timers.now();
    if (wait <= 0) this.flush();
    else this.timer = this.timers.setTimeout(() => this.onTimer(), wait);
  }

  /** Drops a waiting value and stops the timer. */
  dispose(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private onTimer(): void {
    this.timer = null;
    this.flush();
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;

    this.lastJson = pending.json;
    this.lastEmitAt = this.timers.now();
    this.emit(pending.value);
  }
}

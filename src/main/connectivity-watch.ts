import type { SourceStatus } from '../shared/enrichment-state.ts';

/** Interval functions, so tests can step the watch by hand. */
export interface IntervalTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const REAL_INTERVALS: IntervalTimers = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface ConnectivityWatchOptions {
  /** Electron's `net.isOnline()`. */
  isOnline(): boolean;
  /** Called once each time the machine comes back online. */
  onOnline(): void;
  /** How often to look, in ms. */
  intervalMs: number;
  timers?: IntervalTimers;
}

/**
 * Calls `onOnline` when the network comes back after being down. Electron's
 * main process has no online event, so this polls `net.isOnline()`.
 * Returns the function that stops the watch.
 */
export function watchConnectivity(options: ConnectivityWatchOptions): () => void {
  const timers = options.timers ?? REAL_INTERVALS;
  let online = options.isOnline();

  const handle = timers.setInterval(() => {
    const now = options.isOnline();
    if (now && !online) options.onOnline();
    online = now;
  }, options.intervalMs);

  return () => timers.clearInterval(handle);
}

/**
 * True when the source should probe at once after the machine wakes or comes
 * back online: it is on and has a worker. A worker stopped after repeated
 * crashes is left for the user's "Check now", so waking never restarts a crash loop.
 */
export function shouldCheckAfterReconnect(status: SourceStatus): boolean {
  return status.enabled && status.state !== 'disabled' && status.state !== 'crashed';
}

import type { Clock } from './clock.ts';

/** A sleep that other events can cut short: a wake-up, "Check now", a shutdown. */
export class Waker {
  private controller = new AbortController();
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Sleeps up to `ms` (forever for `Infinity`); resolves `true` when woken early. */
  async wait(ms: number): Promise<boolean> {
    const signal = this.controller.signal;
    if (signal.aborted) {
      this.controller = new AbortController();
      return true;
    }

    if (Number.isFinite(ms)) await this.clock.sleep(ms, signal);
    else await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

    if (signal.aborted) {
      this.controller = new AbortController();
      return true;
    }
    return false;
  }

  /** Ends the current wait, or the next one at once when nobody waits. */
  wake(): void {
    this.controller.abort();
  }
}

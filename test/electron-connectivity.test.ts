import { describe, expect, it } from 'vitest';

import { shouldCheckAfterReconnect, watchConnectivity, type IntervalTimers } from '../src/main/connectivity-watch.ts';
import { sourceStatus } from './support/source-status.ts';

/** Interval timers that tick only when the test calls `tick`. */
function manualIntervals() {
  let callback: (() => void) | null = null;
  const timers: IntervalTimers = {
    setInterval: (next) => {
      callback = next;
      return 1;
    },
    clearInterval: () => {
      callback = null;
    },
  };
  return { timers, tick: () => callback?.(), running: () => callback !== null };
}

function watch(states: boolean[]) {
  const intervals = manualIntervals();
  let index = 0;
  let onlineEvents = 0;
  const stop = watchConnectivity({
    isOnline: () => states[Math.min(index, states.length - 1)] ?? true,
    onOnline: () => onlineEvents++,
    intervalMs: 1_000,
    timers: intervals.timers,
  });
  const step = (count: number) => {
    for (let i = 0; i < count; i++) {
      index++;
      intervals.tick();
    }
  };
  return { step, stop, running: intervals.running, events: () => onlineEvents };
}

describe('watchConnectivity', () => {
  it('reports coming back online', () => {
    const subject = watch([true, false, true]);
    subject.step(2);
    expect(subject.events()).toBe(1);
  });

  it('stays quiet while online', () => {
    const subject = watch([true, true, true, true]);
    subject.step(3);
    expect(subject.events()).toBe(0);
  });

  it('reports each return', () => {
    const subject = watch([true, false, true, false, false, true]);
    subject.step(5);
    expect(subject.events()).toBe(2);
  });

  it('stops polling', () => {
    const subject = watch([true]);
    subject.stop();
    expect(subject.running()).toBe(false);
  });
});

describe('shouldCheckAfterReconnect', () => {
  it.each([
    ['in an outage', sourceStatus({ state: 'outage' }), true],
    ['running', sourceStatus(), true],
    ['disabled', sourceStatus({ state: 'disabled', enabled: false }), false],
    ['crashed', sourceStatus({ state: 'crashed' }), false],
  ] as const)('%s: %s', (_case, status, expected) => {
    expect(shouldCheckAfterReconnect(status)).toBe(expected);
  });
});

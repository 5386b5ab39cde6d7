import { describe, expect, it } from 'vitest';

import { ChangeThrottle } from '../src/main/core/app/status-throttle.ts';
import { ManualTimers } from './support/manual-timers.ts';

function throttle() {
  const timers = new ManualTimers();
  const emitted: number[] = [];
  const subject = new ChangeThrottle<{ value: number }>(250, (status) => emitted.push(status.value), timers);
  return { timers, emitted, subject };
}

describe('ChangeThrottle', () => {
  it('passes the first value at once', () => {
    const { subject, emitted } = throttle();
    subject.push({ value: 1 });
    expect(emitted).toEqual([1]);
  });

  it('drops a value equal to the last one', () => {
    const { subject, emitted, timers } = throttle();
    subject.push({ value: 1 });
    timers.advance(1_000);
    subject.push({ value: 1 });
    expect(emitted).toEqual([1]);
  });

  it('holds a change that comes too soon', () => {
    const { subject, emitted, timers } = throttle();
    subject.push({ value: 1 });
    timers.advance(100);
    subject.push({ value: 2 });
    expect(emitted).toEqual([1]);
  });

  it('sends the held change at the end of the interval', () => {
    const { subject, emitted, timers } = throttle();
    subject.push({ value: 1 });
    timers.advance(100);
    subject.push({ value: 2 });
    timers.advance(150);
    expect(emitted).toEqual([1, 2]);
  });

  it('sends only the latest of a burst', () => {
    const { subject, emitted, timers } = throttle();
    subject.push({ value: 1 });
    for (let value = 2; value <= 50; value++) subject.push({ value });
    timers.advance(250);
    expect(emitted).toEqual([1, 50]);
  });

  it('limits a steady stream to one value per interval', () => {
    const { subject, emitted, timers } = throttle();
    for (let value = 1; value <= 100; value++) {
      subject.push({ value });
      timers.advance(10);
    }
    timers.advance(250);
    // A change every 10 ms for 1 s: value 1 goes out at once, then the value
    // pushed last before each 250 ms mark (25 at 240 ms, 50 at 490 ms, ...).
    expect(emitted).toEqual([1, 25, 50, 75, 100]);
  });

  it('drops a held change that was reverted', () => {
    const { subject, emitted, timers } = throttle();
    subject.push({ value: 1 });
    subject.push({ value: 2 });
    subject.push({ value: 1 });
    timers.advance(250);
    expect(emitted).toEqual([1]);
  });

  it('stops its timer on dispose', () => {
    const { subject, timers } = throttle();
    subject.push({ value: 1 });
    subject.push({ value: 2 });
    subject.dispose();
    expect(timers.pending).toBe(0);
  });
});

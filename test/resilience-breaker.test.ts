/**
 * The outage circuit breaker on a fake clock: waits run on monotonic time
 * whatever the wall clock does, restored waits are clamped to one back-off
 * step, and a lucky success inside a flapping outage keeps the back-off.
 */
import { describe, expect, it } from 'vitest';

import { OutageBreaker } from '../src/worker/enrichment/breaker.ts';
import { FakeClock } from '../src/worker/enrichment/clock.ts';
import type { PersistedBreakerState } from '../src/shared/worker-protocol.ts';

const SECOND = 1_000;
const HOUR = 3_600 * SECOND;
const DEFAULTS = { initialDelayMs: 30 * SECOND, maxDelayMs: 30 * 60 * SECOND, longOutageMs: 24 * HOUR };

function breakerOn(clock: FakeClock, random = () => 0): OutageBreaker {
  return new OutageBreaker(clock, { ...DEFAULTS, random });
}

function persisted(clock: FakeClock, fields: Partial<PersistedBreakerState>): PersistedBreakerState {
  return {
    kind: 'outage',
    sinceMs: clock.now() - HOUR,
    streak: 4,
    delayMs: 60 * SECOND,
    nextAttemptAtMs: clock.now() + 40 * SECOND,
    lastError: 'HTTP 503: Amazon Music API is not initialized',
    ...fields,
  };
}

describe('breaker waits', () => {
  it('ignore a wall clock jump forward', () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);
    breaker.recordFailure('outage', 'HTTP 503');

    clock.jumpWall(10 * HOUR);

    expect(breaker.msUntilAttempt()).toBe(30 * SECOND);
  });

  it('ignore a wall clock jump backward', () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);
    breaker.recordFailure('outage', 'HTTP 503');

    clock.jumpWall(-10 * HOUR);

    expect(breaker.msUntilAttempt()).toBe(30 * SECOND);
  });

  it('end after monotonic time passes', async () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);
    breaker.recordFailure('outage', 'HTTP 503');
    clock.jumpWall(-10 * HOUR);

    await clock.advance(30 * SECOND, 0);

    expect(breaker.msUntilAttempt()).toBe(0);
  });

  it('keep the outage duration through a jump', async () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);
    breaker.recordFailure('outage', 'HTTP 503');
    await clock.advance(10 * SECOND, 0);

    clock.jumpWall(2 * 24 * HOUR);

    expect(breaker.outage()?.longOutage).toBe(false);
    expect(breaker.recordSuccess()).toBe(10 * SECOND);
  });

  it('add at most 10 % jitter and never less', () => {
    for (const draw of [0, 0.5, 0.999]) {
      const clock = new FakeClock();
      const breaker = breakerOn(clock, () => draw);
      breaker.recordFailure('outage', 'HTTP 503');

      expect(breaker.msUntilAttempt(), `draw ${draw}`).toBeGreaterThanOrEqual(30 * SECOND);
      expect(breaker.msUntilAttempt(), `draw ${draw}`).toBeLessThan(33 * SECOND);
    }
  });

  it('double from 30 s to the 30 min cap', () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);
    const delays: number[] = [];
    for (let attempt = 0; attempt < 9; attempt++) {
      breaker.recordFailure('outage', 'HTTP 503');
      delays.push(breaker.msUntilAttempt() / SECOND);
    }

    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1800, 1800, 1800]);
  });
});

describe('breaker restore', () => {
  it('keeps an honest stored attempt time', () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);

    breaker.restore(persisted(clock, { nextAttemptAtMs: clock.now() + 40 * SECOND }));

    expect(breaker.msUntilAttempt()).toBe(40 * SECOND);
  });

  it('keeps the jitter of the stored wait', () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);

    breaker.restore(persisted(clock, { delayMs: 60 * SECOND, nextAttemptAtMs: clock.now() + 65 * SECOND }));

    expect(breaker.msUntilAttempt()).toBe(65 * SECOND);
  });

  it('clamps a far-future time to one step', () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);

    // The wall clock ran 10 h behind when the state was stored.
    breaker.restore(persisted(clock, { delayMs: 60 * SECOND, nextAttemptAtMs: clock.now() + 10 * HOUR }));

    expect(breaker.msUntilAttempt()).toBe(66 * SECOND);
  });

  it('probes at once when the time has passed', () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);

    breaker.restore(persisted(clock, { nextAttemptAtMs: clock.now() - SECOND }));

    expect(breaker.msUntilAttempt()).toBe(0);
  });

  it('continues the streak and the step', () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);
    breaker.restore(persisted(clock, { streak: 4, delayMs: 240 * SECOND }));

    breaker.recordFailure('outage', 'HTTP 503');

    expect(breaker.outage()?.streak).toBe(5);
    expect(breaker.persisted()?.delayMs).toBe(480 * SECOND);
  });

  it('counts the stored age toward a long outage', () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);

    breaker.restore(persisted(clock, { sinceMs: clock.now() - 25 * HOUR }));

    expect(breaker.outage()?.longOutage).toBe(true);
  });
});

describe('breaker flapping', () => {
  it('keeps the back-off after a lucky success', async () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);
    for (let attempt = 0; attempt < 3; attempt++) breaker.recordFailure('outage', 'HTTP 503');
    const since = breaker.outage()?.since;
    breaker.markHalfOpen();
    breaker.recordSuccess();
    await clock.advance(SECOND, 0);

    const effect = breaker.recordFailure('outage', 'HTTP 503');

    expect(effect).toBe('extended');
    expect(breaker.persisted()?.delayMs).toBe(240 * SECOND);
    expect(breaker.outage()?.since).toBe(since);
  });

  it('starts over after a quiet spell', async () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);
    for (let attempt = 0; attempt < 3; attempt++) breaker.recordFailure('outage', 'HTTP 503');
    breaker.recordSuccess();
    await clock.advance(HOUR, 0);

    const effect = breaker.recordFailure('outage', 'HTTP 503');

    expect(effect).toBe('opened');
    expect(breaker.persisted()?.delayMs).toBe(30 * SECOND);
  });
});

describe('breaker after a user check', () => {
  it('keeps the schedule when the check fails', () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);
    breaker.recordFailure('outage', 'HTTP 503');
    const before = breaker.persisted();

    for (let press = 0; press < 5; press++) breaker.recordFailedCheck('HTTP 502: an HTML page');

    expect(breaker.persisted()?.delayMs).toBe(before?.delayMs);
    expect(breaker.persisted()?.streak).toBe(before?.streak);
    expect(breaker.msUntilAttempt()).toBe(30 * SECOND);
    expect(breaker.outage()?.lastError).toBe('HTTP 502: an HTML page');
  });
});

describe('breaker flapping window', () => {
  it('starts over minutes after a long outage', async () => {
    const clock = new FakeClock();
    const breaker = breakerOn(clock);
    for (let attempt = 0; attempt < 7; attempt++) breaker.recordFailure('outage', 'HTTP 503');
    expect(breaker.persisted()?.delayMs).toBe(30 * 60 * SECOND);
    breaker.recordSuccess();
    await clock.advance(2 * 60 * SECOND, 0);

    const effect = breaker.recordFailure('outage', 'HTTP 502');

    expect(effect).toBe('opened');
    expect(breaker.persisted()?.delayMs).toBe(30 * SECOND);
  });
});

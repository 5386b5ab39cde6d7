/**
 * A worker that starts with a stored breaker or rate limit, on a fake clock:
 * the real loop sends nothing before the stored time, then resumes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { PersistedBreakerState } from '../src/shared/worker-protocol.ts';
import { startSimulatedLoop, type SimulatedLoop } from './support/resilience/simulated-loop.ts';
import { waitFor } from './support/resilience/wait.ts';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

let sim: SimulatedLoop;

beforeEach(async () => {
  sim = await startSimulatedLoop();
});

afterEach(async () => {
  await sim.close();
});

function storedBreaker(nextAttemptInMs: number): PersistedBreakerState {
  return {
    kind: 'outage',
    sinceMs: sim.clock.now() - 10 * MINUTE,
    streak: 5,
    delayMs: 8 * MINUTE,
    nextAttemptAtMs: sim.clock.now() + nextAttemptInMs,
    lastError: 'HTTP 503: Amazon Music API is not initialized',
  };
}

describe('restored breaker', () => {
  it('sends nothing before the stored time', async () => {
    sim.loop.configure(sim.settings(), true, storedBreaker(5 * MINUTE));
    sim.run();

    await sim.clock.advance(5 * MINUTE - SECOND);

    expect(sim.sent).toEqual([]);
  });

  it('probes first at the stored time', async () => {
    sim.loop.configure(sim.settings(), true, storedBreaker(5 * MINUTE));
    sim.run();

    await sim.clock.advance(5 * MINUTE + SECOND);
    await waitFor(() => sim.link.results.length > 0, 'a result after the probe');

    expect(sim.sent[0]?.endpoint).toBe('status');
    expect(sim.sent[0]?.atMono).toBe(5 * MINUTE);
  });

  it('reports the stored outage before probing', async () => {
    sim.loop.configure(sim.settings(), true, storedBreaker(5 * MINUTE));
    sim.run();
    await waitFor(() => sim.link.states.some((report) => report.state.phase === 'outage'), 'an outage report');

    const outage = sim.link.states.find((report) => report.state.phase === 'outage')?.state.outage;
    expect(outage?.streak).toBe(5);
    expect(outage?.nextAttemptAt).toBe(new Date(sim.clock.now() + 5 * MINUTE).toISOString());
  });
});

describe('restored rate limit', () => {
  it('sends nothing before the stored time', async () => {
    sim.loop.configure(sim.settings(), true, null, sim.clock.now() + MINUTE);
    sim.run();

    await sim.clock.advance(MINUTE - SECOND);

    expect(sim.sent).toEqual([]);
  });

  it('resumes with an item at the stored time', async () => {
    sim.loop.configure(sim.settings(), true, null, sim.clock.now() + MINUTE);
    sim.run();

    await sim.clock.advance(MINUTE + SECOND);
    await waitFor(() => sim.sent.length > 0, 'the first request');

    expect(sim.sent[0]?.endpoint).toBe('search');
    expect(sim.sent[0]?.atMono).toBe(MINUTE);
  });
});

/**
 * Long outages on a fake clock: the real `EnrichmentLoop` and T2Tunes client
 * against the fake T2Tunes on 127.0.0.1, with items from the real queue on a
 * real SQLite file. Hours of back-off pass in seconds, so request and log
 * counts can be held to the schedule's exact bounds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { atLevel, INFO, WARN } from './support/resilience/log-records.ts';
import { DEFAULT_OUTAGE, startSimulatedLoop, type SentRequest, type SimulatedLoop } from './support/resilience/simulated-loop.ts';
import { waitFor } from './support/resilience/wait.ts';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const JITTER = 0.1;

let sim: SimulatedLoop;

beforeEach(async () => {
  sim = await startSimulatedLoop();
});

afterEach(async () => {
  await sim.close();
});

/** Starts the loop with the source down and waits until the first item request opened the breaker. */
async function startInOutage(outage = DEFAULT_OUTAGE): Promise<void> {
  await sim.server.setFault({ mode: { kind: 'not_initialized' } });
  sim.loop.configure(sim.settings(outage), true, null);
  sim.run();
  await waitFor(() => sim.link.states.some((report) => report.state.phase === 'outage'), 'the breaker to open');
}

/** Back-off steps without jitter: initial, doubled each time, capped. */
function steps(outage: typeof DEFAULT_OUTAGE, count: number): number[] {
  return Array.from({ length: count }, (_, index) => Math.min(outage.initialDelayMs * 2 ** index, outage.maxDelayMs));
}

/** Probe times after the opening request that a schedule allows within `horizonMs`, with each step stretched by `factor`. */
function probesWithin(outage: typeof DEFAULT_OUTAGE, horizonMs: number, factor: number): number {
  let at = 0;
  let count = 0;
  for (const step of steps(outage, 10_000)) {
    at += step === outage.maxDelayMs ? step : step * factor;
    if (at > horizonMs) return count;
    count++;
  }
  return count;
}

/** Gaps between consecutive requests, rounded to whole ms to drop floating-point residue of the fake clock. */
function probeGaps(): number[] {
  return sim.sent.slice(1).map((request, index) => Math.round(request.atMono - (sim.sent[index] as SentRequest).atMono));
}

describe('24-hour outage', () => {
  const horizon = 25 * HOUR;

  beforeEach(async () => {
    await startInOutage();
    await sim.clock.advance(horizon);
  }, 120_000);

  it('opens on one item request', () => {
    expect(sim.sent[0]?.endpoint).toBe('search');
  });

  it('sends only status probes after it', () => {
    expect(sim.sent.slice(1).filter((request) => request.endpoint !== 'status')).toEqual([]);
  });

  it('probes no more often than the schedule', () => {
    expect(sim.sent.length - 1).toBeLessThanOrEqual(probesWithin(DEFAULT_OUTAGE, horizon, 1));
  });

  it('probes as often as the schedule with full jitter', () => {
    expect(sim.sent.length - 1).toBeGreaterThanOrEqual(probesWithin(DEFAULT_OUTAGE, horizon, 1 + JITTER));
  });

  it('waits each step with its jitter', () => {
    const expected = steps(DEFAULT_OUTAGE, probeGaps().length);
    probeGaps().forEach((gap, index) => {
      const step = expected[index] as number;
      const longest = step === DEFAULT_OUTAGE.maxDelayMs ? step : step * (1 + JITTER);
      expect(gap, `gap ${index}`).toBeGreaterThanOrEqual(step);
      expect(gap, `gap ${index}`).toBeLessThanOrEqual(longest);
    });
  });

  it('reaches the cap only after doubling', () => {
    const capped = probeGaps().map((gap) => gap >= DEFAULT_OUTAGE.maxDelayMs);
    expect(capped.indexOf(true)).toBe(steps(DEFAULT_OUTAGE, 20).indexOf(DEFAULT_OUTAGE.maxDelayMs));
    expect(capped.slice(capped.indexOf(true)).every(Boolean)).toBe(true);
  });

  it('warns once at the start and once when long', () => {
    expect(atLevel(sim.records, WARN).map((record) => record.msg)).toEqual([
      'source unavailable; pausing requests until the next attempt',
      'source still unavailable after the long-outage time; check the T2Tunes base URL',
    ]);
  });

  it('writes no info line while down', () => {
    expect(atLevel(sim.records, INFO)).toEqual([]);
  });

  it('flags a long outage only after 24 hours', () => {
    const openedAt = sim.sent[0]?.atMono ?? 0;
    const outages = sim.link.states.filter((report) => report.state.outage !== null);
    const early = outages.filter((report) => report.atMono - openedAt < DEFAULT_OUTAGE.longOutageMs);
    const late = outages.filter((report) => report.atMono - openedAt >= DEFAULT_OUTAGE.longOutageMs);

    expect(early.length).toBeGreaterThan(0);
    expect(early.every((report) => report.state.outage?.longOutage === false)).toBe(true);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((report) => report.state.outage?.longOutage === true)).toBe(true);
  });

  it('leaves every item unmarked', () => {
    expect(sim.link.results).toEqual([]);
  });

  it('resumes after the source returns', async () => {
    await sim.server.clearFaults();
    await sim.clock.advance(DEFAULT_OUTAGE.maxDelayMs + MINUTE);
    await waitFor(() => sim.link.results.length > 0, 'a result after recovery');

    const recoveries = atLevel(sim.records, INFO).filter((record) => 'outageSeconds' in record);
    expect(recoveries).toHaveLength(1);
    expect(recoveries[0]?.outageSeconds).toBeGreaterThanOrEqual(horizon / SECOND);
  });
});

describe('one-hour outage at default settings', () => {
  it('sends at most eight requests', async () => {
    await startInOutage();
    await sim.clock.advance(HOUR);

    console.info(`requests in a one-hour outage: ${sim.sent.length} (${sim.sent.map((request) => request.endpoint).join(', ')})`);
    expect(sim.sent.length).toBeLessThanOrEqual(8);
    expect(sim.sent.slice(1).every((request) => request.endpoint === 'status')).toBe(true);
  });
});

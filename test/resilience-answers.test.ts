/**
 * Answers short of a full outage, with the real forked worker against the
 * fake T2Tunes on 127.0.0.1 and a real SQLite file: a flapping source, rate
 * limits, a transient "Failed to search", a 404 on one item, an unreadable
 * answer shape, and repeated identical item failures.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { SettingKey } from '../src/shared/settings.ts';
import type { PersistedBreakerState } from '../src/shared/worker-protocol.ts';
import { CORPUS_CATALOG_PATH } from './support/fake-t2tunes/corpus.ts';
import type { FaultSpec } from './support/fake-t2tunes/faults.ts';
import { startFakeT2Tunes, type FakeT2Tunes, type RequestLogEntry } from './support/fake-t2tunes/server.ts';
import { openHarness, type Harness } from './support/resilience/controller-harness.ts';
import { changedRows, snapshotAmazonColumns, statusCounts } from './support/resilience/db-snapshot.ts';
import { scanCorpusTemplate } from './support/resilience/library-template.ts';
import { atLevel, WARN, workerRecords, type LogRecord } from './support/resilience/log-records.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

const ITEMS_BEFORE_FAULT = 10;

let templateDir: string;
let template: string;
let dir: string;
let server: FakeT2Tunes;
let harness: Harness;
/** Every source state the controller reported, in order. */
let states: string[];
/** Every breaker value saved in `source_state`, in order, null when closed. */
let breakers: (PersistedBreakerState | null)[];

beforeAll(async () => {
  templateDir = makeTempDir('liner-resilience-');
  template = await scanCorpusTemplate(templateDir);
}, 120_000);

afterAll(() => removeTempDir(templateDir));

afterEach(async () => {
  await harness?.close();
  await server?.close();
  removeTempDir(dir);
});

function savedBreaker(h: Harness): PersistedBreakerState | null {
  const row = h.db.prepare("SELECT value FROM source_state WHERE source = 'amazon'").get() as { value: string } | undefined;
  return row ? ((JSON.parse(row.value) as { breaker: PersistedBreakerState | null }).breaker ?? null) : null;
}

/** Starts a run, lets a few items through, then switches the fault on; returns the log position at the fault. */
async function startWithFault(fault: FaultSpec, settings: Partial<Record<SettingKey, unknown>> = {}): Promise<number> {
  dir = makeTempDir('liner-answers-');
  server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
  harness = openHarness({ template, dir, server, settings });
  states = [];
  breakers = [];
  harness.controller.onStatus((status) => {
    const state = status.sources.amazon.state;
    if (states.at(-1) !== state) states.push(state);
    const breaker = savedBreaker(harness);
    if (JSON.stringify(breakers.at(-1)) !== JSON.stringify(breaker)) breakers.push(breaker);
  });

  await harness.controller.start();
  await harness.until(() => harness.controller.sessionStats().processed >= ITEMS_BEFORE_FAULT, 'items before the fault');
  const logStart = harness.log().length;
  await server.setFault(fault);
  return logStart;
}

/** Waits until the fault answered `applied` requests, switches it off and waits for the run to finish. */
async function finish(applied = 0): Promise<void> {
  await harness.until(() => faultedRequests().length >= applied, `${applied} faulted requests`);
  await server.clearFaults();
  await harness.until(() => harness.amazon().state === 'idle', 'the run to finish');
}

function faultedRequests(): RequestLogEntry[] {
  return server.requests().filter((entry) => entry.fault !== null);
}

/** Ms between the first request answered with `status` and the request after it. */
function gapAfterStatus(status: number): number {
  const log = server.requests();
  const index = log.findIndex((entry) => entry.status === status);
  const next = log[index + 1];
  if (index < 0 || !next) throw new Error(`no request after the HTTP ${status}`);
  return Date.parse(next.time) - Date.parse((log[index] as RequestLogEntry).time);
}

/** Reports whether a request to `endpoint` got through the fault and a later one failed again. */
function luckyThenFailed(endpoint: 'all' | 'search'): boolean {
  const log = server.requests();
  const firstFault = log.findIndex((entry) => entry.fault !== null);
  const targeted = log.slice(Math.max(firstFault, 0)).filter((entry) => endpoint === 'all' || entry.endpoint === endpoint);
  const lucky = targeted.findIndex((entry) => entry.fault === null && entry.status === 200);
  return firstFault >= 0 && lucky >= 0 && targeted.slice(lucky + 1).some((entry) => entry.fault !== null);
}

function recordsSince(logStart: number): LogRecord[] {
  return workerRecords(harness.log().slice(logStart));
}

describe.each([
  ['every endpoint', 'all'],
  ['search only', 'search'],
] as const)('flapping source, %s', (_name, endpoint) => {
  it('keeps the back-off and marks nothing', async () => {
    const maxDelayMs = 800;
    const logStart = await startWithFault(
      { mode: { kind: 'not_initialized' }, endpoint, succeedEvery: 7 },
      { 'amazon.outage.maxDelayMs': maxDelayMs },
    );
    await harness.until(() => luckyThenFailed(endpoint) && savedBreaker(harness)?.delayMs === maxDelayMs, 'a lucky success inside the burst');
    await finish();

    const episode = breakers.filter((breaker): breaker is PersistedBreakerState => breaker !== null);
    const delays = episode.map((breaker) => breaker.delayMs);
    expect(statusCounts(harness.db).error ?? 0).toBe(0);
    expect(new Set(episode.map((breaker) => breaker.sinceMs)).size).toBe(1);
    expect(delays, delays.join(',')).toEqual([...delays].sort((a, b) => a - b));
    expect(Math.max(...delays)).toBe(maxDelayMs);
    expect(atLevel(recordsSince(logStart), WARN)).toHaveLength(1);
    if (endpoint === 'search') expect(breakers.slice(1, -1), 'a lucky success closed the breaker mid-burst').toContain(null);
  }, 120_000);
});

describe('rate limit', () => {
  it('waits out Retry-After in seconds', async () => {
    const logStart = await startWithFault({
      mode: { kind: 'rate_limited', retryAfterSeconds: 2, retryAfterForm: 'seconds' },
      endpoint: 'search',
      times: 1,
    });
    await finish(1);

    expect(gapAfterStatus(429)).toBeGreaterThanOrEqual(2_000 - 5);
    expect(states).toContain('rate_limited');
    expect(states).not.toContain('outage');
    expect(statusCounts(harness.db).error ?? 0).toBe(0);
    expect(statusCounts(harness.db).pending ?? 0).toBe(0);
    expect(atLevel(recordsSince(logStart), WARN).map((record) => record.msg)).toEqual([
      'source rate limit reached; waiting before the next request',
    ]);
  }, 120_000);

  it('waits out Retry-After as an HTTP date', async () => {
    await startWithFault({ mode: { kind: 'rate_limited', retryAfterSeconds: 4, retryAfterForm: 'date' }, endpoint: 'search', times: 1 });
    await finish(1);

    // An HTTP date has whole seconds, so up to one second of the four is lost.
    expect(gapAfterStatus(429)).toBeGreaterThanOrEqual(3_000 - 5);
    expect(states).toContain('rate_limited');
    expect(statusCounts(harness.db).error ?? 0).toBe(0);
    expect(statusCounts(harness.db).pending ?? 0).toBe(0);
  }, 120_000);
});

describe('per-item answers', () => {
  it('retries one "Failed to search"', async () => {
    await startWithFault({ mode: { kind: 'failed_search' }, times: 1 });
    await finish(1);

    const log = server.requests();
    const failed = log.findIndex((entry) => entry.fault === 'failed_search');
    const retry = log.slice(failed + 1).find((entry) => entry.endpoint === 'search');
    expect(retry?.query.query).toBe(log[failed]?.query.query);
    expect(retry?.status).toBe(200);
    expect(statusCounts(harness.db).error ?? 0).toBe(0);
    expect(states).not.toContain('outage');
  }, 120_000);

  it('marks only the item that got a 404', async () => {
    await startWithFault({ mode: { kind: 'http', status: 404 }, endpoint: 'search', times: 1 });
    await finish(1);

    const failed = harness.db
      .prepare(
        `SELECT amazon_last_error AS error FROM artists WHERE amazon_match_status = 'error'
         UNION ALL SELECT amazon_last_error FROM albums WHERE amazon_match_status = 'error'
         UNION ALL SELECT amazon_last_error FROM tracks WHERE amazon_match_status = 'error'`,
      )
      .all() as { error: string }[];
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error).toContain('HTTP 404');
    expect(statusCounts(harness.db).pending ?? 0).toBe(0);
    expect(states).not.toContain('outage');
    expect(breakers.filter((breaker) => breaker !== null)).toEqual([]);
  }, 120_000);

  it('counts identical item failures', async () => {
    const logStart = await startWithFault({
      mode: { kind: 'http', status: 400, body: { error: true, statusCode: 400, message: 'Bad Request' } },
      endpoint: 'search',
      times: 6,
    });
    await finish(6);

    const records = recordsSince(logStart);
    const firsts = records.filter((record) => record.msg.startsWith('item failed'));
    const summaries = records.filter((record) => 'count' in record && record.kind === 'item_error');
    expect(statusCounts(harness.db).error).toBe(6);
    expect(firsts).toHaveLength(1);
    expect(summaries.map((record) => record.count)).toEqual([5]);
  }, 120_000);
});

describe('unreadable answers', () => {
  it('stop the run without marking items', async () => {
    const logStart = await startWithFault({ mode: { kind: 'unknown_shape' }, endpoint: 'search' });
    await harness.until(() => harness.amazon().state === 'contract', 'the contract state');
    const before = snapshotAmazonColumns(harness.db);
    const probes = server.counts().byEndpoint.status;
    await harness.until(() => server.counts().byEndpoint.status >= probes + 3, 'probes while stopped');
    const after = snapshotAmazonColumns(harness.db);
    await finish();

    const samples = recordsSince(logStart).filter((record) => 'sample' in record);
    expect(changedRows(before, after)).toEqual([]);
    expect(samples).toHaveLength(1);
    expect(statusCounts(harness.db).error ?? 0).toBe(0);
    expect(statusCounts(harness.db).pending ?? 0).toBe(0);
  }, 120_000);
});

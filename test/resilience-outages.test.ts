/**
 * Whole-source outages mid-run, one per failure the T2Tunes proxy shows in
 * the wild, with the real forked worker, a real SQLite file and the fake
 * T2Tunes on 127.0.0.1. Every case checks the same rules: no row changes
 * while the source is down, one warning and one recovery line, only status
 * probes while the breaker is open, and every item enriched afterwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { CORPUS_CATALOG_PATH } from './support/fake-t2tunes/corpus.ts';
import type { FaultMode } from './support/fake-t2tunes/faults.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from './support/fake-t2tunes/server.ts';
import { openHarness, type Harness } from './support/resilience/controller-harness.ts';
import { changedRows, snapshotAmazonColumns, statusCounts } from './support/resilience/db-snapshot.ts';
import { scanCorpusTemplate } from './support/resilience/library-template.ts';
import { atLevel, INFO, WARN, workerRecords, type LogRecord } from './support/resilience/log-records.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

// Read by the worker entry: a hanging request times out after 1 s instead of 15 s.
process.env.LINER_T2TUNES_TIMEOUT_MS = '1000';

/** Items processed before the fault starts, so it lands mid-run. */
const ITEMS_BEFORE_FAULT = 15;
/** Failed status probes to see before the source comes back. */
const FAILED_PROBES = 3;

let templateDir: string;
let template: string;
let dir: string;
let server: FakeT2Tunes;
let harness: Harness | undefined;

beforeAll(async () => {
  templateDir = makeTempDir('liner-resilience-');
  template = await scanCorpusTemplate(templateDir);
}, 120_000);

afterAll(() => removeTempDir(templateDir));

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await server?.close();
  removeTempDir(dir);
});

function requestsOf(h: Harness): Record<string, number> {
  return h.amazon().requests.byEndpoint;
}

function nonStatusTotal(counts: Record<string, number>): number {
  return Object.entries(counts).reduce((sum, [endpoint, count]) => (endpoint === 'status' ? sum : sum + count), 0);
}

interface OutageRun {
  changedDuringOutage: string[];
  /** Endpoints of the requests the fault answered, in order (empty for refused connections). */
  faulted: string[];
  nonStatusWhileOpen: number;
  statusWhileOpen: number;
  warnings: number;
  recoveries: LogRecord[];
  /** Worker lines from the fault up to and including the recovery line. */
  linesDuringOutage: number;
  finalCounts: Record<string, number>;
}

/** Runs the corpus with `mode` switched on mid-run for a few probes, then off, until idle. */
async function runOutage(mode: FaultMode): Promise<OutageRun> {
  dir = makeTempDir('liner-outage-');
  server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
  const h = openHarness({ template, dir, server });
  harness = h;

  await h.controller.start();
  await h.until(() => h.controller.sessionStats().processed >= ITEMS_BEFORE_FAULT, 'items before the fault');
  const logStart = h.log().length;

  await server.setFault({ mode });
  await h.until(() => h.amazon().state === 'outage', 'the breaker to open');
  const before = snapshotAmazonColumns(h.db);
  const openedCounts = { ...requestsOf(h) };

  await h.until(() => (requestsOf(h).status ?? 0) - (openedCounts.status ?? 0) >= FAILED_PROBES, 'failed probes');
  const after = snapshotAmazonColumns(h.db);
  const closedCounts = { ...requestsOf(h) };
  await server.clearFaults();

  await h.until(() => h.amazon().state === 'idle', 'the run to finish');
  const records = workerRecords(h.log().slice(logStart));
  const recoveryIndex = records.findIndex((record) => 'outageSeconds' in record);
  return {
    linesDuringOutage: recoveryIndex + 1,
    changedDuringOutage: changedRows(before, after),
    faulted: server.requests().filter((entry) => entry.fault !== null).map((entry) => entry.endpoint ?? entry.path),
    nonStatusWhileOpen: nonStatusTotal(closedCounts) - nonStatusTotal(openedCounts),
    statusWhileOpen: (closedCounts.status ?? 0) - (openedCounts.status ?? 0),
    warnings: atLevel(records, WARN).length,
    recoveries: atLevel(records, INFO).filter((record) => 'outageSeconds' in record),
    finalCounts: statusCounts(h.db),
  };
}

const CASES: [string, FaultMode][] = [
  ['503 not initialized', { kind: 'not_initialized' }],
  ['502 HTML', { kind: 'html_error', status: 502 }],
  ['504 HTML', { kind: 'html_error', status: 504 }],
  ['200 HTML', { kind: 'html_ok' }],
  ['refused connection', { kind: 'refused' }],
  ['reset mid-body', { kind: 'reset_mid_body' }],
  ['hang until timeout', { kind: 'hang' }],
];

describe.each(CASES)('outage: %s', (_name, mode) => {
  let run: OutageRun;

  it('leaves every row untouched, logs once, probes only, then finishes', async () => {
    run = await runOutage(mode);

    expect(run.changedDuringOutage).toEqual([]);
    expect(run.nonStatusWhileOpen).toBe(0);
    expect(run.statusWhileOpen).toBeGreaterThanOrEqual(FAILED_PROBES);
    expect(run.warnings).toBe(1);
    expect(run.recoveries).toHaveLength(1);
    expect(run.linesDuringOutage).toBe(2);
    expect(typeof run.recoveries[0]?.outageSeconds).toBe('number');
    expect(run.finalCounts.pending ?? 0).toBe(0);
    expect(run.finalCounts.error ?? 0).toBe(0);
    if (mode.kind !== 'refused') {
      expect(run.faulted[0]).not.toBe('status');
      expect(run.faulted.slice(1).every((endpoint) => endpoint === 'status'), run.faulted.join(',')).toBe(true);
    }
  }, 120_000);
});

import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';

import type Database from 'better-sqlite3';
import pino from 'pino';

import { openDatabase } from '../../src/main/core/db/connection.ts';
import { EnrichmentController } from '../../src/main/core/enrichment/controller.ts';
import { silentLogger } from '../../src/main/core/logging.ts';
import { launchNodeChild } from '../../src/main/core/process/node-child.ts';
import { scanLibrary } from '../../src/main/core/scan-service.ts';
import { SettingsStore } from '../../src/main/core/settings-store.ts';
import { FakeClock } from '../../src/worker/enrichment/clock.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from '../../test/support/fake-t2tunes/server.ts';
import type { Benchmark, BenchContext } from '../support/benchmark.ts';
import { CORPUS_CATALOG, CORPUS_LIBRARY, makeWorkDir, removeWorkDir } from '../support/paths.ts';
import { figure, type Figure } from '../support/results.ts';
import { median } from '../support/stats.ts';
import { inProcessLauncher } from './in-process-worker.ts';

const HOUR_MS = 3_600_000;
/** Simulated runs; the breaker draws a random jitter, so each run probes at slightly different times. */
const RUNS = 5;
/** Clock step after the source recovers, in ms: the resolution of the recovery time. */
const RECOVERY_STEP_MS = 100;
/** Give up waiting for the first item after recovery after this much simulated time, in ms. */
const RECOVERY_LIMIT_MS = HOUR_MS;
const MAX_REQUESTS = 8;
/** pino's level number for `info`, the default level of the log file. */
const INFO_LEVEL = 30;

interface SentRequest {
  endpoint: string;
  /** Simulated wall-clock time, epoch ms. */
  at: number;
}

interface LogRecord {
  level: number;
  msg: string;
}

interface OutageRun {
  /** Requests the fake server received during the hour, by endpoint, in order. */
  requests: string[];
  /** Simulated seconds after the start at which the client sent each request. */
  requestTimesS: number[];
  logLines: number;
  debugLines: number;
  messages: Record<string, number>;
  itemRowsWritten: number;
  /** Results written during the hour, with how many requests had been sent before each. */
  writes: { item: string; outcome: string; reason: string | null; requestsBefore: number }[];
  /** Every row change on the connection during the hour, trigger changes included: the persisted breaker state. */
  rowChanges: number;
  /** Simulated seconds from recovery to the first item result written; null when none came within the limit. */
  recoverySeconds: number | null;
  firstItem: string | null;
}

function recordingLogger(): { logger: pino.Logger; records: LogRecord[] } {
  const records: LogRecord[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') records.push(JSON.parse(line) as LogRecord);
      }
      callback();
    },
  });
  return { logger: pino({ level: 'debug', base: undefined }, stream), records };
}

/** Reads every enrichment column of every entity row, keyed by entity type and id. */
function itemSnapshot(db: Database.Database): Map<string, string> {
  const columns = 'id, amazon_id, amazon_match_status, amazon_last_attempted, amazon_attempts, amazon_last_error, amazon_next_retry_at';
  const rows = [
    ...(db.prepare(`SELECT 'artist' AS type, ${columns}, thumb_url FROM artists`).all() as { type: string; id: number }[]),
    ...(db.prepare(`SELECT 'album' AS type, ${columns}, thumb_url, label, api_track_count FROM albums`).all() as { type: string; id: number }[]),
    ...(db.prepare(`SELECT 'track' AS type, ${columns} FROM tracks`).all() as { type: string; id: number }[]),
  ];
  return new Map(rows.map((row) => [`${row.type}:${row.id}`, JSON.stringify(row)]));
}

function changedRows(before: Map<string, string>, after: Map<string, string>): number {
  let changed = 0;
  for (const [key, value] of after) if (before.get(key) !== value) changed++;
  return changed;
}

function totalChanges(db: Database.Database): number {
  return (db.prepare('SELECT total_changes() AS changes').get() as { changes: number }).changes;
}

/**
 * Simulates one hour of "Amazon Music API is not initialized" (HTTP 503 on
 * every endpoint, status probes too) at default settings, then recovery.
 * The real controller writes to a real database; the real loop runs in this
 * process on a FakeClock and talks HTTP to the fake server.
 */
async function simulateOutage(baseDb: string, server: FakeT2Tunes): Promise<OutageRun> {
  const dir = makeWorkDir('outage');
  fs.copyFileSync(baseDb, path.join(dir, 'liner.db'));
  const connection = openDatabase(path.join(dir, 'liner.db'));
  const clock = new FakeClock();
  const sent: SentRequest[] = [];
  const { logger, records } = recordingLogger();
  const settings = new SettingsStore(connection);
  settings.set('amazon.enabled', true);
  settings.set('amazon.baseUrl', server.url);
  const launcher = inProcessLauncher(clock, (endpoint) => sent.push({ endpoint, at: clock.now() }));
  const controller = new EnrichmentController({ db: connection, settings, logger, launcher, now: () => clock.now() });

  try {
    await server.clearFaults();
    server.resetLog();
    await server.setFault({ mode: { kind: 'not_initialized' } });
    const before = itemSnapshot(connection);
    const changesBefore = totalChanges(connection);
    const startedAt = clock.now();

    const writes: OutageRun['writes'] = [];
    const stopRecording = controller.onResult((result, outcome) => {
      writes.push({ item: `${result.entityType} ${result.id}`, outcome, reason: result.reason, requestsBefore: sent.length });
    });

    await controller.start();
    await clock.advance(HOUR_MS);
    stopRecording();
    const hour = summarizeHour(server, sent, records, startedAt);
    const itemRowsWritten = changedRows(before, itemSnapshot(connection));
    const rowChanges = totalChanges(connection) - changesBefore;

    const recovery = await measureRecovery(server, clock, controller);
    return { ...hour, itemRowsWritten, writes, rowChanges, ...recovery };
  } finally {
    await controller.stop();
    connection.close();
    removeWorkDir(dir);
  }
}

/** Summarizes the hour: requests the server received, when the client sent them, and the log records. */
function summarizeHour(server: FakeT2Tunes, sent: readonly SentRequest[], records: readonly LogRecord[], startedAt: number) {
  const messages: Record<string, number> = {};
  for (const record of records) {
    const key = `${pino.levels.labels[record.level] ?? record.level}: ${record.msg}`;
    messages[key] = (messages[key] ?? 0) + 1;
  }
  return {
    requests: server.requests().map((entry) => entry.endpoint ?? entry.path),
    requestTimesS: sent.map((request) => Math.round((request.at - startedAt) / 1000)),
    logLines: records.filter((record) => record.level >= INFO_LEVEL).length,
    debugLines: records.filter((record) => record.level < INFO_LEVEL).length,
    messages,
  };
}

/**
 * Ends the outage and steps the clock until the first item result is
 * written. The loop learns of the recovery only at its next status probe,
 * so most of this time is the rest of the current back-off wait.
 */
async function measureRecovery(server: FakeT2Tunes, clock: FakeClock, controller: EnrichmentController) {
  let firstItem: { at: number; description: string } | null = null;
  const unsubscribe = controller.onResult((result, outcome) => {
    firstItem ??= { at: clock.now(), description: `${result.entityType} ${result.id}, ${outcome}` };
  });

  await server.clearFaults();
  const recoveredAt = clock.now();
  while (firstItem === null && clock.now() - recoveredAt < RECOVERY_LIMIT_MS) await clock.advance(RECOVERY_STEP_MS);
  unsubscribe();

  const item = firstItem as { at: number; description: string } | null;
  return { recoverySeconds: item ? (item.at - recoveredAt) / 1000 : null, firstItem: item?.description ?? null };
}

/** Scans the corpus once; every run starts from a copy of this database. */
async function scanCorpus(dir: string): Promise<string> {
  const file = path.join(dir, 'corpus.db');
  const db = openDatabase(file);
  try {
    await scanLibrary({ db, launcher: launchNodeChild, folder: CORPUS_LIBRARY, logger: silentLogger() });
  } finally {
    db.close();
  }
  return file;
}

/** Describes the rows written before the first request: items the matcher settles without asking the source. */
function localWritesText(run: OutageRun): string {
  const local = run.writes.filter((write) => write.requestsBefore === 0);
  if (local.length === 0) return `${run.itemRowsWritten} item rows changed in all`;
  const list = local.map((write) => `${write.item} ${write.outcome} (${write.reason ?? 'no reason'})`).join('; ');
  return `${run.itemRowsWritten} item rows changed in all, ${local.length} of them before any request: ${list}`;
}

function outageFigures(runs: readonly OutageRun[]): Figure[] {
  const of = (pick: (run: OutageRun) => number) => median(runs.map(pick));
  const range = (pick: (run: OutageRun) => number) => `${Math.min(...runs.map(pick))}–${Math.max(...runs.map(pick))}`;
  const probesOnly = runs.every((run) => run.requests.slice(1).every((endpoint) => endpoint === 'status'));
  const example = runs[0] as OutageRun;
  const sample = `median of ${runs.length} simulated hours`;

  const requests = figure({
    id: 'outage.requests',
    label: 'Outage hour: requests sent',
    value: of((run) => run.requests.length),
    unit: 'requests',
    target: { max: MAX_REQUESTS },
    note: `${sample} (range ${range((run) => run.requests.length)}); ${probesOnly ? 'every request after the first was a status probe' : 'NOT only status probes after the first'}; one run: ${example.requests.join(', ')} at ${example.requestTimesS.join(', ')} s`,
  });

  const lateWrites = (run: OutageRun) => run.writes.filter((write) => write.requestsBefore > 0).length;
  const rowsWritten = figure({
    id: 'outage.rows-written',
    label: 'Outage hour: item rows written after the first 503',
    value: of(lateWrites),
    unit: 'rows',
    target: { max: 0 },
    note: `${sample}, worst run ${Math.max(...runs.map(lateWrites))}; ${localWritesText(example)}; the connection changed ${of((run) => run.rowChanges)} rows in all, counting the persisted circuit breaker in source_state`,
  });

  // Both limits hold in every run, not only in the median one.
  return [
    { ...requests, met: Math.max(...runs.map((run) => run.requests.length)) <= MAX_REQUESTS && probesOnly },
    figure({
      id: 'outage.log-lines',
      label: 'Outage hour: log lines at info and above',
      value: of((run) => run.logLines),
      unit: 'lines',
      note: `${sample}; plus ${of((run) => run.debugLines)} debug lines; one run: ${Object.entries(example.messages).map(([message, count]) => `${count}× ${message}`).join('; ')}`,
    }),
    { ...rowsWritten, met: runs.every((run) => lateWrites(run) === 0) },
    figure({
      id: 'outage.recovery',
      label: 'Outage: recovery to first item written',
      value: runs.some((run) => run.recoverySeconds === null) ? null : of((run) => run.recoverySeconds as number),
      unit: 's',
      note: `${sample}, simulated time in ${RECOVERY_STEP_MS} ms steps (range ${range((run) => Math.round(run.recoverySeconds ?? Number.NaN))} s); the loop waits out the current back-off before its next status probe; first item: ${example.firstItem ?? 'none'}`,
    }),
  ];
}

async function run(context: BenchContext) {
  const server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG });
  const dir = makeWorkDir('outage-base');
  try {
    const baseDb = await scanCorpus(dir);
    const runs: OutageRun[] = [];
    for (let index = 0; index < RUNS; index++) {
      const outcome = await simulateOutage(baseDb, server);
      runs.push(outcome);
      const recovery = outcome.recoverySeconds === null ? 'none' : `${outcome.recoverySeconds.toFixed(1)} s`;
      context.log(`  outage run ${index + 1}: ${outcome.requests.length} requests, ${outcome.logLines} log lines, recovery ${recovery}`);
    }
    return { figures: outageFigures(runs), details: { runs } };
  } finally {
    await server.close();
    removeWorkDir(dir);
  }
}

export const outageBenchmark: Benchmark = {
  id: 'outage',
  title: 'Outage cost (one simulated hour of HTTP 503 "not initialized", FakeClock)',
  run,
};

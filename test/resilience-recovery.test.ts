/**
 * Recovery across process boundaries: a CLI killed during an outage and
 * started again, a worker killed mid-item, another process holding the
 * database write lock, `liner check`, and "Check now" during a long wait.
 * Real CLI processes and forked workers, real SQLite files, and the fake
 * T2Tunes on 127.0.0.1.
 */
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/main/core/db/connection.ts';
import { SettingsStore } from '../src/main/core/settings-store.ts';
import type { EnrichmentStatus } from '../src/shared/enrichment-state.ts';
import { SETTINGS, type SettingKey } from '../src/shared/settings.ts';
import type { PersistedBreakerState } from '../src/shared/worker-protocol.ts';
import { CORPUS_CATALOG_PATH } from './support/fake-t2tunes/corpus.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from './support/fake-t2tunes/server.ts';
import { runLiner } from './support/liner-cli.ts';
import { isAlive, startLiner, type BackgroundLiner } from './support/resilience/background-cli.ts';
import { openHarness, type Harness } from './support/resilience/controller-harness.ts';
import { countersAndTruth, statusCounts } from './support/resilience/db-snapshot.ts';
import { copyDatabase, scanCorpusTemplate } from './support/resilience/library-template.ts';
import { readLog } from './support/resilience/log-records.ts';
import { waitFor } from './support/resilience/wait.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

process.env.LINER_T2TUNES_TIMEOUT_MS = '1000';

let templateDir: string;
let template: string;
let dir: string;
let server: FakeT2Tunes;
let harness: Harness | undefined;
let background: BackgroundLiner[] = [];

beforeAll(async () => {
  templateDir = makeTempDir('liner-resilience-');
  template = await scanCorpusTemplate(templateDir);
}, 120_000);

afterAll(() => removeTempDir(templateDir));

afterEach(async () => {
  for (const run of background) {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    await run.exited;
  }
  background = [];
  await harness?.close();
  harness = undefined;
  await server?.close();
  removeTempDir(dir);
});

/** Reads the stored source state through a connection of its own, as another process would. */
function savedState(dbPath: string): { breaker: PersistedBreakerState | null; rateLimitedUntilMs: number | null } | null {
  const db = new Database(dbPath, { readonly: true });
  try {
    const row = db.prepare("SELECT value FROM source_state WHERE source = 'amazon'").get() as { value: string } | undefined;
    return row ? JSON.parse(row.value) : null;
  } finally {
    db.close();
  }
}

function pendingRows(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return statusCounts(db).pending ?? 0;
  } finally {
    db.close();
  }
}

function workerPids(logPath: string): number[] {
  return readLog(logPath)
    .filter((record) => record.msg === 'enrichment worker started')
    .map((record) => record.pid as number);
}

/**
 * A copied corpus database, enabled and pointed at the fake server, for CLI
 * runs. `liner enable` and `liner config set` write the settings when
 * `throughCli` is set; otherwise the settings store does, which is faster.
 */
async function prepareCliDatabase(settings: Record<string, string>, throughCli = false): Promise<NodeJS.ProcessEnv> {
  dir = makeTempDir('liner-recovery-');
  server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
  const env = { LINER_DB: copyDatabase(template, path.join(dir, 'liner.db')), LINER_LOG_FILE: path.join(dir, 'liner.log') };
  const values: Record<string, string> = { 'amazon.baseUrl': server.url, 'amazon.requestsPerSecond': '20', ...settings };

  if (!throughCli) {
    const db = openDatabase(env.LINER_DB);
    const store = new SettingsStore(db);
    store.set('amazon.enabled', true);
    for (const [key, value] of Object.entries(values)) store.set(key as SettingKey, SETTINGS[key as SettingKey].parse(value));
    db.close();
    return env;
  }

  const enable = await runLiner(['enable', 'amazon'], env);
  if (enable.code !== 0) throw new Error(enable.stderr);
  for (const [key, value] of Object.entries(values)) {
    const set = await runLiner(['config', 'set', key, value], env);
    if (set.code !== 0) throw new Error(set.stderr);
  }
  return env;
}

function enrichInBackground(env: NodeJS.ProcessEnv): BackgroundLiner {
  const run = startLiner(['enrich', '--until-idle', '--json'], env);
  background.push(run);
  return run;
}

describe('CLI restart during an outage', () => {
  it('honours the stored wait and shows the outage at once', async () => {
    const env = await prepareCliDatabase({ 'amazon.outage.initialDelayMs': '8000', 'amazon.outage.maxDelayMs': '16000' }, true);
    const dbPath = env.LINER_DB as string;
    await server.setFault({ mode: { kind: 'not_initialized' } });

    const first = enrichInBackground(env);
    await waitFor(() => savedState(dbPath)?.breaker != null, 'the breaker to be saved');
    first.child.kill('SIGKILL');
    await first.exited;
    const [firstWorker] = workerPids(env.LINER_LOG_FILE as string);
    await waitFor(() => firstWorker !== undefined && !isAlive(firstWorker), 'the orphaned worker to exit');

    const stored = savedState(dbPath)?.breaker as PersistedBreakerState;
    server.resetLog();
    const second = enrichInBackground(env);
    const status = await runLiner(['status', '--json'], env);
    const amazon = (JSON.parse(status.stdout) as EnrichmentStatus).sources.amazon;

    expect(amazon.state).toBe('outage');
    expect(amazon.outage?.since).toBe(new Date(stored.sinceMs).toISOString());
    expect(amazon.outage?.streak).toBe(stored.streak);
    expect(amazon.outage?.lastError).toBe(stored.lastError);
    expect(Math.abs(Date.parse(amazon.outage?.nextAttemptAt ?? '') - stored.nextAttemptAtMs)).toBeLessThanOrEqual(5);

    // The source is back before the stored time; the restarted run must still wait for it.
    await server.clearFaults();
    await waitFor(() => server.requests().length > 0, 'the first probe after the restart', { timeoutMs: 60_000 });
    const probe = server.requests()[0];
    expect(probe?.endpoint).toBe('status');
    expect(Date.parse(probe?.time ?? '')).toBeGreaterThanOrEqual(Math.floor(stored.nextAttemptAtMs) - 5);

    const finished = await second.exited;
    expect(finished.code, finished.stderr).toBe(0);
    expect(pendingRows(dbPath)).toBe(0);
  }, 120_000);
});

describe('worker killed mid-item', () => {
  it('restarts and writes each item once', async () => {
    dir = makeTempDir('liner-recovery-');
    server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
    const h = openHarness({ template, dir, server });
    harness = h;
    const writes = new Map<string, number>();
    h.controller.onResult((result) => {
      const key = `${result.entityType}:${result.id}`;
      writes.set(key, (writes.get(key) ?? 0) + 1);
    });

    await h.controller.start();
    await h.until(() => h.controller.sessionStats().processed >= 10, 'items before the kill');
    await server.setFault({ mode: { kind: 'slow', delayMs: 5_000 }, endpoint: 'search', times: 1 });
    await h.until(() => server.requests().some((entry) => entry.fault === 'slow'), 'a request in flight');
    const held = h.amazon().currentItem;
    const [pid] = workerPids(h.logPath);
    process.kill(pid as number, 'SIGKILL');

    await h.until(() => workerPids(h.logPath).length === 2, 'the restarted worker');
    await h.until(() => h.amazon().state === 'idle', 'the run to finish');

    const heldRow = h.db
      .prepare(`SELECT amazon_match_status AS status FROM ${held?.entityType}s WHERE id = ?`)
      .get(held?.id) as { status: string | null };
    const { counters, truth } = countersAndTruth(h.db);
    expect(held).not.toBeNull();
    expect(heldRow.status).not.toBeNull();
    expect([...writes.entries()].filter(([, count]) => count > 1)).toEqual([]);
    expect(statusCounts(h.db).pending ?? 0).toBe(0);
    expect(statusCounts(h.db).error ?? 0).toBe(0);
    expect(counters).toEqual(truth);
    expect(h.log().filter((record) => record.msg === 'enrichment worker crashed')).toHaveLength(1);
  }, 120_000);
});

describe('database locked by another process', () => {
  it('loses no result past a short busy timeout', async () => {
    dir = makeTempDir('liner-recovery-');
    server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
    const h = openHarness({ template, dir, server, configureDb: (db) => db.pragma('busy_timeout = 200') });
    harness = h;
    let written = 0;
    h.controller.onResult(() => written++);

    await h.controller.start();
    await h.until(() => h.controller.sessionStats().processed >= 10, 'items before the lock');
    const other = new Database(h.dbPath);
    other.exec('BEGIN IMMEDIATE');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    other.exec('COMMIT');
    other.close();
    await h.until(() => h.amazon().state === 'idle', 'the run to finish');

    const total = h.db.prepare('SELECT (SELECT COUNT(*) FROM artists) + (SELECT COUNT(*) FROM albums) + (SELECT COUNT(*) FROM tracks) AS n').get() as {
      n: number;
    };
    const { counters, truth } = countersAndTruth(h.db);
    expect(h.log().some((record) => record.msg === 'database is locked by another process; retrying the write')).toBe(true);
    expect(statusCounts(h.db).pending ?? 0).toBe(0);
    expect(written).toBe(total.n);
    expect(counters).toEqual(truth);
  }, 120_000);

  it('lets a CLI run wait out a 3 s lock', async () => {
    const env = await prepareCliDatabase({});
    const dbPath = env.LINER_DB as string;
    const run = enrichInBackground(env);
    await waitFor(() => pendingRows(dbPath) < 150, 'items before the lock');

    const other = new Database(dbPath);
    other.exec('BEGIN IMMEDIATE');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    other.exec('COMMIT');
    other.close();
    const finished = await run.exited;

    const db = new Database(dbPath, { readonly: true });
    const { counters, truth } = countersAndTruth(db);
    const pending = statusCounts(db).pending ?? 0;
    db.close();
    expect(finished.code, finished.stderr).toBe(0);
    expect(pending).toBe(0);
    expect(counters).toEqual(truth);
  }, 120_000);
});

describe('liner check', () => {
  it('clears a stored outage when the source is up', async () => {
    const env = await prepareCliDatabase({});
    const dbPath = env.LINER_DB as string;
    const db = new Database(dbPath);
    const breaker: PersistedBreakerState = {
      kind: 'outage',
      sinceMs: Date.now() - 60_000,
      streak: 3,
      delayMs: 120_000,
      nextAttemptAtMs: Date.now() + 3_600_000,
      lastError: 'HTTP 503: Amazon Music API is not initialized',
    };
    db.prepare("INSERT INTO source_state (source, value, updated_at) VALUES ('amazon', ?, ?)").run(
      JSON.stringify({ breaker, rateLimitedUntilMs: null }),
      Date.now(),
    );
    db.close();

    const check = await runLiner(['check'], env);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain(`T2Tunes at ${server.url} is up.`);
    expect(check.stdout).toContain('Cleared the stored outage');
    expect(savedState(dbPath)?.breaker).toBeNull();

    server.resetLog();
    const enrich = await runLiner(['enrich', '--until-idle', '--json'], env);
    expect(enrich.code, enrich.stderr).toBe(0);
    expect(server.requests()[0]?.endpoint).not.toBe('status');
    expect(pendingRows(dbPath)).toBe(0);
  }, 120_000);

  it('exits 1 naming the URL and the error', async () => {
    const env = await prepareCliDatabase({});
    await server.setFault({ mode: { kind: 'not_initialized' }, endpoint: 'status' });

    const check = await runLiner(['check'], env);

    expect(check.code).toBe(1);
    expect(check.stderr).toContain(server.url);
    expect(check.stderr).toContain('HTTP 503');
  }, 120_000);

  it('reports a refused connection', async () => {
    const env = await prepareCliDatabase({});
    await server.setFault({ mode: { kind: 'refused' } });

    const check = await runLiner(['check'], env);

    expect(check.code).toBe(1);
    expect(check.stderr).toContain(server.url);
    expect(check.stderr).toContain('refused');
  }, 120_000);
});

describe('Check now', () => {
  it('resumes at once during a long back-off', async () => {
    dir = makeTempDir('liner-recovery-');
    server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
    const h = openHarness({ template, dir, server, settings: { 'amazon.outage.initialDelayMs': 600_000 } });
    harness = h;

    await h.controller.start();
    await h.until(() => h.controller.sessionStats().processed >= 10, 'items before the fault');
    await server.setFault({ mode: { kind: 'not_initialized' } });
    await h.until(() => h.amazon().state === 'outage', 'the breaker to open');
    await server.clearFaults();
    server.resetLog();

    h.controller.checkNow('amazon');
    await h.until(() => h.amazon().state === 'idle', 'the run to finish long before the 10-minute wait');

    expect(server.requests()[0]?.endpoint).toBe('status');
    expect(statusCounts(h.db).pending ?? 0).toBe(0);
  }, 120_000);
});

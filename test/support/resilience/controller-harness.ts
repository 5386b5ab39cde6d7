/**
 * An `EnrichmentController` in the test process with the real forked worker,
 * a real SQLite file copied from a scanned template, a pino log file and the
 * fake T2Tunes on 127.0.0.1. Schedules are shortened through the ordinary
 * settings.
 */
import path from 'node:path';

import type Database from 'better-sqlite3';

import { openDatabase } from '../../../src/main/core/db/connection.ts';
import { EnrichmentController } from '../../../src/main/core/enrichment/controller.ts';
import { createLogger } from '../../../src/main/core/logging.ts';
import { launchNodeChild } from '../../../src/main/core/process/node-child.ts';
import { SettingsStore } from '../../../src/main/core/settings-store.ts';
import type { SourceStatus } from '../../../src/shared/enrichment-state.ts';
import type { SettingKey } from '../../../src/shared/settings.ts';
import type { FakeT2Tunes } from '../fake-t2tunes/server.ts';
import { copyDatabase } from './library-template.ts';
import { readLog, type LogRecord } from './log-records.ts';
import { waitFor } from './wait.ts';

export interface Harness {
  dir: string;
  dbPath: string;
  logPath: string;
  db: Database.Database;
  settings: SettingsStore;
  controller: EnrichmentController;
  amazon(): SourceStatus;
  log(): LogRecord[];
  /** Waits for a condition, failing with the source status after `timeoutMs`. */
  until(condition: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Settings every resilience test shares: fast pacing and a 200 ms → 2 s outage schedule. */
export const SHORT_SCHEDULE: Partial<Record<SettingKey, unknown>> = {
  'amazon.requestsPerSecond': 20,
  'amazon.outage.initialDelayMs': 200,
  'amazon.outage.maxDelayMs': 2_000,
};

export function openHarness(options: {
  template: string;
  dir: string;
  server: FakeT2Tunes;
  settings?: Partial<Record<SettingKey, unknown>>;
  restartDelaysMs?: number[];
  configureDb?: (db: Database.Database) => void;
}): Harness {
  const dbPath = copyDatabase(options.template, path.join(options.dir, 'liner.db'));
  const logPath = path.join(options.dir, 'liner.log');
  const logger = createLogger({ file: logPath, level: 'info', stderrLevel: null });
  const db = openDatabase(dbPath);
  options.configureDb?.(db);

  const settings = new SettingsStore(db);
  settings.set('amazon.baseUrl', options.server.url);
  settings.set('amazon.enabled', true);
  for (const [key, value] of Object.entries({ ...SHORT_SCHEDULE, ...options.settings })) settings.set(key as SettingKey, value);

  const controller = new EnrichmentController({
    db,
    settings,
    logger,
    launcher: launchNodeChild,
    restartDelaysMs: options.restartDelaysMs ?? [200, 400, 800],
  });
  const amazon = () => controller.status().sources.amazon;

  return {
    dir: options.dir,
    dbPath,
    logPath,
    db,
    settings,
    controller,
    amazon,
    log: () => readLog(logPath),
    until: (condition, what, timeoutMs = 60_000) => waitFor(condition, what, { timeoutMs, describe: amazon }),
    async close() {
      await controller.stop();
      db.close();
      logger.flush();
    },
  };
}

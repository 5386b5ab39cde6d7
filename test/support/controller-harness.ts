import path from 'node:path';

import type Database from 'better-sqlite3';

import { openDatabase } from '../../src/main/core/db/connection.ts';
import { EnrichmentController } from '../../src/main/core/enrichment/controller.ts';
import { silentLogger } from '../../src/main/core/logging.ts';
import { launchNodeChild } from '../../src/main/core/process/node-child.ts';
import { SettingsStore } from '../../src/main/core/settings-store.ts';
import { CORPUS_CATALOG_PATH } from './fake-t2tunes/corpus.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from './fake-t2tunes/server.ts';
import { makeTempDir, removeTempDir } from './temp.ts';

/** A real SQLite file, the fake T2Tunes on 127.0.0.1 and a controller forking the real worker. */
export interface ControllerHarness {
  dir: string;
  dbPath: string;
  db: Database.Database;
  settings: SettingsStore;
  server: FakeT2Tunes;
  controller: EnrichmentController;
  close(): Promise<void>;
}

/** Starts a harness with Amazon enabled against the fake server serving the corpus catalog. */
export async function startControllerHarness(requestsPerSecond = 20): Promise<ControllerHarness> {
  const dir = makeTempDir();
  const dbPath = path.join(dir, 'liner.db');
  const db = openDatabase(dbPath);
  const settings = new SettingsStore(db);
  const server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
  settings.set('amazon.baseUrl', server.url);
  settings.set('amazon.requestsPerSecond', requestsPerSecond);
  settings.set('amazon.enabled', true);
  const controller = new EnrichmentController({ db, settings, logger: silentLogger(), launcher: launchNodeChild });

  return {
    dir,
    dbPath,
    db,
    settings,
    server,
    controller,
    async close() {
      await controller.stop();
      await server.close();
      db.close();
      removeTempDir(dir);
    },
  };
}

/** Polls until the condition holds; throws naming what it waited for after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Two hosts on one database, as the desktop app and the CLI are: a pause or
 * a setting saved by one reaches the other's running worker, and only one of
 * them enriches at a time.
 */
import path from 'node:path';

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/main/core/db/connection.ts';
import { EnrichmentController } from '../src/main/core/enrichment/controller.ts';
import { silentLogger } from '../src/main/core/logging.ts';
import { launchNodeChild } from '../src/main/core/process/node-child.ts';
import { SettingsStore } from '../src/main/core/settings-store.ts';
import { CORPUS_CATALOG_PATH } from './support/fake-t2tunes/corpus.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from './support/fake-t2tunes/server.ts';
import { insertLibrary } from './support/library-rows.ts';
import { runLiner } from './support/liner-cli.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

let dir: string;
let dbPath: string;
let db: Database.Database;
let settings: SettingsStore;
let server: FakeT2Tunes;
let controller: EnrichmentController;

beforeEach(async () => {
  dir = makeTempDir();
  dbPath = path.join(dir, 'liner.db');
  db = openDatabase(dbPath);
  settings = new SettingsStore(db);
  server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
  settings.set('amazon.baseUrl', server.url);
  settings.set('amazon.enabled', true);
  controller = new EnrichmentController({ db, settings, logger: silentLogger(), launcher: launchNodeChild });
});

afterEach(async () => {
  await controller.stop();
  await server.close();
  db.close();
  removeTempDir(dir);
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('second host on one database', () => {
  it('pauses a running worker through the CLI', async () => {
    for (let index = 0; index < 30; index++) insertLibrary(db, { artist: `Unknown Act ${index}`, album: `Album ${index}` });
    settings.set('amazon.requestsPerSecond', 2);
    await controller.start();
    await waitFor(() => server.counts().total > 0, 'the first request');

    const pause = await runLiner(['pause', '--db', dbPath], { LINER_LOG_FILE: path.join(dir, 'cli.log') });
    expect(pause.code, pause.stderr).toBe(0);
    await waitFor(() => controller.status().sources.amazon.state === 'paused', 'the paused state');

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const before = server.counts().total;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(server.counts().total).toBe(before);
  });

  it('refuses a second enrich run', async () => {
    insertLibrary(db);
    await controller.start();

    const second = await runLiner(['enrich', '--db', dbPath, '--until-idle'], { LINER_LOG_FILE: path.join(dir, 'cli.log') });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`pid ${process.pid}`);
  });

  it('takes over once the other host stops', async () => {
    insertLibrary(db, { artist: 'Nirvana', album: 'Nevermind', trackTitles: ['In Bloom'] });
    await server.setFault({ mode: { kind: 'slow', delayMs: 300 } });
    const cli = runLiner(['enrich', '--db', dbPath, '--until-idle'], { LINER_LOG_FILE: path.join(dir, 'cli.log') });
    await waitFor(() => server.counts().total > 0, 'the CLI run to start');

    await controller.start();
    expect(controller.status().sources.amazon.problem ?? '').toMatch(/pid \d+/);

    expect((await cli).code).toBe(0);
    await server.clearFaults();
    insertLibrary(db, { artist: 'Queen', album: 'A Kind of Magic', trackTitles: ['A Kind of Magic'] });
    await waitFor(() => controller.status().sources.amazon.counts.pending === 0 && controller.lockHolder() === null, 'the takeover');
    expect(controller.status().sources.amazon.problem).toBeNull();
  });
});

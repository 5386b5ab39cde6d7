/**
 * Changing the base URL or country while an item is in flight must neither
 * fail that item nor look like an outage: the worker keeps the old client
 * until the item is done instead of aborting its request.
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
import { makeTempDir, removeTempDir } from './support/temp.ts';

let dir: string;
let db: Database.Database;
let settings: SettingsStore;
let server: FakeT2Tunes;
let controller: EnrichmentController;

beforeEach(async () => {
  dir = makeTempDir();
  db = openDatabase(path.join(dir, 'liner.db'));
  settings = new SettingsStore(db);
  server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
  settings.set('amazon.baseUrl', server.url);
  settings.set('amazon.requestsPerSecond', 20);
  settings.set('amazon.enabled', true);
  controller = new EnrichmentController({ db, settings, logger: silentLogger(), launcher: launchNodeChild });
});

afterEach(async () => {
  await controller.stop();
  await server.close();
  db.close();
  removeTempDir(dir);
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('settings change mid-item', () => {
  it('fails no item when the endpoint changes', async () => {
    // Real catalog entries, so each artist match needs a search and then an album lookup.
    insertLibrary(db, { artist: 'Nirvana', album: 'Nevermind', trackTitles: ['In Bloom'] });
    insertLibrary(db, { artist: 'Queen', album: 'A Kind of Magic', trackTitles: ['A Kind of Magic'] });
    insertLibrary(db, { artist: 'Jason Mraz', album: 'Yes!', trackTitles: ['Long Drive'] });
    insertLibrary(db, { artist: 'Yasmin Levy', album: 'Sentir', trackTitles: ['Mi Korasón'] });
    await server.setFault({ mode: { kind: 'slow', delayMs: 300 } });
    const states = new Set<string>();
    controller.onStatus((status) => states.add(status.sources.amazon.state));
    await controller.start();

    const hosts = [server.url, server.url.replace('127.0.0.1', 'localhost')];
    for (let change = 0; change < 6; change++) {
      await waitFor(() => server.requests().some((entry) => entry.status === null), 'a request in flight');
      settings.set('amazon.country', change % 2 === 0 ? 'GB' : 'US');
      settings.set('amazon.baseUrl', hosts[change % 2]);
      controller.applySettings();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    await server.clearFaults();
    await waitFor(() => controller.status().sources.amazon.state === 'idle', 'idle');
    const failed = db.prepare("SELECT COUNT(*) AS count FROM artists WHERE amazon_match_status = 'error'").get() as { count: number };
    expect(failed.count).toBe(0);
    expect([...states]).not.toContain('outage');
  });
});

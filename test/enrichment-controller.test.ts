/**
 * The controller with the real forked worker against the fake T2Tunes on
 * 127.0.0.1 and a real SQLite file: scan holds, manual matches, wake-ups.
 */
import path from 'node:path';

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/main/core/db/connection.ts';
import { EnrichmentController } from '../src/main/core/enrichment/controller.ts';
import { silentLogger } from '../src/main/core/logging.ts';
import { launchNodeChild } from '../src/main/core/process/node-child.ts';
import { SettingsStore } from '../src/main/core/settings-store.ts';
import type { SourceStatus } from '../src/shared/enrichment-state.ts';
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

function amazon(): SourceStatus {
  return controller.status().sources.amazon;
}

/** Polls until the condition holds; fails with the last status after `timeoutMs`. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; status: ${JSON.stringify(amazon())}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('enrichment controller', () => {
  it('enriches a library until idle', async () => {
    insertLibrary(db, { artist: 'Nirvana', album: 'Nevermind', trackTitles: ['In Bloom'] });
    await controller.start();
    await waitFor(() => amazon().state === 'idle', 'idle');

    const track = db.prepare('SELECT amazon_id, amazon_match_status FROM tracks').get();
    expect(track).toEqual({ amazon_id: 'B0PVJFB6AS', amazon_match_status: 'matched' });
    expect(amazon().counts.pending).toBe(0);
  });

  it('holds for a scan without lifting the user pause', async () => {
    insertLibrary(db);
    await controller.start();

    const release = controller.holdForScan();
    expect(amazon().state).toBe('paused');
    expect(amazon().pausedBy).toBe('scan');

    controller.pause('amazon');
    release();
    expect(amazon().state).toBe('paused');
    expect(amazon().pausedBy).toBe('user');
    expect(settings.get('amazon.paused')).toBe(true);

    controller.resume('amazon');
    await waitFor(() => amazon().state === 'idle', 'idle after resume');
  });

  it('sends no request while held', async () => {
    insertLibrary(db);
    const release = controller.holdForScan();
    await controller.start();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(server.counts().total).toBe(0);

    release();
    await waitFor(() => amazon().state === 'idle', 'idle after release');
    expect(server.counts().total).toBeGreaterThan(0);
  });

  it('refreshes a manual album id instead of searching', async () => {
    const { albumId, artistId, trackIds } = insertLibrary(db, { artist: 'Nirvana', album: 'Nevermind' });
    db.prepare("UPDATE artists SET amazon_match_status = 'matched', amazon_id = 'nirvana' WHERE id = ?").run(artistId);
    db.prepare("UPDATE tracks SET amazon_match_status = 'not_found', amazon_last_attempted = ? WHERE id = ?").run(Date.now(), trackIds[0]);
    controller.open();
    controller.setManualMatch('album', albumId, 'B03CTZT8K3');

    await controller.start();
    await waitFor(() => amazon().state === 'idle', 'idle');

    const album = db.prepare('SELECT amazon_id, amazon_manual, amazon_match_status, label FROM albums').get();
    expect(album).toEqual({ amazon_id: 'B03CTZT8K3', amazon_manual: 1, amazon_match_status: 'matched', label: 'DGC' });
    expect(server.counts().byEndpoint.search).toBe(0);
    expect(server.counts().byEndpoint.metadata).toBe(1);
  });

  it('picks up items added while idle', async () => {
    await controller.start();
    await waitFor(() => amazon().state === 'idle', 'first idle');

    insertLibrary(db, { artist: 'Nirvana', album: 'Nevermind', trackTitles: ['In Bloom'] });
    controller.wake();
    await waitFor(() => amazon().counts.pending === 0 && amazon().counts.matched > 0, 'new items enriched');
  });

  it('stops the worker when disabled', async () => {
    insertLibrary(db);
    await controller.start();
    controller.setEnabled('amazon', false);
    expect(amazon().state).toBe('disabled');
    expect(settings.get('amazon.enabled')).toBe(false);
  });
});

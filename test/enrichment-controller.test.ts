/**
 * The controller with the real forked worker against the fake T2Tunes on
 * 127.0.0.1 and a real SQLite file: scan holds, manual matches, wake-ups.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { SourceStatus } from '../src/shared/enrichment-state.ts';
import { startControllerHarness, waitFor, type ControllerHarness } from './support/controller-harness.ts';
import { insertLibrary } from './support/library-rows.ts';

let harness: ControllerHarness;
let db: ControllerHarness['db'];
let settings: ControllerHarness['settings'];
let server: ControllerHarness['server'];
let controller: ControllerHarness['controller'];

beforeEach(async () => {
  harness = await startControllerHarness(20);
  ({ db, settings, server, controller } = harness);
});

afterEach(async () => {
  await harness.close();
});

function amazon(): SourceStatus {
  return controller.status().sources.amazon;
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

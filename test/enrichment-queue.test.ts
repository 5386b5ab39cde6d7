import path from 'node:path';

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/main/core/db/connection.ts';
import { ItemActions } from '../src/main/core/enrichment/item-actions.ts';
import { EnrichmentQueue } from '../src/main/core/enrichment/queue.ts';
import { ResultWriter } from '../src/main/core/enrichment/result-writer.ts';
import { NOT_FOUND_RETRY_AFTER_MS } from '../src/main/core/enrichment/tables.ts';
import { WorkItemReader } from '../src/main/core/enrichment/work-items.ts';
import type { ItemResult } from '../src/shared/worker-protocol.ts';
import { insertLibrary } from './support/library-rows.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

const NOW = Date.UTC(2026, 11, 1);
const DAY = 24 * 60 * 60 * 1000;
const RETRY = { maxAttempts: 3, baseDelayMs: 60_000 };

let dir: string;
let db: Database.Database;
let queue: EnrichmentQueue;
let writer: ResultWriter;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(path.join(dir, 'queue.db'));
  queue = new EnrichmentQueue(db);
  writer = new ResultWriter(db);
});
afterEach(() => {
  db.close();
  removeTempDir(dir);
});

function result(fields: Partial<ItemResult> & Pick<ItemResult, 'entityType' | 'id' | 'status'>): ItemResult {
  return { sourceId: null, catalogName: null, imageUrl: null, label: null, trackCount: null, reason: null, ...fields };
}

function settleAll(type: 'artists' | 'albums' | 'tracks', status: string, lastAttempted = NOW): void {
  db.prepare(`UPDATE ${type} SET amazon_match_status = ?, amazon_last_attempted = ?`).run(status, lastAttempted);
}

describe('queue tiers', () => {
  it('hand out artists, then albums, then tracks', () => {
    insertLibrary(db);
    expect(queue.next(NOW, null)?.entityType).toBe('artist');
    settleAll('artists', 'matched');
    expect(queue.next(NOW, null)?.entityType).toBe('album');
    settleAll('albums', 'matched');
    expect(queue.next(NOW, null)?.entityType).toBe('track');
    settleAll('tracks', 'matched');
    expect(queue.next(NOW, null)).toBeNull();
  });

  it('put a pinned type first', () => {
    const { trackIds } = insertLibrary(db);
    const item = queue.next(NOW, 'track');
    expect(item).toEqual({ entityType: 'track', id: trackIds[0], tier: 'pinned' });
  });

  it('retry not_found only after 30 days', () => {
    insertLibrary(db);
    settleAll('artists', 'matched');
    settleAll('albums', 'matched');
    settleAll('tracks', 'not_found', NOW - NOT_FOUND_RETRY_AFTER_MS + DAY);
    expect(queue.next(NOW, null)).toBeNull();

    const later = NOW + 2 * DAY;
    expect(queue.next(later, null)?.tier).toBe('not_found_retry');
  });

  it('retry not_found oldest first', () => {
    const { trackIds } = insertLibrary(db, { trackTitles: ['A', 'B', 'C'] });
    settleAll('artists', 'matched');
    settleAll('albums', 'matched');
    const ages = [40, 90, 60];
    trackIds.forEach((id, index) => {
      db.prepare("UPDATE tracks SET amazon_match_status = 'not_found', amazon_last_attempted = ? WHERE id = ?").run(NOW - (ages[index] ?? 0) * DAY, id);
    });
    expect(queue.next(NOW, null)?.id).toBe(trackIds[1]);
  });

  it('skip the item the worker holds', () => {
    const { artistId, albumId } = insertLibrary(db);
    const item = queue.next(NOW, null, { entityType: 'artist', id: artistId });
    expect(item).toEqual({ entityType: 'album', id: albumId, tier: 'unattempted' });
  });
});

describe('error retries', () => {
  it('grow the wait and stop at the limit', () => {
    const { artistId } = insertLibrary(db);
    settleAll('albums', 'matched');
    settleAll('tracks', 'matched');
    const failure = result({ entityType: 'artist', id: artistId, status: 'error', reason: 'HTTP 404' });

    writer.write(failure, NOW, RETRY);
    let row = db.prepare('SELECT * FROM artists').get() as Record<string, number | string | null>;
    expect(row.amazon_attempts).toBe(1);
    expect(row.amazon_next_retry_at).toBe(NOW + 60_000);
    expect(row.amazon_last_error).toBe('HTTP 404');
    expect(queue.next(NOW + 59_000, null)).toBeNull();
    expect(queue.next(NOW + 60_000, null)?.tier).toBe('error_retry');

    writer.write(failure, NOW + 60_000, RETRY);
    row = db.prepare('SELECT * FROM artists').get() as Record<string, number | null>;
    expect(row.amazon_next_retry_at).toBe(NOW + 60_000 + 120_000);

    writer.write(failure, NOW + 200_000, RETRY);
    row = db.prepare('SELECT * FROM artists').get() as Record<string, number | null>;
    expect(row.amazon_attempts).toBe(3);
    expect(row.amazon_next_retry_at).toBeNull();
    expect(queue.next(NOW + 365 * DAY, null)).toBeNull();
  });
});

describe('result writer', () => {
  it('never picks a matched item again', () => {
    const { artistId } = insertLibrary(db);
    writer.write(result({ entityType: 'artist', id: artistId, status: 'matched', sourceId: 'nirvana' }), NOW, RETRY);
    for (let round = 0; round < 3; round++) {
      expect(queue.next(NOW + round * 40 * DAY, null)?.entityType).not.toBe('artist');
    }
  });

  it('fills empty fields without overwriting', () => {
    const { albumId } = insertLibrary(db);
    db.prepare("UPDATE albums SET label = 'My Label', thumb_url = '' WHERE id = ?").run(albumId);

    writer.write(
      result({ entityType: 'album', id: albumId, status: 'matched', sourceId: 'B0ALBUM001', imageUrl: 'https://m.media-amazon.com/x.jpg', label: 'DGC', trackCount: 12 }),
      NOW,
      RETRY,
    );
    const row = db.prepare('SELECT label, thumb_url, api_track_count, amazon_id FROM albums').get();
    expect(row).toEqual({ label: 'My Label', thumb_url: 'https://m.media-amazon.com/x.jpg', api_track_count: 12, amazon_id: 'B0ALBUM001' });
  });

  it('keeps a manual id', () => {
    const { albumId } = insertLibrary(db);
    new ItemActions(db).setManual({ entityType: 'album', id: albumId }, 'B0MANUAL01');

    const reader = new WorkItemReader(db);
    const item = reader.read({ entityType: 'album', id: albumId });
    expect(item?.manualId).toBe('B0MANUAL01');

    writer.write(result({ entityType: 'album', id: albumId, status: 'matched', sourceId: 'B0OTHER001' }), NOW, RETRY);
    const row = db.prepare('SELECT amazon_id, amazon_manual, amazon_match_status FROM albums').get();
    expect(row).toEqual({ amazon_id: 'B0MANUAL01', amazon_manual: 1, amazon_match_status: 'matched' });
  });

  it('refuses an artist id held under another name', () => {
    const first = insertLibrary(db, { artist: 'Nirvana' });
    const second = insertLibrary(db, { artist: 'Nirvana (UK)', album: 'All of Us' });
    writer.write(result({ entityType: 'artist', id: first.artistId, status: 'matched', sourceId: 'nirvana' }), NOW, RETRY);

    const outcome = writer.write(result({ entityType: 'artist', id: second.artistId, status: 'matched', sourceId: 'nirvana' }), NOW, RETRY);
    expect(outcome).toBe('conflict');
    const row = db.prepare('SELECT amazon_id, amazon_match_status FROM artists WHERE id = ?').get(second.artistId);
    expect(row).toEqual({ amazon_id: null, amazon_match_status: 'not_found' });
  });

  it('allows the same id for the same name in another library', () => {
    const first = insertLibrary(db, { artist: 'Nirvana' });
    const second = insertLibrary(db, { artist: 'NIRVANA', libraryId: 2 });
    writer.write(result({ entityType: 'artist', id: first.artistId, status: 'matched', sourceId: 'nirvana' }), NOW, RETRY);
    const outcome = writer.write(result({ entityType: 'artist', id: second.artistId, status: 'matched', sourceId: 'nirvana' }), NOW, RETRY);
    expect(outcome).toBe('matched');
  });

  it('settles a track without a title tag without a search', () => {
    const { trackIds } = insertLibrary(db);
    db.prepare('UPDATE tracks SET title_from_tags = 0 WHERE id = ?').run(trackIds[0]);
    const item = new WorkItemReader(db).read({ entityType: 'track', id: trackIds[0] as number });
    expect(item?.unsearchableReason).toBe('the file has no title tag');
  });
});

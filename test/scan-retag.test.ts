import path from 'node:path';

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/main/core/db/connection.ts';
import { ensureLibrary } from '../src/main/core/library/library-store.ts';
import { TrackWriter } from '../src/main/core/library/track-writer.ts';
import type { ScannedTrack } from '../src/shared/scan-protocol.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

let dir: string;
let db: Database.Database;
let writer: TrackWriter;

function scanned(fields: Partial<ScannedTrack> = {}): ScannedTrack {
  return {
    path: '/music/in-bloom.flac',
    size: 1000,
    mtimeMs: 1,
    title: 'In Bloom',
    titleFromTags: true,
    artist: 'Nirvana',
    artistCredit: 'Nirvana',
    albumArtist: 'Nirvana',
    album: 'Nevermind',
    label: null,
    compilation: false,
    trackNumber: 2,
    discNumber: 1,
    year: 1991,
    durationMs: 255_000,
    ...fields,
  };
}

function trackRow(): Record<string, unknown> {
  return db.prepare('SELECT amazon_id, amazon_match_status, amazon_manual FROM tracks').get() as Record<string, unknown>;
}

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(path.join(dir, 'retag.db'));
  writer = new TrackWriter(db, ensureLibrary(db, '/music').id);
  writer.write([scanned()]);
  db.prepare("UPDATE tracks SET amazon_id = 'B0PVJFB6AS', amazon_match_status = 'matched'").run();
});
afterEach(() => {
  db.close();
  removeTempDir(dir);
});

describe('rescan of a retagged track', () => {
  it('keeps the match when only the file changed', () => {
    writer.write([scanned({ mtimeMs: 2, size: 1200 })]);
    expect(trackRow().amazon_id).toBe('B0PVJFB6AS');
    expect(trackRow().amazon_match_status).toBe('matched');
  });

  it('drops the match when the title changed', () => {
    writer.write([scanned({ mtimeMs: 2, title: 'Lithium' })]);
    expect(trackRow().amazon_id).toBeNull();
    expect(trackRow().amazon_match_status).toBeNull();
  });

  it('drops the match when the artist changed', () => {
    writer.write([scanned({ mtimeMs: 2, artist: 'Karaoke Hits Band', artistCredit: 'Karaoke Hits Band' })]);
    expect(trackRow().amazon_id).toBeNull();
  });

  it('keeps a manual id through a retag', () => {
    db.prepare('UPDATE tracks SET amazon_manual = 1').run();
    writer.write([scanned({ mtimeMs: 2, title: 'Lithium' })]);
    expect(trackRow().amazon_id).toBe('B0PVJFB6AS');
    expect(trackRow().amazon_manual).toBe(1);
  });
});

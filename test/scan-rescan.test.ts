import fs from 'node:fs';
import path from 'node:path';

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/main/core/db/connection.ts';
import type { ScanSummary } from '../src/shared/scan-summary.ts';
import { copyFixtureLibrary, scanFolder, trackAt } from './support/scan-library.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

let dir: string;
let db: Database.Database;
let music: string;
let first: ScanSummary;

beforeEach(async () => {
  dir = makeTempDir('liner-rescan-');
  music = copyFixtureLibrary(dir);
  db = openDatabase(path.join(dir, 'liner.db'));
  first = await scanFolder(db, music);
  music = first.rootPath;
});

afterEach(() => {
  db.close();
  removeTempDir(dir);
});

/** Moves a file's modification time one minute ahead, leaving its bytes alone. */
function touch(relativePath: string): void {
  const file = path.join(music, relativePath);
  const later = new Date(fs.statSync(file).mtimeMs + 60_000);
  fs.utimesSync(file, later, later);
}

function idOf(table: 'artists' | 'albums', column: 'name' | 'title', value: string): number | undefined {
  return (db.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`).get(value) as { id: number } | undefined)?.id;
}

describe('rescan', () => {
  it('parses no unchanged file', async () => {
    const second = await scanFolder(db, music);
    expect(second.parsed).toBe(0);
    expect(second.unchanged).toBe(first.added);
    expect(second.added).toBe(0);
    expect(second.updated).toBe(0);
    expect(second.removed).toBe(0);
  });

  it('keeps the totals of an unchanged library', async () => {
    const second = await scanFolder(db, music);
    expect([second.artists, second.albums, second.tracks]).toEqual([first.artists, first.albums, first.tracks]);
  });

  it('still reports the non-audio file', async () => {
    const second = await scanFolder(db, music);
    expect(second.unreadable.map((entry) => path.basename(entry.path))).toEqual(['not-an-audio-file.txt']);
  });

  it('re-reads a touched file only', async () => {
    touch('ogg/nirvana-2sec.vorbis.ogg');
    const second = await scanFolder(db, music);
    expect(second.parsed).toBe(1);
    expect(second.updated).toBe(1);
    expect(second.unchanged).toBe(first.added - 1);
  });

  it('keeps the row id of a re-read file', async () => {
    const before = trackAt(db, music, 'ogg/nirvana-2sec.vorbis.ogg')?.id;
    touch('ogg/nirvana-2sec.vorbis.ogg');
    await scanFolder(db, music);
    expect(trackAt(db, music, 'ogg/nirvana-2sec.vorbis.ogg')?.id).toBe(before);
  });

  it('reads the new tags of a rewritten file', async () => {
    fs.copyFileSync(path.join(music, 'id3-multi-02.mp3'), path.join(music, 'mp3/notags.mp3'));
    touch('mp3/notags.mp3');
    await scanFolder(db, music);

    const track = trackAt(db, music, 'mp3/notags.mp3');
    expect(track?.title).toBe('Rain');
    expect(track?.titleFromTags).toBe(1);
    expect(track?.artist).toBe('이소라');
  });

  it('removes a deleted file with its empty album and artist', async () => {
    expect(idOf('artists', 'name', 'Speex Test Artist')).toBeDefined();
    fs.rmSync(path.join(music, 'ogg/speex-with-comments.spx'));

    const second = await scanFolder(db, music);
    expect(second.removed).toBe(1);
    expect(trackAt(db, music, 'ogg/speex-with-comments.spx')).toBeUndefined();
    expect(idOf('albums', 'title', 'Speex Test Album')).toBeUndefined();
    expect(idOf('artists', 'name', 'Speex Test Artist')).toBeUndefined();
    expect(second.tracks).toBe(first.tracks - 1);
  });

  it('keeps an album artist that still has an album', async () => {
    fs.rmSync(path.join(music, 'aiff/No Sanctuary Here.aiff'));
    await scanFolder(db, music);
    expect(idOf('albums', 'title', 'Hdtracks 2020 Hi-Res Sampler')).toBeUndefined();
    expect(idOf('artists', 'name', 'Chris Jones')).toBeUndefined();
    expect(idOf('artists', 'name', 'Various Artists')).toBeDefined();
  });

  it('moves a retagged track and prunes its old album', async () => {
    fs.copyFileSync(path.join(music, 'id3-multi-02.mp3'), path.join(music, 'ogg/speex-with-comments.spx'));
    touch('ogg/speex-with-comments.spx');
    await scanFolder(db, music);
    expect(idOf('albums', 'title', 'Speex Test Album')).toBeUndefined();
    expect(idOf('artists', 'name', 'Speex Test Artist')).toBeUndefined();
  });

  it('preserves enrichment data on kept rows', async () => {
    const artistId = idOf('artists', 'name', 'Yasmin Levy');
    const albumId = idOf('albums', 'title', 'Sentir');
    const trackId = trackAt(db, music, 'Discogs - Yasmin Levy - Mi Korasón.flac')?.id;
    const unchangedId = trackAt(db, music, 'id3-multi-02.mp3')?.id;

    db.prepare(
      "UPDATE artists SET amazon_id = 'B0ARTIST01', amazon_match_status = 'matched', amazon_last_attempted = 1000, thumb_url = 'https://m.media-amazon.com/a.jpg' WHERE id = ?",
    ).run(artistId);
    db.prepare(
      "UPDATE albums SET amazon_id = 'B0ALBUM001', amazon_match_status = 'matched', label = 'World Village', api_track_count = 12, thumb_url = 'https://m.media-amazon.com/b.jpg' WHERE id = ?",
    ).run(albumId);
    db.prepare("UPDATE tracks SET amazon_id = 'B0TRACK001', amazon_match_status = 'matched', amazon_attempts = 2 WHERE id IN (?, ?)").run(
      trackId,
      unchangedId,
    );

    touch('Discogs - Yasmin Levy - Mi Korasón.flac');
    await scanFolder(db, music);

    expect(db.prepare('SELECT amazon_id, amazon_match_status, amazon_last_attempted, thumb_url FROM artists WHERE id = ?').get(artistId)).toEqual({
      amazon_id: 'B0ARTIST01',
      amazon_match_status: 'matched',
      amazon_last_attempted: 1000,
      thumb_url: 'https://m.media-amazon.com/a.jpg',
    });
    expect(db.prepare('SELECT amazon_id, label, api_track_count, thumb_url FROM albums WHERE id = ?').get(albumId)).toEqual({
      amazon_id: 'B0ALBUM001',
      label: 'World Village',
      api_track_count: 12,
      thumb_url: 'https://m.media-amazon.com/b.jpg',
    });
    expect(db.prepare('SELECT amazon_id, amazon_attempts FROM tracks WHERE id = ?').get(trackId)).toEqual({
      amazon_id: 'B0TRACK001',
      amazon_attempts: 2,
    });
    expect(db.prepare('SELECT amazon_id FROM tracks WHERE id = ?').get(unchangedId)).toEqual({ amazon_id: 'B0TRACK001' });
  });

  it('adds a new file without touching the rest', async () => {
    fs.copyFileSync(path.join(music, 'mp3/notags.mp3'), path.join(music, 'mp3/copy.mp3'));
    const second = await scanFolder(db, music);
    expect(second.added).toBe(1);
    expect(second.parsed).toBe(1);
  });

  it('reuses the library of the same folder', async () => {
    await scanFolder(db, path.join(music, '.'));
    expect((db.prepare('SELECT count(*) AS n FROM libraries').get() as { n: number }).n).toBe(1);
  });
});

import path from 'node:path';

import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/main/core/db/connection.ts';
import type { ItemsAdded, ScanProgressEvent, ScanSummary } from '../src/shared/scan-summary.ts';
import { copyFixtureLibrary, countFilesOnDisk, scanFolder, trackAt, unreadableByPath } from './support/scan-library.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

let dir: string;
let db: Database.Database;
let summary: ScanSummary;
let root: string;
const progress: ScanProgressEvent[] = [];
const added: ItemsAdded[] = [];
const hookOrder: string[] = [];

beforeAll(async () => {
  dir = makeTempDir('liner-scan-');
  const music = copyFixtureLibrary(dir);
  db = openDatabase(path.join(dir, 'liner.db'));

  summary = await scanFolder(db, music, {
    batchSize: 5,
    onProgress: (event) => progress.push(event),
    onItemsAdded: (items) => added.push(items),
    onStart: () => hookOrder.push('start'),
    onFinish: (_library, outcome) => hookOrder.push('error' in outcome ? 'failed' : 'finish'),
  });
  root = summary.rootPath;
});

afterAll(() => {
  db?.close();
  removeTempDir(dir);
});

describe('first scan of the sample library', () => {
  it('accounts for every file', () => {
    const files = countFilesOnDisk(root);
    expect(summary.filesSeen).toBe(files);
    expect(summary.tracks + summary.unreadable.length).toBe(files);
    expect(summary.added + summary.updated + summary.unchanged + summary.unreadable.length).toBe(files);
  });

  it('reports the text file as not audio', () => {
    expect(unreadableByPath(summary)).toEqual(new Map([['not-an-audio-file.txt', 'not an audio file']]));
  });

  it('keeps a Hangul title', () => {
    expect(trackAt(db, root, 'id3-multi-01.mp3')?.title).toBe('보고보고');
  });

  it('keeps a Hangul artist', () => {
    expect(trackAt(db, root, 'id3-multi-02.mp3')?.artist).toBe('이소라');
  });

  it('keeps an accented artist with the full credit', () => {
    const track = trackAt(db, root, 'bug-non ascii chars.mp3');
    expect(track?.artist).toBe('Janelle Monáe');
    expect(track?.artistCredit).toBe('Janelle Monáe, Roman Gianarthur & Nate Wonder');
  });

  it('keeps an accented title', () => {
    expect(trackAt(db, root, 'Discogs - Yasmin Levy - Mi Korasón.flac')?.title).toBe('Mi Korasón');
  });

  it('splits a FLAC with two artist tags', () => {
    const track = trackAt(db, root, 'flac-multiple-album-artists-tags.flac');
    expect(track?.artist).toBe('Artist One');
    expect(track?.artistCredit).toBe('Artist One & Artist Two');
    expect(track?.albumArtist).toBe('Album Artist One');
    expect(track?.album).toBe('Test Album');
  });

  it('splits null-separated ID3v2.4 artists', () => {
    const track = trackAt(db, root, 'id3v2.4-with-multiple-album-artists-null-separated.mp3');
    expect(track?.artist).toBe('ArtistOne');
    expect(track?.artistCredit).toBe('ArtistOne & ArtistTwo');
  });

  it('keeps a duo credit whole', () => {
    const track = trackAt(db, root, "MusicBrainz - Beth Hart - Sinner's Prayer [id3v2.4].V2.mp3");
    expect(track?.artist).toBe('Beth Hart & Joe Bonamassa');
    expect(track?.album).toBe("Don't Explain");
  });

  it('files a Various Artists track under the compilation', () => {
    const track = trackAt(db, root, 'aiff/No Sanctuary Here.aiff');
    expect(track?.artist).toBe('Chris Jones');
    expect(track?.albumArtist).toBe('Various Artists');
    expect(track?.album).toBe('Hdtracks 2020 Hi-Res Sampler');
    expect(track?.compilation).toBe(1);
  });

  it('keeps the track artist on a soundtrack compilation', () => {
    const track = trackAt(db, root, 'flac/14. Samuel L. Jackson and John Travolta - Personality Goes a Long Way.flac');
    expect(track?.artist).toBe('Samuel L. Jackson and John Travolta');
    expect(track?.albumArtist).toBe('Various Artists');
    expect(track?.trackNumber).toBe(14);
  });

  it('reads a sample with an unknown extension by content', () => {
    expect(trackAt(db, root, "MusicBrainz - Beth Hart - Sinner's Prayer.id3v23")?.title).toBe("Sinner's Prayer");
  });

  it('marks an untagged file', () => {
    const track = trackAt(db, root, 'mp3/notags.mp3');
    expect(track?.title).toBe('notags');
    expect(track?.titleFromTags).toBe(0);
    expect(track?.artist).toBeNull();
    expect(track?.album).toBeNull();
  });

  it('stores the duration of an untagged file', () => {
    expect(trackAt(db, root, 'mp3/notags.mp3')?.durationMs).toBe(2088);
  });

  it('falls back to artist and album folders', () => {
    const track = trackAt(db, root, 'untagged/Fallback Artist/Fallback Album/03 Folder Title.mp3');
    expect(track?.title).toBe('Folder Title');
    expect(track?.artist).toBe('Fallback Artist');
    expect(track?.album).toBe('Fallback Album');
    expect(track?.trackNumber).toBe(3);
    expect(track?.titleFromTags).toBe(0);
  });

  it('falls back to an Artist - Title file name', () => {
    const track = trackAt(db, root, 'untagged/Pattern Artist - Pattern Title.mp3');
    expect(track?.title).toBe('Pattern Title');
    expect(track?.artist).toBe('Pattern Artist');
  });

  it('takes a missing artist from the file name', () => {
    const track = trackAt(db, root, 'Luomo - Tessio (Spektre Remix) ID3v10.mp3');
    expect(track?.artist).toBe('Luomo');
    expect(track?.title).toBe('Luomo - Tessio (Spektre Remix)');
    expect(track?.titleFromTags).toBe(1);
  });

  it('creates one library named after the folder', () => {
    const rows = db.prepare('SELECT name, root_path AS rootPath, last_scan_at AS lastScanAt FROM libraries').all() as {
      name: string;
      rootPath: string;
      lastScanAt: number | null;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.name).toBe('music');
    expect(rows[0]?.rootPath).toBe(root);
    expect(rows[0]?.lastScanAt).not.toBeNull();
  });

  it('reports library totals', () => {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(summary.tracks).toBe(count('tracks'));
    expect(summary.albums).toBe(count('albums'));
    expect(summary.artists).toBe(count('artists'));
  });

  it('reports items added per batch', () => {
    expect(added.reduce((sum, items) => sum + items.tracks, 0)).toBe(summary.added);
    expect(added.reduce((sum, items) => sum + items.artists, 0)).toBe(summary.artists);
    expect(added.reduce((sum, items) => sum + items.albums, 0)).toBe(summary.albums);
  });

  it('emits progress from start to finish', () => {
    expect(progress[0]?.phase).toBe('started');
    expect(progress.at(-1)?.phase).toBe('finished');
    expect(progress.at(-1)?.filesSeen).toBe(summary.filesSeen);
    expect(progress.at(-1)?.parsed).toBe(summary.parsed);
    expect(progress.filter((event) => event.phase === 'scanning').length).toBeGreaterThan(1);
  });

  it('calls the hold hooks around the scan', () => {
    expect(hookOrder).toEqual(['start', 'finish']);
  });
});

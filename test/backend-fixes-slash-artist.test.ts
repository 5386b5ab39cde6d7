import fs from 'node:fs';
import path from 'node:path';

import type Database from 'better-sqlite3';
import type { IAudioMetadata } from 'music-metadata';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/main/core/db/connection.ts';
import { keepSlashArtistWhole } from '../src/worker/scanner/id3-slash-artists.ts';
import { readTrack } from '../src/worker/scanner/read-track.ts';
import { scanFolder, trackAt } from './support/scan-library.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

/** The parts of music-metadata's result that `keepSlashArtistWhole` reads. */
function metadataOf(options: {
  artist?: string;
  artists?: string[];
  native?: Record<string, { id: string; value: string }[]>;
  warnings?: string[];
}): IAudioMetadata {
  return {
    common: { artist: options.artist, artists: options.artists },
    native: options.native ?? {},
    quality: { warnings: (options.warnings ?? []).map((message) => ({ message })) },
  } as unknown as IAudioMetadata;
}

describe('keepSlashArtistWhole', () => {
  it('joins an ID3v2.3 artist split at a slash', () => {
    const metadata = metadataOf({
      artist: 'AC',
      artists: ['AC', 'DC'],
      native: { 'ID3v2.3': [{ id: 'TPE1', value: 'AC' }, { id: 'TPE1', value: 'DC' }] },
    });
    expect(keepSlashArtistWhole(metadata)).toEqual({ artist: 'AC/DC', artists: ['AC/DC'] });
  });

  it('joins an ID3v2.2 artist split at a slash', () => {
    const metadata = metadataOf({
      artist: 'AC',
      artists: ['AC', 'DC'],
      native: { 'ID3v2.2': [{ id: 'TP1', value: 'AC' }, { id: 'TP1', value: 'DC' }] },
    });
    expect(keepSlashArtistWhole(metadata).artist).toBe('AC/DC');
  });

  it('keeps a list of multi-word names apart', () => {
    const metadata = metadataOf({
      artist: 'Janelle Monáe',
      artists: ['Janelle Monáe', 'Roman Gianarthur'],
      native: { 'ID3v2.3': [{ id: 'TPE1', value: 'Janelle Monáe' }, { id: 'TPE1', value: 'Roman Gianarthur' }] },
    });
    expect(keepSlashArtistWhole(metadata)).toEqual({ artist: 'Janelle Monáe', artists: ['Janelle Monáe', 'Roman Gianarthur'] });
  });

  it('keeps a list with one multi-word name apart', () => {
    const parts = ['Explosions In The Sky', 'Another', 'And Another'];
    const metadata = metadataOf({
      artist: parts[0],
      artists: parts,
      native: { 'ID3v2.3': parts.map((value) => ({ id: 'TPE1', value })) },
    });
    expect(keepSlashArtistWhole(metadata)).toEqual({ artist: 'Explosions In The Sky', artists: parts });
  });

  it('joins a name of one-word parts', () => {
    const metadata = metadataOf({
      artist: 'DJ',
      artists: ['DJ', 'rupture'],
      native: { 'ID3v2.3': [{ id: 'TPE1', value: 'DJ' }, { id: 'TPE1', value: 'rupture' }] },
    });
    expect(keepSlashArtistWhole(metadata).artist).toBe('DJ/rupture');
  });

  it('keeps NUL-separated ID3v2.3 values apart', () => {
    const metadata = metadataOf({
      artist: 'A',
      artists: ['A', 'B'],
      native: { 'ID3v2.3': [{ id: 'TPE1', value: 'A' }, { id: 'TPE1', value: 'B' }] },
      warnings: ['ID3v2.3 TPE1 uses non standard null-separator.'],
    });
    expect(keepSlashArtistWhole(metadata)).toEqual({ artist: 'A', artists: ['A', 'B'] });
  });

  it('keeps ID3v2.4 values apart', () => {
    const metadata = metadataOf({
      artist: 'A',
      artists: ['A', 'B'],
      native: { 'ID3v2.4': [{ id: 'TPE1', value: 'A' }, { id: 'TPE1', value: 'B' }] },
    });
    expect(keepSlashArtistWhole(metadata)).toEqual({ artist: 'A', artists: ['A', 'B'] });
  });

  it('keeps separate Vorbis ARTIST fields apart', () => {
    const metadata = metadataOf({
      artist: 'A',
      artists: ['A', 'B'],
      native: { vorbis: [{ id: 'ARTIST', value: 'A' }, { id: 'ARTIST', value: 'B' }] },
    });
    expect(keepSlashArtistWhole(metadata)).toEqual({ artist: 'A', artists: ['A', 'B'] });
  });

  it('leaves an artist from a higher-priority tag alone', () => {
    const metadata = metadataOf({
      artist: 'Other',
      artists: ['Other'],
      native: { APEv2: [{ id: 'Artist', value: 'Other' }], 'ID3v2.3': [{ id: 'TPE1', value: 'AC' }, { id: 'TPE1', value: 'DC' }] },
    });
    expect(keepSlashArtistWhole(metadata)).toEqual({ artist: 'Other', artists: ['Other'] });
  });

  it('keeps other artist values after the joined name', () => {
    const metadata = metadataOf({
      artist: 'AC',
      artists: ['AC', 'DC', 'Guest'],
      native: { 'ID3v2.3': [{ id: 'TPE1', value: 'AC' }, { id: 'TPE1', value: 'DC' }] },
    });
    expect(keepSlashArtistWhole(metadata).artists).toEqual(['AC/DC', 'Guest']);
  });
});

/** An ID3v2 text frame (ISO-8859-1) of version 2.3 or 2.4; the frame size is a plain integer in 2.3 and syncsafe in 2.4. */
function textFrame(major: 3 | 4, id: string, text: string): Buffer {
  const body = Buffer.concat([Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const header = Buffer.alloc(10);
  header.write(id, 0, 'latin1');
  header.writeUInt32BE(major === 4 ? syncsafe(body.length) : body.length, 4);
  return Buffer.concat([header, body]);
}

function syncsafe(value: number): number {
  return ((value & 0xfe00000) << 3) | ((value & 0x1fc000) << 2) | ((value & 0x3f80) << 1) | (value & 0x7f);
}

/** A tiny MP3: an ID3v2 tag with the given frames and ten silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz). */
function tinyMp3(major: 3 | 4, frames: Buffer[]): Buffer {
  const body = Buffer.concat(frames);
  const header = Buffer.from([0x49, 0x44, 0x33, major, 0, 0, 0, 0, 0, 0]);
  header.writeUInt32BE(syncsafe(body.length), 6);

  // 144 * 128000 / 44100 = 417 bytes per frame without padding.
  const audioFrame = Buffer.alloc(417);
  audioFrame.writeUInt32BE(0xfffb9000, 0);
  return Buffer.concat([header, body, ...Array.from({ length: 10 }, () => audioFrame)]);
}

let dir: string;

beforeEach(() => {
  dir = makeTempDir('liner-slash-artist-');
});

afterEach(() => removeTempDir(dir));

async function readArtists(major: 3 | 4, artist: string, albumArtist?: string) {
  const file = path.join(dir, `track-v2${major}.mp3`);
  const frames = [textFrame(major, 'TIT2', 'Thunderstruck'), textFrame(major, 'TPE1', artist)];
  if (albumArtist !== undefined) frames.push(textFrame(major, 'TPE2', albumArtist));
  fs.writeFileSync(file, tinyMp3(major, frames));

  const stat = fs.statSync(file);
  const result = await readTrack({ path: file, size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) }, dir);
  if (!result.ok) throw new Error(`expected a readable track, got ${result.unreadable.reason}`);
  return result.track;
}

describe('tiny MP3 with a slash in TPE1', () => {
  it('keeps an ID3v2.3 artist whole', async () => {
    expect((await readArtists(3, 'AC/DC')).artist).toBe('AC/DC');
  });

  it('keeps the ID3v2.3 credit whole', async () => {
    expect((await readArtists(3, 'AC/DC')).artistCredit).toBe('AC/DC');
  });

  it('keeps an ID3v2.3 album artist whole', async () => {
    expect((await readArtists(3, 'AC/DC', 'AC/DC')).albumArtist).toBe('AC/DC');
  });

  it('keeps an ID3v2.3 artist with spaces whole', async () => {
    expect((await readArtists(3, 'AC / DC')).artist).toBe('AC/DC');
  });

  it('splits an ID3v2.3 list of full names', async () => {
    expect((await readArtists(3, 'Beth Hart/Joe Bonamassa')).artistCredit).toBe('Beth Hart & Joe Bonamassa');
  });

  it('keeps an ID3v2.4 artist whole', async () => {
    expect((await readArtists(4, 'AC/DC')).artist).toBe('AC/DC');
  });

  it('splits ID3v2.3 NUL-separated artists', async () => {
    expect((await readArtists(3, 'Beth Hart\0Joe Bonamassa')).artistCredit).toBe('Beth Hart & Joe Bonamassa');
  });

  it('splits ID3v2.4 NUL-separated artists', async () => {
    expect((await readArtists(4, 'Beth Hart\0Joe Bonamassa')).artist).toBe('Beth Hart');
  });
});

describe('scan of a tiny MP3 with a slash in TPE1', () => {
  let db: Database.Database;

  afterEach(() => db.close());

  it('stores the artist whole', async () => {
    const music = path.join(dir, 'music');
    fs.mkdirSync(music);
    fs.writeFileSync(path.join(music, 'thunderstruck.mp3'), tinyMp3(3, [textFrame(3, 'TIT2', 'Thunderstruck'), textFrame(3, 'TPE1', 'AC/DC')]));
    db = openDatabase(path.join(dir, 'liner.db'));

    const summary = await scanFolder(db, music);
    expect(trackAt(db, summary.rootPath, 'thunderstruck.mp3')?.artist).toBe('AC/DC');
  });
});

/**
 * Builds match queries from the tags of the corpus library the way a library
 * scanner would, one file at a time, because the expected ids are per file:
 * - track artist: the artist tag's primary artist ("A feat. B" gives "A");
 *   with no artist or album artist tag, a title of the form "Artist - Title"
 *   is split, since some rippers write only the title field;
 * - album artist: the album artist tag, else the track artist;
 * - each file yields its own artist, album and track query.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseFile, type IAudioMetadata } from 'music-metadata';
import { primaryCredit } from '../src/worker/matching/index.ts';
import type { AlbumQuery, ArtistQuery, TrackQuery } from '../src/worker/matching/index.ts';

export interface LibraryFileQueries {
  /** Path relative to the library folder, with "/" separators. */
  file: string;
  artist: ArtistQuery | null;
  album: AlbumQuery | null;
  track: TrackQuery | null;
}

interface FileTags {
  title: string | null;
  artist: string | null;
  albumArtist: string | null;
  album: string | null;
  year: number | null;
  trackNumber: number | null;
  discNumber: number | null;
  durationMs: number | null;
}

/** Reads every parseable file under `libraryDir`; unreadable files are left out. */
export async function readLibraryQueries(libraryDir: string): Promise<LibraryFileQueries[]> {
  const files = (await listFiles(libraryDir)).sort();
  const queries: LibraryFileQueries[] = [];

  for (const file of files) {
    const metadata = await parseFile(file, { duration: true, skipCovers: true }).catch(() => null);
    if (metadata === null) continue;
    const relative = path.relative(libraryDir, file).split(path.sep).join('/');
    queries.push(buildQueries(relative, readTags(metadata)));
  }
  return queries;
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(folder, entry.name);
      return entry.isDirectory() ? listFiles(full) : Promise.resolve([full]);
    }),
  );
  return nested.flat();
}

function text(value: string | undefined | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function readTags(metadata: IAudioMetadata): FileTags {
  const { common, format } = metadata;
  const artist = text(common.artist);
  return {
    title: text(common.title),
    artist: artist === null ? null : primaryCredit(artist),
    albumArtist: text(common.albumartist),
    album: text(common.album),
    year: common.year ?? null,
    trackNumber: common.track.no ?? null,
    discNumber: common.disk.no ?? null,
    durationMs: format.duration === undefined ? null : Math.round(format.duration * 1000),
  };
}

/** "Luomo - Tessio (Spektre Remix)" with no artist tags gives artist "Luomo". */
function splitArtistFromTitle(tags: FileTags): FileTags {
  if (tags.artist !== null || tags.albumArtist !== null || tags.title === null) return tags;
  const parts = tags.title.split(' - ');
  if (parts.length !== 2) return tags;
  const [artist, title] = parts.map((part) => part.trim());
  if (!artist || !title) return tags;
  return { ...tags, artist, title };
}

function buildQueries(file: string, rawTags: FileTags): LibraryFileQueries {
  const tags = splitArtistFromTitle(rawTags);
  const albumArtist = tags.albumArtist ?? tags.artist;

  const artist: ArtistQuery | null =
    tags.artist === null
      ? null
      : {
          entityType: 'artist',
          name: tags.artist,
          albumTitles: tags.album === null ? [] : [tags.album],
          trackTitles: tags.title === null ? [] : [tags.title],
        };

  const album: AlbumQuery | null =
    tags.album === null
      ? null
      : {
          entityType: 'album',
          title: tags.album,
          artistName: albumArtist,
          year: tags.year,
          trackTitles: tags.title === null ? [] : [tags.title],
          trackArtistNames: tags.artist === null ? [] : [tags.artist],
          trackCount: 1,
        };

  const track: TrackQuery | null =
    tags.title === null
      ? null
      : {
          entityType: 'track',
          title: tags.title,
          artistName: tags.artist,
          albumTitle: tags.album,
          albumArtistName: tags.albumArtist,
          trackNumber: tags.trackNumber,
          discNumber: tags.discNumber,
          durationMs: tags.durationMs,
          year: tags.year,
        };

  return { file, artist, album, track };
}

/**
 * Builds match queries from the corpus library: each file goes through the
 * library scanner's own reader (tags, with the file name as fallback), and
 * the queries are shaped the way the enrichment controller shapes them from
 * library rows. Each file yields its own queries, because the expected ids
 * are per file; the controller would group a real library's files by album.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ScannedTrack } from '../src/shared/scan-protocol.ts';
import { readTrack } from '../src/worker/scanner/read-track.ts';
import type { AlbumQuery, ArtistQuery, TrackQuery } from '../src/worker/matching/index.ts';

export interface LibraryFileQueries {
  /** Path relative to the library folder, with "/" separators. */
  file: string;
  /** The track artist, the act the expected artist id names. */
  artist: ArtistQuery | null;
  /** The album artist when it is another name: an item of its own, not scored. */
  albumArtist: ArtistQuery | null;
  album: AlbumQuery | null;
  track: TrackQuery | null;
}

const VARIOUS_ARTISTS = 'Various Artists';

/** Reads every file under `libraryDir`; files the scanner cannot read are left out. */
export async function readLibraryQueries(libraryDir: string): Promise<LibraryFileQueries[]> {
  const files = (await listFiles(libraryDir)).sort();
  const queries: LibraryFileQueries[] = [];

  for (const file of files) {
    const info = await stat(file);
    const read = await readTrack({ path: file, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) }, libraryDir);
    if (!read.ok) continue;

    const relative = path.relative(libraryDir, file).split(path.sep).join('/');
    queries.push(buildQueries(relative, read.track));
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

function buildQueries(file: string, track: ScannedTrack): LibraryFileQueries {
  const albumArtistName = track.compilation ? VARIOUS_ARTISTS : track.albumArtist;
  const ownTitles = track.titleFromTags ? [track.title] : [];

  return {
    file,
    artist: artistQuery(track.artist, albumArtistName === track.artist ? track.album : null, ownTitles),
    albumArtist: albumArtistName === track.artist ? null : artistQuery(albumArtistName, track.album, []),
    album: albumQuery(track, albumArtistName),
    track: trackQuery(track, albumArtistName),
  };
}

function artistQuery(name: string | null, albumTitle: string | null, trackTitles: string[]): ArtistQuery | null {
  if (name === null || name.trim() === '') return null;
  return { entityType: 'artist', name, albumTitles: albumTitle === null ? [] : [albumTitle], trackTitles };
}

function albumQuery(track: ScannedTrack, albumArtistName: string | null): AlbumQuery | null {
  if (track.album === null) return null;
  return {
    entityType: 'album',
    title: track.album,
    artistName: albumArtistName,
    year: track.year,
    trackTitles: [track.title],
    trackArtistNames: track.artist === null ? [] : [track.artist],
    trackCount: 1,
  };
}

/** Builds the track query; `null` for a title taken from the file name, which the controller does not search. */
function trackQuery(track: ScannedTrack, albumArtistName: string | null): TrackQuery | null {
  if (!track.titleFromTags) return null;
  return {
    entityType: 'track',
    title: track.title,
    artistName: track.artist,
    albumTitle: track.album,
    albumArtistName: track.album === null ? null : albumArtistName,
    trackNumber: track.trackNumber,
    discNumber: track.discNumber,
    durationMs: track.durationMs,
    year: track.year,
  };
}

import { albumTitle, artistName, trackTitle, uniqueName } from './names.ts';
import { Prng } from './prng.ts';
import { FIRST_NAMES, LAST_NAMES, RECORD_LABELS } from './words.ts';

/**
 * How many albums each artist has and how many tracks each album has. Drawn
 * from its own random stream, so the counts are known before any name is
 * composed: about 5 albums per artist (1 to 9) and 10 tracks per album (6 to
 * 14), cut off when the requested track count is reached.
 */
export interface LibraryLayout {
  albumsPerArtist: number[];
  tracksPerAlbum: number[];
  artists: number;
  albums: number;
  tracks: number;
}

export interface PlannedTrack {
  title: string;
  /** False for the few files whose title tag is missing; the scanner then names the track after the file. */
  titleFromTags: boolean;
  trackNumber: number;
  discNumber: number | null;
  durationMs: number;
  /** The artist credit as tagged: the artist, sometimes with a "feat." guest. */
  credit: string;
}

export interface PlannedAlbum {
  title: string;
  year: number;
  label: string | null;
  tracks: PlannedTrack[];
}

export interface PlannedArtist {
  name: string;
  albums: PlannedAlbum[];
}

export function planLayout(seed: number, trackCount: number): LibraryLayout {
  const rng = new Prng(seed, 'layout');
  const albumsPerArtist: number[] = [];
  const tracksPerAlbum: number[] = [];
  let tracks = 0;

  while (tracks < trackCount) {
    const albums = rng.int(1, 9);
    let albumsKept = 0;
    for (let album = 0; album < albums && tracks < trackCount; album++) {
      const count = Math.min(rng.int(6, 14), trackCount - tracks);
      tracksPerAlbum.push(count);
      tracks += count;
      albumsKept++;
    }
    albumsPerArtist.push(albumsKept);
  }

  return { albumsPerArtist, tracksPerAlbum, artists: albumsPerArtist.length, albums: tracksPerAlbum.length, tracks };
}

/** Yields the library one artist at a time, so a million tracks never sit in memory at once. */
export function* plannedArtists(seed: number, layout: LibraryLayout): Generator<PlannedArtist> {
  const rng = new Prng(seed, 'names');
  const artistNames = new Set<string>();
  let albumIndex = 0;

  for (const albumCount of layout.albumsPerArtist) {
    const name = uniqueName(artistNames, () => artistName(rng));
    const titles = new Set<string>();
    let year = rng.int(1962, 2018);
    const albums: PlannedAlbum[] = [];

    for (let album = 0; album < albumCount; album++) {
      const trackCount = layout.tracksPerAlbum[albumIndex++] ?? 0;
      albums.push({
        title: uniqueName(titles, () => albumTitle(rng)),
        year,
        label: rng.chance(0.6) ? rng.pick(RECORD_LABELS) : null,
        tracks: plannedTracks(rng, name, trackCount),
      });
      year = Math.min(year + rng.int(1, 4), 2025);
    }
    yield { name, albums };
  }
}

function plannedTracks(rng: Prng, artist: string, count: number): PlannedTrack[] {
  const twoDiscs = count >= 12 && rng.chance(0.08);
  const firstDisc = Math.ceil(count / 2);
  const tracks: PlannedTrack[] = [];

  for (let index = 0; index < count; index++) {
    const onSecondDisc = twoDiscs && index >= firstDisc;
    let discNumber: number | null = null;
    if (twoDiscs) discNumber = onSecondDisc ? 2 : 1;
    const guest = rng.chance(0.06) ? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` : null;
    tracks.push({
      title: trackTitle(rng),
      titleFromTags: !rng.chance(0.003),
      trackNumber: onSecondDisc ? index - firstDisc + 1 : index + 1,
      discNumber,
      durationMs: rng.int(95_000, 460_000),
      credit: guest ? `${artist} feat. ${guest}` : artist,
    });
  }
  return tracks;
}

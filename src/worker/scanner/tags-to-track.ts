import type { IAudioMetadata } from 'music-metadata';

import { artistCredit, isVariousArtists, primaryArtist, splitArtistValues, VARIOUS_ARTISTS_NAME } from '../../shared/credits.ts';
import type { FileStat, ScannedTrack } from '../../shared/scan-protocol.ts';
import { keepSlashArtistWhole } from './id3-slash-artists.ts';
import { guessFromPath } from './name-fallback.ts';

/**
 * Turns music-metadata's result into the track the library stores. Missing
 * tags fall back to the file name and folders (see `guessFromPath`); a title
 * taken from the file name is marked with `titleFromTags: false`.
 */
export function toScannedTrack(file: FileStat, metadata: IAudioMetadata, root: string): ScannedTrack {
  const { common, format } = metadata;
  const guess = guessFromPath(file.path, root);

  const taggedTitle = cleanText(common.title);
  const artistTags = keepSlashArtistWhole(metadata);
  const credit = artistCredit(artistTags.artist, artistTags.artists);
  const taggedArtist = splitArtistValues([artistTags.artist, ...artistTags.artists])[0] ?? null;
  const artist = taggedArtist ? primaryArtist(taggedArtist) : guess.artist;

  const taggedAlbumArtist = splitArtistValues([common.albumartist])[0] ?? null;
  const compilation = common.compilation === true || isVariousArtists(taggedAlbumArtist);

  return {
    ...file,
    title: taggedTitle ?? guess.title,
    titleFromTags: taggedTitle !== null,
    artist,
    artistCredit: credit ?? artist,
    albumArtist: albumArtistOf(taggedAlbumArtist, compilation, artist),
    album: cleanText(common.album) ?? guess.album,
    label: cleanText(common.label?.[0]),
    compilation,
    trackNumber: positiveInteger(common.track.no) ?? guess.trackNumber,
    discNumber: positiveInteger(common.disk.no) ?? guess.discNumber,
    year: yearOf(common.year),
    durationMs: durationOf(format.duration),
  };
}

function albumArtistOf(tagged: string | null, compilation: boolean, trackArtist: string | null): string | null {
  if (tagged && isVariousArtists(tagged)) return VARIOUS_ARTISTS_NAME;
  if (tagged) return primaryArtist(tagged);
  if (compilation) return VARIOUS_ARTISTS_NAME;
  return trackArtist;
}

/** Trims a tag value; an empty or blank value counts as missing. */
function cleanText(value: string | undefined): string | null {
  const text = value?.split('\0')[0]?.trim();
  return text ? text : null;
}

function positiveInteger(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function yearOf(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9999 ? value : null;
}

/** Seconds (music-metadata) to whole milliseconds; null when unknown or not finite. */
function durationOf(seconds: number | undefined): number | null {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null;
}

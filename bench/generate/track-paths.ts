import type { PlannedAlbum, PlannedTrack } from './library-plan.ts';

/** Replaces characters that are invalid in file names on common systems. */
function safeSegment(name: string): string {
  return name.replace(/[/\\:*?"<>|]/g, '_').replace(/^\.+/, '_');
}

/**
 * Builds the path of a track below the library root, as rippers lay libraries out:
 * `Artist/Year - Album/NN Title.mp3`, with a `D-` disc prefix on multi-disc
 * albums.
 */
export function trackFileName(artist: string, album: Pick<PlannedAlbum, 'title' | 'year'>, track: PlannedTrack): string {
  const disc = track.discNumber === null ? '' : `${track.discNumber}-`;
  const number = String(track.trackNumber).padStart(2, '0');
  return `${safeSegment(artist)}/${album.year} - ${safeSegment(album.title)}/${disc}${number} ${safeSegment(track.title)}.mp3`;
}

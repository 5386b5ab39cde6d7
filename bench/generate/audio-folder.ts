import fs from 'node:fs';
import path from 'node:path';

import { planLayout, plannedArtists, type PlannedAlbum, type PlannedArtist } from './library-plan.ts';
import { mp3File } from './mp3-file.ts';
import { trackFileName } from './track-paths.ts';

export interface GeneratedFolder {
  files: number;
  bytes: number;
  durationMs: number;
}

/**
 * Writes `count` tagged MP3 files under `root` as `Artist/Year - Album/NN
 * Title.mp3`, with the same names the database generator uses for the seed.
 */
export function generateAudioFolder(root: string, seed: number, count: number): GeneratedFolder {
  const started = performance.now();
  const layout = planLayout(seed, count);
  let files = 0;
  let bytes = 0;

  for (const artist of plannedArtists(seed, layout)) {
    for (const album of artist.albums) {
      const written = writeAlbum(root, artist, album);
      files += written.files;
      bytes += written.bytes;
    }
  }
  return { files, bytes, durationMs: performance.now() - started };
}

function writeAlbum(root: string, artist: PlannedArtist, album: PlannedAlbum): { files: number; bytes: number } {
  const discTotal = album.tracks.some((track) => track.discNumber === 2) ? 2 : null;
  let bytes = 0;
  let folderMade = false;

  for (const track of album.tracks) {
    const file = path.join(root, trackFileName(artist.name, album, track));
    if (!folderMade) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      folderMade = true;
    }

    const data = mp3File({
      title: track.titleFromTags ? track.title : null,
      artist: track.credit,
      albumArtist: artist.name,
      album: album.title,
      trackNumber: track.trackNumber,
      trackTotal: album.tracks.filter((other) => other.discNumber === track.discNumber).length,
      discNumber: track.discNumber,
      discTotal,
      year: album.year,
      label: album.label,
    });
    fs.writeFileSync(file, data);
    bytes += data.length;
  }
  return { files: album.tracks.length, bytes };
}

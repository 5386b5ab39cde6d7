import { parseFile, type IAudioMetadata } from 'music-metadata';

import type { FileStat, ScannedTrack, UnreadableFile } from '../../shared/scan-protocol.ts';
import { toScannedTrack } from './tags-to-track.ts';
import { unreadableFrom } from './unreadable-reason.ts';

export type ReadResult = { ok: true; track: ScannedTrack } | { ok: false; unreadable: UnreadableFile };

/**
 * Reads one file's tags and duration. Never throws: every failure becomes an
 * unreadable entry with its reason, so one bad file cannot stop a scan.
 * Cover art is skipped because the library stores no images from files.
 */
export async function readTrack(file: FileStat, root: string): Promise<ReadResult> {
  if (file.size === 0) return { ok: false, unreadable: { path: file.path, reason: 'empty file', transient: false } };

  try {
    const metadata = await parseFile(file.path, { duration: true, skipCovers: true });
    if (!hasAudioOrTags(metadata)) {
      return { ok: false, unreadable: { path: file.path, reason: 'no audio stream or tags found', transient: false } };
    }
    return { ok: true, track: toScannedTrack(file, metadata, root) };
  } catch (error) {
    return { ok: false, unreadable: unreadableFrom(file.path, error) };
  }
}

/**
 * music-metadata 11 picks the MPEG parser for any `.mp3` name and returns an
 * empty result for bytes that hold no frame and no tag. A file with neither
 * an audio stream nor a tag is not a track.
 */
function hasAudioOrTags(metadata: IAudioMetadata): boolean {
  const { format } = metadata;
  return format.tagTypes.length > 0 || format.container !== undefined || format.codec !== undefined;
}

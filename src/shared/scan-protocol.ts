/**
 * Messages between main (the database owner) and the scanner process.
 *
 * One scan runs per scanner process:
 * 1. main sends `start` with the library root;
 * 2. the scanner walks the folder and sends each batch of audio candidates as
 *    `files` (path, size, mtime), without reading them;
 * 3. main compares them with the tracks it stores and returns `parse` with the
 *    paths that are new or changed;
 * 4. the scanner reads the tags of those paths and sends `tracks`;
 * 5. after the last batch the scanner sends `done`.
 *
 * The scanner waits for `parse` before it reads a batch, so at most one batch
 * is in flight and unchanged files are never parsed. Files that are not audio,
 * or cannot be listed or read, arrive as `unreadable` entries.
 */

/** A file the walk found that may be audio, before any tag is read. */
export interface FileStat {
  /** Absolute path as walked from the library root. */
  path: string;
  /** Size in bytes. */
  size: number;
  /** Modification time in whole epoch milliseconds (fractions cut off). */
  mtimeMs: number;
}

/** A file or folder the scan could not turn into a track. */
export interface UnreadableFile {
  path: string;
  /** Why, in a few words: "not an audio file", "permission denied", "truncated or damaged file: …". */
  reason: string;
  /**
   * True when the failure may pass (permission, I/O, file busy) rather than
   * being in the content. Main keeps an existing track row for such a path,
   * and for every path under such a folder, instead of removing it.
   */
  transient: boolean;
}

/** The tags of one audio file, already reduced to what the library stores. */
export interface ScannedTrack extends FileStat {
  title: string;
  /** False when the title came from the file name because the tags had none. */
  titleFromTags: boolean;
  /** The track's artist: the primary artist of the credit ("A" for "A feat. B"). */
  artist: string | null;
  /** The full artist credit as tagged, e.g. "A feat. B" or "A, B & C". */
  artistCredit: string | null;
  /** The album's artist: the album artist tag, else the track artist. */
  albumArtist: string | null;
  album: string | null;
  /** The record label of the release, when tagged. */
  label: string | null;
  /** True for a compilation flag or an album artist such as "Various Artists". */
  compilation: boolean;
  trackNumber: number | null;
  discNumber: number | null;
  year: number | null;
  durationMs: number | null;
}

export type ScannerRequest =
  | { type: 'start'; root: string; batchSize: number }
  | { type: 'parse'; batchId: number; paths: string[] }
  | { type: 'cancel' };

export type ScannerMessage =
  | { type: 'files'; batchId: number; files: FileStat[] }
  | { type: 'tracks'; batchId: number; tracks: ScannedTrack[]; unreadable: UnreadableFile[]; parsed: number }
  | { type: 'unreadable'; entries: UnreadableFile[] }
  | { type: 'done' }
  | { type: 'failed'; message: string };

/** Files per batch unless the host sets another size. Small batches keep each write transaction short. */
export const DEFAULT_SCAN_BATCH_SIZE = 200;

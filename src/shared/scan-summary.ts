/**
 * Progress of a running scan, as main reports it to its hosts (CLI,
 * renderer). Emitted once with `started`, after every batch with `scanning`,
 * and once at the end with `finished` or `failed`.
 */
export interface ScanProgressEvent {
  libraryId: number;
  rootPath: string;
  phase: 'started' | 'scanning' | 'finished' | 'failed';
  /** Files the walk has found so far, audio or not. */
  filesSeen: number;
  /** Files whose tags were read so far (new or changed ones). */
  parsed: number;
  /** Files found per second since the scan started. */
  filesPerSecond: number;
  elapsedMs: number;
  /** Plain-words reason when `phase` is `failed`, else null. */
  error: string | null;
}

/** A file the scan could not turn into a track, with the reason. */
export interface UnreadableEntry {
  path: string;
  reason: string;
}

/**
 * The outcome of one scan. Every entry the walk found is counted once in
 * `filesSeen` and once as added, updated, unchanged or unreadable. A folder
 * that could not be listed counts as one unreadable entry. `artists`,
 * `albums` and `tracks` are the totals in the library after the scan.
 */
export interface ScanSummary {
  libraryId: number;
  rootPath: string;
  filesSeen: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Files whose tags were read during this scan. */
  parsed: number;
  unreadable: UnreadableEntry[];
  artists: number;
  albums: number;
  tracks: number;
  durationMs: number;
}

/** Rows a scan inserted, so the enrichment worker can wake up for them. */
export interface ItemsAdded {
  libraryId: number;
  artists: number;
  albums: number;
  tracks: number;
}

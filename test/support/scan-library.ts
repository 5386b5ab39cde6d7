import fs from 'node:fs';
import path from 'node:path';

import type Database from 'better-sqlite3';

import { launchNodeChild } from '../../src/main/core/process/node-child.ts';
import { scanLibrary, type ScanLibraryOptions } from '../../src/main/core/scan-service.ts';
import type { ScanSummary } from '../../src/shared/scan-summary.ts';
import { REPO_ROOT } from './temp.ts';

/** The sample library checked into the repository (origin in test/fixtures/NOTICE). */
export const FIXTURE_LIBRARY = path.join(REPO_ROOT, 'test/fixtures/library');

/** Copies the sample library into `dir/music` so a test may change its files; returns that folder. */
export function copyFixtureLibrary(dir: string): string {
  const target = path.join(dir, 'music');
  fs.cpSync(FIXTURE_LIBRARY, target, { recursive: true });
  return target;
}

/** Scans a folder with the real scanner process. */
export function scanFolder(db: Database.Database, folder: string, options: Partial<ScanLibraryOptions> = {}): Promise<ScanSummary> {
  return scanLibrary({ db, launcher: launchNodeChild, folder, ...options });
}

/** Regular files under a folder, following no links, as the user sees them on disk. */
export function countFilesOnDisk(folder: string): number {
  let count = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) count++;
  }
  return count;
}

/** One track joined with its artist and album, as the tests read it. */
export interface TrackView {
  id: number;
  title: string;
  titleFromTags: number;
  artist: string | null;
  artistCredit: string | null;
  album: string | null;
  albumArtist: string | null;
  compilation: number | null;
  trackNumber: number | null;
  discNumber: number | null;
  durationMs: number | null;
}

/** Reads the track stored for a file, by its path relative to the library root. */
export function trackAt(db: Database.Database, root: string, relativePath: string): TrackView | undefined {
  return db
    .prepare(
      `SELECT t.id, t.title, t.title_from_tags AS titleFromTags, ar.name AS artist, t.artist_credit AS artistCredit,
              al.title AS album, aa.name AS albumArtist, al.is_compilation AS compilation,
              t.track_number AS trackNumber, t.disc_number AS discNumber, t.duration_ms AS durationMs
         FROM tracks t
         LEFT JOIN artists ar ON ar.id = t.artist_id
         LEFT JOIN albums al ON al.id = t.album_id
         LEFT JOIN artists aa ON aa.id = al.artist_id
        WHERE t.path = ?`,
    )
    .get(path.join(root, relativePath)) as TrackView | undefined;
}

/** Names of the unreadable entries, relative to the root, mapped to their reasons. */
export function unreadableByPath(summary: ScanSummary): Map<string, string> {
  return new Map(summary.unreadable.map((entry) => [path.relative(summary.rootPath, entry.path), entry.reason]));
}

import type Database from 'better-sqlite3';

import type { EntityProgress, MatchCounts } from '../../../shared/enrichment-state.ts';
import type { EntityType } from '../../../shared/entities.ts';

export type ProgressByType = { artists: EntityProgress; albums: EntityProgress; tracks: EntityProgress };

const PLURAL: Record<EntityType, keyof ProgressByType> = { artist: 'artists', album: 'albums', track: 'tracks' };

function emptyProgress(): EntityProgress {
  return { total: 0, matched: 0, notFound: 0, error: 0, pending: 0 };
}

/**
 * Reads match progress from the trigger-maintained `amazon_counts` table: a
 * handful of rows however large the library, so the status can be polled.
 */
export class CountsReader {
  private readonly all: Database.Statement<[], Row>;
  private readonly byLibrary: Database.Statement<[number], Row>;

  constructor(db: Database.Database) {
    this.all = db.prepare(
      'SELECT entity_type, status, SUM(count) AS count FROM amazon_counts GROUP BY entity_type, status',
    );
    this.byLibrary = db.prepare(
      'SELECT entity_type, status, count FROM amazon_counts WHERE library_id = ?',
    );
  }

  progress(libraryId?: number): ProgressByType {
    const rows = libraryId === undefined ? this.all.all() : this.byLibrary.all(libraryId);
    const progress: ProgressByType = { artists: emptyProgress(), albums: emptyProgress(), tracks: emptyProgress() };

    for (const row of rows) {
      const entry = progress[PLURAL[row.entity_type as EntityType]];
      if (!entry) continue;
      entry.total += row.count;
      if (row.status === 'matched') entry.matched += row.count;
      else if (row.status === 'not_found') entry.notFound += row.count;
      else if (row.status === 'error') entry.error += row.count;
      else entry.pending += row.count;
    }
    return progress;
  }
}

interface Row {
  entity_type: string;
  status: string;
  count: number;
}

export function totalCounts(progress: ProgressByType): MatchCounts {
  const entries = [progress.artists, progress.albums, progress.tracks];
  const sum = (pick: (entry: EntityProgress) => number) => entries.reduce((total, entry) => total + pick(entry), 0);
  return {
    matched: sum((entry) => entry.matched),
    notFound: sum((entry) => entry.notFound),
    error: sum((entry) => entry.error),
    pending: sum((entry) => entry.pending),
  };
}

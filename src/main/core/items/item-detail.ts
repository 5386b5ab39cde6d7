import type Database from 'better-sqlite3';

import { amazonMusicUrl } from '../../../shared/amazon-music-url.ts';
import type { EntityType } from '../../../shared/entities.ts';
import type { ItemDetail } from '../../../shared/ipc-contract.ts';
import { ensureSourceSchema } from '../db/schema-guard.ts';
import { entitySql, MATCH_COLUMNS, toItemRow, type ItemRowRecord } from './item-list.ts';

/** Detail columns per entity type. Tracks have no cover of their own and show their album's. */
const DETAIL_SELECT: Record<EntityType, string> = {
  artist: 'e.thumb_url AS thumb_url, NULL AS label, NULL AS api_track_count, NULL AS path, NULL AS album_amazon_id',
  album: 'e.thumb_url AS thumb_url, e.label AS label, e.api_track_count AS api_track_count, NULL AS path, NULL AS album_amazon_id',
  track: 'al.thumb_url AS thumb_url, NULL AS label, NULL AS api_track_count, e.path AS path, al.amazon_id AS album_amazon_id',
};

interface DetailRecord extends ItemRowRecord {
  library_id: number;
  thumb_url: string | null;
  label: string | null;
  api_track_count: number | null;
  path: string | null;
  album_amazon_id: string | null;
  amazon_last_attempted: number | null;
  amazon_attempts: number;
  amazon_last_error: string | null;
  amazon_next_retry_at: number | null;
}

function isoTime(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString();
}

/**
 * Everything the detail panel shows about one item; undefined when no item of
 * that type has the id. `country` picks the Amazon Music storefront of the link.
 */
export function getItem(db: Database.Database, entityType: EntityType, id: number, country: string): ItemDetail | undefined {
  ensureSourceSchema(db, 'amazon');

  const sql = entitySql(entityType);
  const record = db
    .prepare(
      `SELECT ${MATCH_COLUMNS}, ${sql.select}, ${DETAIL_SELECT[entityType]},
              e.library_id, e.amazon_last_attempted, e.amazon_attempts, e.amazon_last_error, e.amazon_next_retry_at
       FROM ${sql.table} e ${sql.joins}
       WHERE e.id = ?`,
    )
    .get(id) as DetailRecord | undefined;
  if (!record) return undefined;

  return {
    ...toItemRow(entityType, record),
    libraryId: record.library_id,
    thumbUrl: record.thumb_url,
    label: record.label,
    apiTrackCount: record.api_track_count,
    lastAttempted: isoTime(record.amazon_last_attempted),
    attempts: record.amazon_attempts,
    lastError: record.amazon_last_error,
    nextRetryAt: isoTime(record.amazon_next_retry_at),
    path: record.path,
    amazonUrl: record.amazon_id ? amazonMusicUrl(entityType, record.amazon_id, country, record.album_amazon_id) : null,
  };
}

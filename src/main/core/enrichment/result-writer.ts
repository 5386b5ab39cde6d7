import type Database from 'better-sqlite3';

import { comparableName } from '../../../shared/names.ts';
import type { ItemResult } from '../../../shared/worker-protocol.ts';

export interface RetryPolicy {
  /** Attempts after which a failed item waits for the user instead of a retry. */
  maxAttempts: number;
  /** Wait before the first retry, in ms; it doubles with each failed attempt. */
  baseDelayMs: number;
}

/** Outcome the writer stored, which may differ from the worker's proposal. */
export type WriteOutcome = 'matched' | 'not_found' | 'error' | 'conflict' | 'missing';

/**
 * Writes one item result in one transaction. Enrichment fills `thumb_url`,
 * `label` and `api_track_count` only where they are empty, never replaces an
 * id the user set by hand, and never stores an artist id that a differently
 * named artist already holds.
 */
export class ResultWriter {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(db: Database.Database) {
    this.db = db;
    const matched = (table: string, extra: string) =>
      db.prepare(`
        UPDATE ${table} SET
          amazon_id = CASE WHEN amazon_manual = 1 AND amazon_id IS NOT NULL THEN amazon_id ELSE @sourceId END,
          amazon_match_status = 'matched', amazon_last_attempted = @now, amazon_attempts = 0,
          amazon_last_error = NULL, amazon_next_retry_at = NULL ${extra}
        WHERE id = @id`);
    const settled = (table: string) =>
      db.prepare(`
        UPDATE ${table} SET amazon_match_status = @status, amazon_last_attempted = @now,
          amazon_attempts = @attempts, amazon_last_error = @reason, amazon_next_retry_at = @nextRetryAt,
          amazon_id = CASE WHEN amazon_manual = 1 THEN amazon_id ELSE NULL END
        WHERE id = @id`);

    this.statements = {
      matched: {
        artist: matched('artists', ", thumb_url = COALESCE(NULLIF(thumb_url, ''), @imageUrl)"),
        album: matched(
          'albums',
          `, thumb_url = COALESCE(NULLIF(thumb_url, ''), @imageUrl), label = COALESCE(NULLIF(label, ''), @label),
             api_track_count = COALESCE(api_track_count, @trackCount)`,
        ),
        track: matched('tracks', ''),
      },
      settled: { artist: settled('artists'), album: settled('albums'), track: settled('tracks') },
      attempts: {
        artist: db.prepare('SELECT amazon_attempts AS attempts FROM artists WHERE id = ?'),
        album: db.prepare('SELECT amazon_attempts AS attempts FROM albums WHERE id = ?'),
        track: db.prepare('SELECT amazon_attempts AS attempts FROM tracks WHERE id = ?'),
      },
      artistName: db.prepare('SELECT name FROM artists WHERE id = ?'),
      artistHolders: db.prepare('SELECT id, name FROM artists WHERE amazon_id = ? AND id <> ?'),
    };
  }

  write(result: ItemResult, now: number, retry: RetryPolicy): WriteOutcome {
    return this.db.transaction(() => this.writeInTransaction(result, now, retry)).immediate();
  }

  private writeInTransaction(result: ItemResult, now: number, retry: RetryPolicy): WriteOutcome {
    const current = this.statements.attempts[result.entityType].get(result.id) as { attempts: number } | undefined;
    if (!current) return 'missing';

    if (result.status === 'matched' && result.sourceId) {
      const holder = result.entityType === 'artist' ? this.conflictingArtist(result.id, result.sourceId) : null;
      if (holder) {
        const reason = `Amazon id ${result.sourceId} already belongs to the artist "${holder}"`;
        this.settle(result, now, 'not_found', 0, reason, null);
        return 'conflict';
      }

      this.statements.matched[result.entityType].run({
        id: result.id,
        now,
        sourceId: result.sourceId,
        imageUrl: result.imageUrl,
        label: result.label,
        trackCount: result.trackCount,
      });
      return 'matched';
    }

    if (result.status === 'error') {
      const attempts = current.attempts + 1;
      const nextRetryAt = attempts < retry.maxAttempts ? now + retry.baseDelayMs * 2 ** (attempts - 1) : null;
      this.settle(result, now, 'error', attempts, result.reason ?? 'unknown error', nextRetryAt);
      return 'error';
    }

    this.settle(result, now, 'not_found', 0, result.reason, null);
    return 'not_found';
  }

  private settle(
    result: ItemResult,
    now: number,
    status: 'not_found' | 'error',
    attempts: number,
    reason: string | null,
    nextRetryAt: number | null,
  ): void {
    this.statements.settled[result.entityType].run({ id: result.id, now, status, attempts, reason, nextRetryAt });
  }

  /** Returns the name of another artist that has `sourceId` under a different name, if any. */
  private conflictingArtist(artistId: number, sourceId: string): string | null {
    const own = this.statements.artistName.get(artistId) as { name: string } | undefined;
    if (!own) return null;

    const holders = this.statements.artistHolders.all(sourceId, artistId) as { id: number; name: string }[];
    const ownName = comparableName(own.name);
    const other = holders.find((holder) => comparableName(holder.name) !== ownName);
    return other ? other.name : null;
  }
}

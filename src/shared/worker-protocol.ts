import type { EntityType, MatchStatus } from './entities.ts';
import type { CurrentItem, OutageInfo, RateLimitInfo } from './enrichment-state.ts';
import type { AmazonSourceSettings } from './settings.ts';

/** Identifies one library entity across processes. */
export interface ItemKey {
  entityType: EntityType;
  id: number;
}

export interface ArtistQuery {
  entityType: 'artist';
  name: string;
  /** Titles of this artist's albums in the library, to tell same-name artists apart. */
  albumTitles: string[];
  trackTitles: string[];
}

export interface AlbumQuery {
  entityType: 'album';
  title: string;
  /** The album artist; "Various Artists" for compilations. */
  artistName: string | null;
  year: number | null;
  trackTitles: string[];
  /** The artist of each entry of `trackTitles`, in the same order (empty string when unknown). */
  trackArtistNames: string[];
  /** Number of tracks the library holds for this album. */
  trackCount: number;
}

export interface TrackQuery {
  entityType: 'track';
  title: string;
  artistName: string | null;
  albumTitle: string | null;
  albumArtistName: string | null;
  trackNumber: number | null;
  discNumber: number | null;
  durationMs: number | null;
  year: number | null;
}

export type MatchQuery = ArtistQuery | AlbumQuery | TrackQuery;

/** One item main hands to the worker. */
export interface WorkItem extends ItemKey {
  libraryId: number;
  /** Display name: the artist name, album title or track title. */
  name: string;
  /** The id the user set by hand; the worker refreshes through it instead of searching. */
  manualId: string | null;
  /** Reason the item cannot be searched (empty name, no title tag), or null when it can. */
  unsearchableReason: string | null;
  attempts: number;
  query: MatchQuery;
}

/** The worker's decision for one item. Main writes it in one transaction. */
export interface ItemResult extends ItemKey {
  status: MatchStatus;
  sourceId: string | null;
  /** The catalog's name for the matched entity, for the artist conflict gate. */
  catalogName: string | null;
  imageUrl: string | null;
  label: string | null;
  trackCount: number | null;
  /** Reason the item ended `not_found` or `error`. */
  reason: string | null;
}

/** The circuit breaker state that survives a restart. Times are epoch ms (wall clock). */
export interface PersistedBreakerState {
  kind: OutageInfo['kind'];
  sinceMs: number;
  streak: number;
  /** The current wait before the next probe, in ms. */
  delayMs: number;
  nextAttemptAtMs: number;
  lastError: string;
}

export type WorkerPhase = 'starting' | 'running' | 'idle' | 'paused' | 'outage' | 'rate_limited' | 'contract';

export interface WorkerState {
  phase: WorkerPhase;
  outage: OutageInfo | null;
  rateLimit: RateLimitInfo | null;
  currentItem: CurrentItem | null;
  requests: { total: number; byEndpoint: Record<string, number> };
  /** Null when the breaker is closed. */
  breaker: PersistedBreakerState | null;
}

/** Messages main sends to the enrichment worker. */
export type WorkerCommand =
  | {
      type: 'configure';
      settings: AmazonSourceSettings;
      active: boolean;
      breaker: PersistedBreakerState | null;
      /** End of a rate limit stored before a restart, epoch ms; restored by the first configure only. */
      rateLimitedUntilMs?: number | null;
    }
  | { type: 'set-active'; active: boolean }
  | { type: 'item'; requestId: number; item: WorkItem | null }
  | { type: 'ack'; requestId: number }
  | { type: 'wake' }
  | { type: 'check-now' }
  | { type: 'shutdown' };

/** Messages the enrichment worker sends to main. */
export type WorkerEvent =
  | { type: 'ready' }
  | { type: 'request-item'; requestId: number }
  | { type: 'result'; requestId: number; result: ItemResult }
  | { type: 'release'; key: ItemKey; reason: string }
  | { type: 'state'; state: WorkerState }
  | { type: 'log'; record: Record<string, unknown> }
  | { type: 'stopped' };

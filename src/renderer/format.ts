import type { EntityType, MatchStatus } from '../shared/entities.ts';
import type { SourceStateName } from '../shared/enrichment-state.ts';
import type { ItemFilter } from '../shared/ipc-contract.ts';

/** The badge text of each source state. */
export const STATE_LABELS: Record<SourceStateName, string> = {
  disabled: 'Disabled',
  running: 'Running',
  paused: 'Paused',
  idle: 'Idle',
  outage: 'Source unavailable',
  rate_limited: 'Rate limited',
  contract: 'Source changed its format',
  crashed: 'Worker crashed',
};

export const ENTITY_LABELS: Record<EntityType, { one: string; many: string }> = {
  artist: { one: 'Artist', many: 'Artists' },
  album: { one: 'Album', many: 'Albums' },
  track: { one: 'Track', many: 'Tracks' },
};

export const FILTER_LABELS: Record<ItemFilter, string> = {
  all: 'All',
  unmatched: 'Unmatched',
  failed: 'Failed',
  matched: 'Matched',
  not_found: 'Not found',
  pending: 'Pending',
};

/**
 * Returns the status column text. `null` means never attempted, or, for a
 * manual match, that the worker has not refreshed the ASIN yet. With the
 * source turned off, a never attempted item is not waiting for anything, so
 * it does not read "Pending"; the library view explains why in a notice.
 */
export function matchStatusLabel(status: MatchStatus | null, manual = false, sourceEnabled = true): string {
  if (status === 'matched') return manual ? 'Matched (manual)' : 'Matched';
  if (manual && status === null) return sourceEnabled ? 'Manual, refresh pending' : 'Manual, not refreshed';
  if (status === 'not_found') return 'Not found';
  if (status === 'error') return 'Failed';
  return sourceEnabled ? 'Pending' : 'Not enriched';
}

const numberFormat = new Intl.NumberFormat('en');

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** Formats a count with its noun, such as "1 album" or "2,400 albums". */
export function formatQuantity(value: number, one: string, many: string): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}

/** Formats a date and time in the user's locale, such as "4 Dec 2026, 14:05:09". */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Formats a countdown such as "2 min 05 s" or "12 s", and "now" at or below zero. */
export function formatCountdown(milliseconds: number): string {
  if (milliseconds <= 0) return 'now';
  const totalSeconds = Math.ceil(milliseconds / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

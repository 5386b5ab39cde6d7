import type { EntityType, MatchStatus, SourceId } from './entities.ts';
import type { EnrichmentStatus } from './enrichment-state.ts';

/** A library folder and its totals. */
export interface LibrarySummary {
  id: number;
  name: string;
  rootPath: string;
  lastScanAt: string | null;
  totals: { artists: number; albums: number; tracks: number };
}

export const ITEM_FILTERS = ['all', 'unmatched', 'matched', 'not_found', 'failed', 'pending'] as const;
export type ItemFilter = (typeof ITEM_FILTERS)[number];

/** One page request of a library's artists, albums or tracks. */
export interface ItemQuery {
  libraryId: number;
  entityType: EntityType;
  filter: ItemFilter;
  /**
   * Text matched anywhere in the item's name, ignoring case and accents
   * ("cafe" finds "Çafé"); albums also match their artist, tracks their
   * artist and album title. `%`, `_` and `\` match themselves. Empty for all;
   * at most 200 characters.
   */
  search: string;
  offset: number;
  /** Rows per page, 1 to 500. */
  limit: number;
}

export interface ItemRow {
  entityType: EntityType;
  id: number;
  name: string;
  artistName: string | null;
  albumTitle: string | null;
  year: number | null;
  trackNumber: number | null;
  status: MatchStatus | null;
  amazonId: string | null;
  manual: boolean;
}

export interface ItemPage {
  total: number;
  offset: number;
  rows: ItemRow[];
}

/** Everything the detail panel shows about one item. */
export interface ItemDetail extends ItemRow {
  libraryId: number;
  thumbUrl: string | null;
  label: string | null;
  apiTrackCount: number | null;
  lastAttempted: string | null;
  attempts: number;
  lastError: string | null;
  nextRetryAt: string | null;
  path: string | null;
  /** The music.amazon.com page of the matched id, when there is one. */
  amazonUrl: string | null;
}

export interface ScanProgress {
  libraryId: number;
  phase: 'started' | 'scanning' | 'finished' | 'failed';
  filesSeen: number;
  parsed: number;
  filesPerSecond: number;
  /** Plain-words reason when `phase` is `failed`. */
  error: string | null;
}

/** The source settings the Settings screen edits. */
export interface SourceSettingsView {
  source: SourceId;
  enabled: boolean;
  baseUrl: string;
  country: string;
  requestsPerSecond: number;
}

export interface SourceSettingsPatch {
  baseUrl?: string;
  country?: string;
  requestsPerSecond?: number;
}

export interface ConnectionCheck {
  ok: boolean;
  /** The instance's version when it answered, else null. */
  version: string | null;
  /**
   * Plain words for the user: "Connected: Amazon Music is up." or what
   * failed. It does not repeat `version`, so a display shows that next to it.
   */
  message: string;
}

export interface WhatsNew {
  version: string;
  /** True when this version's notes have not been dismissed yet. */
  show: boolean;
  items: string[];
}

/**
 * Every renderer call: its arguments and result. The preload (Electron IPC)
 * and the `liner serve` WebSocket bridge both carry exactly these, and main
 * validates each payload before acting.
 */
export interface LinerCalls {
  getStatus: { args: []; result: EnrichmentStatus };
  getSourceSettings: { args: [source: SourceId]; result: SourceSettingsView };
  updateSourceSettings: { args: [source: SourceId, patch: SourceSettingsPatch]; result: SourceSettingsView };
  setSourceEnabled: { args: [source: SourceId, enabled: boolean]; result: EnrichmentStatus };
  pause: { args: [source: SourceId]; result: EnrichmentStatus };
  resume: { args: [source: SourceId]; result: EnrichmentStatus };
  checkNow: { args: [source: SourceId]; result: EnrichmentStatus };
  pinEntityType: { args: [source: SourceId, entityType: EntityType | null]; result: EnrichmentStatus };
  testConnection: { args: [source: SourceId, baseUrl: string]; result: ConnectionCheck };
  listLibraries: { args: []; result: LibrarySummary[] };
  addLibrary: { args: [folder: string]; result: LibrarySummary };
  rescanLibrary: { args: [libraryId: number]; result: null };
  /**
   * Deletes a library's artists, albums and tracks from the database, never
   * its audio files. Fails while the library is being scanned.
   */
  removeLibrary: { args: [libraryId: number]; result: null };
  listItems: { args: [query: ItemQuery]; result: ItemPage };
  getItem: { args: [entityType: EntityType, id: number]; result: ItemDetail };
  retryItem: { args: [entityType: EntityType, id: number]; result: ItemDetail };
  clearMatch: { args: [entityType: EntityType, id: number]; result: ItemDetail };
  setMatch: { args: [entityType: EntityType, id: number, amazonId: string]; result: ItemDetail };
  getWhatsNew: { args: []; result: WhatsNew };
  dismissWhatsNew: { args: []; result: null };
  openExternal: { args: [url: string]; result: null };
}

export type LinerCallName = keyof LinerCalls;

/** Events main pushes to the renderer. */
export interface LinerEvents {
  status: EnrichmentStatus;
  scanProgress: ScanProgress;
}

export type LinerEventName = keyof LinerEvents;

/** The one object the preload exposes as `window.liner`. */
export type LinerApi = {
  [K in LinerCallName]: (...args: LinerCalls[K]['args']) => Promise<LinerCalls[K]['result']>;
} & {
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends LinerEventName>(event: E, listener: (payload: LinerEvents[E]) => void): () => void;
};

/** Electron IPC channel of each call and event. */
export const callChannel = (name: LinerCallName): string => `liner:call:${name}`;
export const eventChannel = (name: LinerEventName): string => `liner:event:${name}`;

export const LINER_CALL_NAMES: readonly LinerCallName[] = [
  'getStatus',
  'getSourceSettings',
  'updateSourceSettings',
  'setSourceEnabled',
  'pause',
  'resume',
  'checkNow',
  'pinEntityType',
  'testConnection',
  'listLibraries',
  'addLibrary',
  'rescanLibrary',
  'removeLibrary',
  'listItems',
  'getItem',
  'retryItem',
  'clearMatch',
  'setMatch',
  'getWhatsNew',
  'dismissWhatsNew',
  'openExternal',
];

/** Builds `window.liner` over any transport that can invoke a call and subscribe to an event. */
export function createLinerApi(
  invoke: (name: LinerCallName, args: unknown[]) => Promise<unknown>,
  subscribe: (event: LinerEventName, listener: (payload: unknown) => void) => () => void,
): LinerApi {
  const api: Record<string, unknown> = {};
  for (const name of LINER_CALL_NAMES) {
    api[name] = (...args: unknown[]) => invoke(name, args);
  }
  api.on = (event: LinerEventName, listener: (payload: unknown) => void) => subscribe(event, listener);
  return api as LinerApi;
}

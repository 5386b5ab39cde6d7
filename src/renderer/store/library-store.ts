import { create } from 'zustand';

import type { LibrarySummary, ScanProgress } from '../../shared/ipc-contract.ts';
import { errorMessage, linerApi } from '../liner-api.ts';

/** Shortest time between two refreshes of the items and totals while a scan runs, in ms. */
export const SCAN_REFRESH_INTERVAL_MS = 1_000;

interface LibraryState {
  libraries: LibrarySummary[] | null;
  loadError: string | null;
  selectedId: number | null;
  /** The latest scan progress of each library that scanned since the page loaded. */
  scans: Record<number, ScanProgress>;
  /** Bumped while a scan writes and when it ends, so item tables refetch their rows. */
  contentVersion: number;
  /** When a running scan last caused a refresh, in epoch ms. */
  lastScanRefreshAt: number;
  load(): Promise<void>;
  select(id: number): void;
  /** Adds a library folder; resolves to the new library, or to the error message. */
  add(folder: string): Promise<{ library: LibrarySummary } | { error: string }>;
  /** Starts a rescan; resolves to an error message, or null once the scan started. */
  rescan(id: number): Promise<string | null>;
  /**
   * Removes a library from Liner (its rows, never its audio files) and
   * selects the tab after it, else the one before. Resolves to an error
   * message, or null once main removed it.
   */
  remove(id: number): Promise<string | null>;
  applyScan(progress: ScanProgress, now?: number): void;
}

/**
 * Orders libraries by name, then id, like `listLibraries` does. The store
 * sorts every list it keeps, so a tab never moves when a reload follows an add.
 */
export function sortLibraries(libraries: readonly LibrarySummary[]): LibrarySummary[] {
  return [...libraries].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id - b.id);
}

export const useLibraryStore = create<LibraryState>()((set, get) => ({
  libraries: null,
  loadError: null,
  selectedId: null,
  scans: {},
  contentVersion: 0,
  lastScanRefreshAt: 0,

  async load() {
    try {
      const libraries = sortLibraries(await linerApi().listLibraries());
      const selectedId = get().selectedId;
      const keep = libraries.some((library) => library.id === selectedId);
      set({ libraries, loadError: null, selectedId: keep ? selectedId : (libraries[0]?.id ?? null) });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },

  select(id) {
    set({ selectedId: id });
  },

  async add(folder) {
    try {
      const library = await linerApi().addLibrary(folder);
      set((state) => ({ libraries: sortLibraries([...(state.libraries ?? []).filter((l) => l.id !== library.id), library]), selectedId: library.id }));
      return { library };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  },

  async rescan(id) {
    try {
      await linerApi().rescanLibrary(id);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async remove(id) {
    try {
      await linerApi().removeLibrary(id);
    } catch (error) {
      return errorMessage(error);
    }

    set((state) => {
      const libraries = state.libraries ?? [];
      const index = libraries.findIndex((library) => library.id === id);
      const rest = libraries.filter((library) => library.id !== id);
      const neighbour = rest[Math.min(Math.max(0, index), rest.length - 1)];
      const scans = { ...state.scans };
      delete scans[id];
      const selectedId = state.selectedId === id ? (neighbour?.id ?? null) : state.selectedId;
      return { libraries: rest, scans, selectedId };
    });
    return null;
  },

  applyScan(progress, now = Date.now()) {
    set((state) => ({ scans: { ...state.scans, [progress.libraryId]: progress } }));

    const ended = progress.phase === 'finished' || progress.phase === 'failed';
    // The scan writes each batch as it goes, so rows and totals can show before it ends.
    const due = progress.phase === 'scanning' && now - get().lastScanRefreshAt >= SCAN_REFRESH_INTERVAL_MS;
    if (!ended && !due) return;

    set((state) => ({ contentVersion: state.contentVersion + 1, lastScanRefreshAt: now }));
    void get().load();
  },
}));

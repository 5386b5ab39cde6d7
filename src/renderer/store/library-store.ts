import { create } from 'zustand';

import type { LibrarySummary, ScanProgress } from '../../shared/ipc-contract.ts';
import { errorMessage, linerApi } from '../liner-api.ts';

interface LibraryState {
  libraries: LibrarySummary[] | null;
  loadError: string | null;
  selectedId: number | null;
  /** The latest scan progress of each library that scanned since the page loaded. */
  scans: Record<number, ScanProgress>;
  /** Bumped when a scan finishes, so item tables refetch their rows. */
  contentVersion: number;
  load(): Promise<void>;
  select(id: number): void;
  /** Adds a library folder; resolves to an error message, or null on success. */
  add(folder: string): Promise<string | null>;
  /** Starts a rescan; resolves to an error message, or null once the scan started. */
  rescan(id: number): Promise<string | null>;
  applyScan(progress: ScanProgress): void;
}

export const useLibraryStore = create<LibraryState>()((set, get) => ({
  libraries: null,
  loadError: null,
  selectedId: null,
  scans: {},
  contentVersion: 0,

  async load() {
    try {
      const libraries = await linerApi().listLibraries();
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
      set((state) => ({ libraries: [...(state.libraries ?? []).filter((l) => l.id !== library.id), library], selectedId: library.id }));
      return null;
    } catch (error) {
      return errorMessage(error);
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

  applyScan(progress) {
    set((state) => ({ scans: { ...state.scans, [progress.libraryId]: progress } }));
    if (progress.phase === 'finished' || progress.phase === 'failed') {
      set((state) => ({ contentVersion: state.contentVersion + 1 }));
      void get().load();
    }
  },
}));

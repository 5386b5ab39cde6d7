/**
 * The library store without a page: `window.liner` is missing, so each
 * reload it starts fails into `loadError`, which these tests do not read.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import type { LibrarySummary, ScanProgress } from '../../src/shared/ipc-contract.ts';
import { SCAN_REFRESH_INTERVAL_MS, sortLibraries, useLibraryStore } from '../../src/renderer/store/library-store.ts';

function scanEvent(phase: ScanProgress['phase']): ScanProgress {
  return { libraryId: 1, phase, filesSeen: 10, parsed: 10, filesPerSecond: 5, error: null };
}

function library(id: number, name: string): LibrarySummary {
  return { id, name, rootPath: `/music/${name}`, lastScanAt: null, totals: { artists: 0, albums: 0, tracks: 0 } };
}

beforeEach(() => {
  useLibraryStore.setState({ contentVersion: 0, lastScanRefreshAt: 0, scans: {} });
});

describe('applyScan', () => {
  const start = 1_000_000;

  it('refreshes on the first scanning event', () => {
    useLibraryStore.getState().applyScan(scanEvent('scanning'), start);

    expect(useLibraryStore.getState().contentVersion).toBe(1);
  });

  it('skips events inside the interval', () => {
    useLibraryStore.getState().applyScan(scanEvent('scanning'), start);
    useLibraryStore.getState().applyScan(scanEvent('scanning'), start + SCAN_REFRESH_INTERVAL_MS - 1);

    expect(useLibraryStore.getState().contentVersion).toBe(1);
  });

  it('refreshes again after the interval', () => {
    useLibraryStore.getState().applyScan(scanEvent('scanning'), start);
    useLibraryStore.getState().applyScan(scanEvent('scanning'), start + SCAN_REFRESH_INTERVAL_MS);

    expect(useLibraryStore.getState().contentVersion).toBe(2);
  });

  it('always refreshes when the scan ends', () => {
    useLibraryStore.getState().applyScan(scanEvent('scanning'), start);
    useLibraryStore.getState().applyScan(scanEvent('finished'), start + 1);

    expect(useLibraryStore.getState().contentVersion).toBe(2);
  });

  it('keeps the latest progress', () => {
    useLibraryStore.getState().applyScan(scanEvent('finished'), start);

    expect(useLibraryStore.getState().scans[1]?.phase).toBe('finished');
  });
});

describe('sortLibraries', () => {
  it('orders by name ignoring case, then id', () => {
    const sorted = sortLibraries([library(3, 'b'), library(2, 'A'), library(1, 'a'), library(4, 'C')]);

    expect(sorted.map((entry) => entry.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('remove', () => {
  it('keeps the library when the call fails', async () => {
    useLibraryStore.setState({ libraries: [library(1, 'a'), library(2, 'b')], selectedId: 1 });

    const failure = await useLibraryStore.getState().remove(1);

    expect(failure).not.toBeNull();
    expect(useLibraryStore.getState().libraries?.map((entry) => entry.id)).toEqual([1, 2]);
  });
});

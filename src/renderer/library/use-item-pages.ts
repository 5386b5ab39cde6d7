import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';

import type { EntityType } from '../../shared/entities.ts';
import type { ItemFilter } from '../../shared/ipc-contract.ts';
import { linerApi } from '../liner-api.ts';
import { ItemPageCache } from './item-page-cache.ts';

/** Rows per `listItems` call; the contract allows up to 500. */
export const PAGE_SIZE = 200;

/** Shortest time between two refreshes caused by enrichment progress, in milliseconds. */
const PROGRESS_REFRESH_MS = 2_000;

export interface ItemQueryKey {
  libraryId: number;
  entityType: EntityType;
  filter: ItemFilter;
  search: string;
}

/**
 * Returns the page cache of one query; a new query starts a new cache. A
 * change of `refreshToken` refetches the cached pages at most once per
 * `PROGRESS_REFRESH_MS`, and a change of `immediateToken` refetches them at once.
 */
export function useItemPages(query: ItemQueryKey, refreshToken: number, immediateToken: number): ItemPageCache {
  const { libraryId, entityType, filter, search } = query;
  const cache = useMemo(
    () => new ItemPageCache({ pageSize: PAGE_SIZE, fetchPage: (offset, limit) => linerApi().listItems({ libraryId, entityType, filter, search, offset, limit }) }),
    [libraryId, entityType, filter, search],
  );
  // An abandoned cache needs no disposal: its listener goes with the subscription.
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  useThrottledRefresh(cache, refreshToken, PROGRESS_REFRESH_MS);
  useThrottledRefresh(cache, immediateToken, 0);

  return cache;
}

function useThrottledRefresh(cache: ItemPageCache, token: number, intervalMs: number): void {
  const lastRefresh = useRef(0);
  const seen = useRef({ cache, token });

  useEffect(() => {
    if (seen.current.cache !== cache) {
      seen.current = { cache, token };
      return undefined;
    }
    if (seen.current.token === token) return undefined;
    seen.current.token = token;

    const wait = Math.max(0, lastRefresh.current + intervalMs - Date.now());
    const timer = setTimeout(() => {
      lastRefresh.current = Date.now();
      cache.refresh();
    }, wait);
    return () => clearTimeout(timer);
  }, [cache, token, intervalMs]);
}

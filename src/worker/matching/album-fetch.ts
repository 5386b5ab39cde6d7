import { isSourceError } from '../../shared/source-errors.ts';
import type { CatalogAlbum } from '../sources/types.ts';
import type { CatalogLookup } from './types.ts';

/**
 * Fetches an album, or `null` when the source has no such album (a candidate
 * that vanished). Every other source error (outage, rate limit, contract,
 * item error) propagates untouched so the enrichment loop can classify it.
 */
export async function fetchAlbumIfExists(lookup: CatalogLookup, albumId: string): Promise<CatalogAlbum | null> {
  try {
    return await lookup.getAlbum(albumId);
  } catch (error) {
    if (isSourceError(error) && error.kind === 'not_found') return null;
    throw error;
  }
}

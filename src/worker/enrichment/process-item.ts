import type { ItemResult, WorkItem } from '../../shared/worker-protocol.ts';
import { matchEntity } from '../matching/index.ts';
import type { CatalogLookup } from './cached-lookup.ts';

function result(item: WorkItem, fields: Partial<ItemResult> & Pick<ItemResult, 'status'>): ItemResult {
  return {
    entityType: item.entityType,
    id: item.id,
    sourceId: null,
    catalogName: null,
    imageUrl: null,
    label: null,
    trackCount: null,
    reason: null,
    ...fields,
  };
}

/**
 * Decides one item. Source errors (`SourceError`) propagate to the loop,
 * which separates whole-source failures from per-item ones.
 */
export async function processItem(item: WorkItem, lookup: CatalogLookup): Promise<ItemResult> {
  if (item.unsearchableReason) {
    return result(item, { status: 'not_found', reason: `cannot be searched: ${item.unsearchableReason}` });
  }
  if (item.manualId) return refreshManualMatch(item, item.manualId, lookup);

  const decision = await matchEntity(item.query, lookup);
  if (decision.status !== 'matched') return result(item, { status: 'not_found', reason: decision.reason });

  return result(item, {
    status: 'matched',
    sourceId: decision.id,
    catalogName: decision.name,
    imageUrl: decision.imageUrl,
    label: item.entityType === 'album' ? decision.label : null,
    trackCount: item.entityType === 'album' ? decision.trackCount : null,
  });
}

/**
 * Refreshes an id the user set by hand instead of searching. Albums and
 * tracks read the album metadata through the id (a track ASIN resolves to its
 * album); artists have no catalog endpoint of their own, so their id is kept
 * as it is.
 */
async function refreshManualMatch(item: WorkItem, manualId: string, lookup: CatalogLookup): Promise<ItemResult> {
  if (item.entityType === 'artist') return result(item, { status: 'matched', sourceId: manualId });

  const album = await lookup.getAlbum(manualId);
  if (item.entityType === 'track') return result(item, { status: 'matched', sourceId: manualId });

  return result(item, {
    status: 'matched',
    sourceId: manualId,
    catalogName: album.title,
    imageUrl: album.imageUrl,
    label: album.label,
    trackCount: album.trackCount,
  });
}

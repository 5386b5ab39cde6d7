import { useEffect, useState } from 'react';

import { isCatalogImageUrl } from '../../shared/content-security-policy.ts';
import type { EntityType } from '../../shared/entities.ts';
import type { ItemDetail } from '../../shared/ipc-contract.ts';
import { ENTITY_LABELS, formatDateTime, matchStatusLabel } from '../format.ts';
import { errorMessage, linerApi } from '../liner-api.ts';
import { useOnline } from '../store/connection-store.ts';
import { ManualMatchForm } from './ManualMatchForm.tsx';

interface ItemDetailPanelProps {
  entityType: EntityType;
  id: number;
  /** Bumped by the caller when the item may have changed, such as after enrichment progress. */
  version: number;
  /** False while Amazon enrichment is off, so an unattempted item is not "Pending". */
  sourceEnabled: boolean;
  /** Called after retry, clear or a manual match changed the item. */
  onChanged(): void;
  onClose(): void;
}

/** Shows everything about one item, with retry, clear and manual match. Escape closes it. */
export function ItemDetailPanel({ entityType, id, version, sourceEnabled, onChanged, onClose }: ItemDetailPanelProps) {
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const online = useOnline();
  const locked = busy || !online;

  useEffect(() => {
    setDetail(null);
    setActionError(null);
  }, [entityType, id]);

  useEffect(() => {
    let current = true;
    linerApi()
      .getItem(entityType, id)
      .then((item) => {
        if (!current) return;
        setDetail(item);
        setLoadError(null);
      })
      .catch((error: unknown) => {
        if (current) setLoadError(errorMessage(error));
      });
    return () => {
      current = false;
    };
  }, [entityType, id, version]);

  const run = async (action: () => Promise<ItemDetail>, rethrow = false) => {
    setBusy(true);
    setActionError(null);
    try {
      setDetail(await action());
      onChanged();
    } catch (error) {
      if (rethrow) throw error;
      setActionError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside
      className="detail-panel"
      aria-labelledby="detail-title"
      data-testid="detail-panel"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <header className="detail-head">
        <h3 id="detail-title" title={detail?.name}>
          {detail ? detail.name : ENTITY_LABELS[entityType].one}
        </h3>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the detail panel" aria-keyshortcuts="Escape">
          ×
        </button>
      </header>
      {loadError && (
        <p className="error" role="alert">
          Could not load this {entityType}: {loadError}
        </p>
      )}
      {!detail && !loadError && <p className="loading">Loading…</p>}
      {detail && (
        <>
          <DetailFields detail={detail} sourceEnabled={sourceEnabled} onError={setActionError} />
          <div className="detail-actions">
            <button type="button" disabled={locked} onClick={() => void run(() => linerApi().retryItem(entityType, id))}>
              Retry now
            </button>
            <button type="button" disabled={locked || (detail.status === null && detail.amazonId === null)} onClick={() => void run(() => linerApi().clearMatch(entityType, id))}>
              Clear match
            </button>
          </div>
          {actionError && (
            <p className="error" role="alert">
              {actionError}
            </p>
          )}
          <ManualMatchForm entityType={entityType} current={detail.amazonId} busy={locked} onSubmit={(asin) => run(() => linerApi().setMatch(entityType, id, asin), true)} />
        </>
      )}
    </aside>
  );
}

/** Shows the cover image, or a placeholder when there is none or it fails to load. */
function Cover({ url, alt }: { url: string | null; alt: string }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (!url || failedUrl === url) return <div className="cover cover-missing">No cover</div>;
  return <img className="cover" src={url} alt={alt} width={160} height={160} referrerPolicy="no-referrer" onError={() => setFailedUrl(url)} />;
}

interface DetailFieldsProps {
  detail: ItemDetail;
  sourceEnabled: boolean;
  onError(message: string): void;
}

/**
 * True when label, track count or cover may have come from an earlier match.
 * Main fills those fields only where they are empty and keeps them when a
 * match is cleared or replaced, because it cannot tell them from the user's
 * own data.
 */
function mayBeFromEarlierMatch(detail: ItemDetail): boolean {
  const hasFilledData = detail.label !== null || detail.apiTrackCount !== null || detail.thumbUrl !== null;
  const currentMatch = detail.status === 'matched' && !detail.manual;
  return hasFilledData && !currentMatch;
}

function DetailFields({ detail, sourceEnabled, onError }: DetailFieldsProps) {
  const cover = detail.thumbUrl && isCatalogImageUrl(detail.thumbUrl) ? detail.thumbUrl : null;
  const amazonUrl = detail.amazonId ? detail.amazonUrl : null;

  return (
    <>
      <h4 className="detail-section">Match</h4>
      <dl className="detail-fields">
        <dt>Match status</dt>
        <dd data-testid="detail-status">{matchStatusLabel(detail.status, detail.manual, sourceEnabled)}</dd>
        <dt>ASIN</dt>
        <dd data-testid="detail-asin">{detail.amazonId ?? '—'}</dd>
        <dt>Last attempt</dt>
        <dd>
          {formatDateTime(detail.lastAttempted)}
          {detail.attempts > 0 ? ` (${detail.attempts} ${detail.attempts === 1 ? 'attempt' : 'attempts'})` : ''}
        </dd>
        {detail.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="error-text">{detail.lastError}</dd>
          </>
        )}
        {detail.nextRetryAt && (
          <>
            <dt>Next retry</dt>
            <dd>{formatDateTime(detail.nextRetryAt)}</dd>
          </>
        )}
      </dl>
      {amazonUrl && (
        <button type="button" className="link-button" onClick={() => void linerApi().openExternal(amazonUrl).catch((error: unknown) => onError(errorMessage(error)))}>
          Open in Amazon Music
        </button>
      )}

      <h4 className="detail-section">Library data</h4>
      {mayBeFromEarlierMatch(detail) && (
        <p className="hint" data-testid="earlier-match-note">
          {detail.amazonId === null
            ? 'Label, track count and cover come from an earlier match or from your files. Clearing a match does not remove them.'
            : 'Label, track count and cover may come from an earlier match, not from the ASIN above: a match fills in only empty fields.'}
        </p>
      )}
      <Cover url={cover} alt={`Cover of ${detail.albumTitle ?? detail.name}`} />
      <dl className="detail-fields">
        {detail.artistName !== null && detail.entityType !== 'artist' && (
          <>
            <dt>Artist</dt>
            <dd>{detail.artistName}</dd>
          </>
        )}
        {detail.albumTitle !== null && detail.entityType === 'track' && (
          <>
            <dt>Album</dt>
            <dd>{detail.albumTitle}</dd>
          </>
        )}
        {detail.year !== null && (
          <>
            <dt>Year</dt>
            <dd>{detail.year}</dd>
          </>
        )}
        <dt>Label</dt>
        <dd data-testid="detail-label">{detail.label ?? '—'}</dd>
        {detail.apiTrackCount !== null && (
          <>
            <dt>Track count</dt>
            <dd>{detail.apiTrackCount}</dd>
          </>
        )}
        {detail.path && (
          <>
            <dt>File</dt>
            <dd className="path">{detail.path}</dd>
          </>
        )}
      </dl>
    </>
  );
}

import { useShallow } from 'zustand/react/shallow';

import type { SourceId } from '../../shared/entities.ts';
import { useNow } from '../components/use-now.ts';
import { ENTITY_LABELS } from '../format.ts';
import { useOnline } from '../store/connection-store.ts';
import { selectSource, useStatusStore } from '../store/status-store.ts';
import { chooseBanner } from './banner-choice.ts';
import { EntityProgressBar } from './EntityProgressBar.tsx';
import { OutageBanner, RateLimitBanner } from './OutageBanner.tsx';
import { PinControl } from './PinControl.tsx';
import { RequestsChart } from './RequestsChart.tsx';
import { StatusBadge } from './StatusBadge.tsx';

interface EnrichmentPanelProps {
  source: SourceId;
  onOpenSettings(): void;
  onOpenLibrary(): void;
}

/** Shows one source's enrichment: state, outage, progress per entity type, request rate and controls. */
export function EnrichmentPanel({ source, onOpenSettings, onOpenLibrary }: EnrichmentPanelProps) {
  const select = selectSource(source);
  const head = useStatusStore(
    useShallow((state) => {
      const status = select(state);
      return {
        loaded: status !== null,
        state: status?.state,
        enabled: status?.enabled,
        paused: status?.paused,
        pausedBy: status?.pausedBy ?? null,
        problem: status?.problem ?? null,
        pinned: status?.pinnedEntityType ?? null,
      };
    }),
  );
  const loadError = useStatusStore((state) => state.loadError);
  const online = useOnline();

  if (!head.loaded || head.state === undefined) {
    return <section className="panel">{loadError ? <p className="error" role="alert">Could not load the enrichment status: {loadError}</p> : <p className="loading">Loading the enrichment status…</p>}</section>;
  }

  return (
    <section className="panel enrichment-panel" aria-labelledby="enrichment-title">
      <header className="panel-head">
        <h2 id="enrichment-title">Amazon Music enrichment</h2>
        <StatusBadge state={head.state} pausedBy={head.pausedBy} stale={!online} />
      </header>

      {!head.enabled ? (
        <div className="empty">
          <p>Enrichment with Amazon Music is off. Turn it on in Settings to fill in ASINs, covers and labels.</p>
          <button type="button" onClick={onOpenSettings}>
            Open Settings
          </button>
        </div>
      ) : (
        <EnabledSource source={source} paused={Boolean(head.paused)} pausedBy={head.pausedBy} pinned={head.pinned} onOpenLibrary={onOpenLibrary} />
      )}

      {head.problem && (
        <p className="error" role="alert">
          {head.problem}
        </p>
      )}
    </section>
  );
}

interface EnabledSourceProps {
  source: SourceId;
  paused: boolean;
  pausedBy: 'user' | 'scan' | null;
  pinned: Parameters<typeof PinControl>[0]['pinned'];
  onOpenLibrary(): void;
}

/** A stable empty list, because a selector that returns a new array each call re-renders forever. */
const NO_REQUESTS: number[] = [];

function EnabledSource({ source, paused, pausedBy, pinned, onOpenLibrary }: EnabledSourceProps) {
  const select = selectSource(source);
  const state = useStatusStore((store) => select(store)?.state ?? 'disabled');
  const outage = useStatusStore((store) => select(store)?.outage ?? null);
  const rateLimit = useStatusStore((store) => select(store)?.rateLimit ?? null);
  const currentItem = useStatusStore((store) => select(store)?.currentItem ?? null);
  const progress = useStatusStore((store) => select(store)?.progress);
  const perMinute = useStatusStore((store) => select(store)?.requests.perMinute ?? NO_REQUESTS);
  const busyAction = useStatusStore((store) => store.busyAction);
  const actionError = useStatusStore((store) => (store.actionError?.action === 'enable' ? null : (store.actionError?.message ?? null)));
  const { pause, resume, checkNow, pin } = useStatusStore.getState();
  const online = useOnline();
  const now = useNow(rateLimit !== null);
  const banner = chooseBanner({ state, outage, rateLimit }, now);
  const empty = progress !== undefined && progress.artists.total + progress.albums.total + progress.tracks.total === 0;

  return (
    <>
      {banner === 'outage' && outage && <OutageBanner outage={outage} checking={busyAction === 'checkNow'} online={online} onCheckNow={() => void checkNow(source)} />}
      {banner === 'rate_limited' && rateLimit && <RateLimitBanner rateLimit={rateLimit} />}

      <div className="controls">
        {paused && pausedBy === 'user' ? (
          <button type="button" className="primary" onClick={() => void resume(source)} disabled={busyAction !== null || !online}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={() => void pause(source)} disabled={busyAction !== null || !online}>
            Pause
          </button>
        )}
        {/* Not a live region: the item changes several times a second while the queue runs. */}
        <p className="current-item" data-testid="current-item">
          {currentItem ? (
            <>
              Matching {ENTITY_LABELS[currentItem.entityType].one.toLowerCase()} <q>{currentItem.name}</q>
            </>
          ) : (
            'No item in progress'
          )}
        </p>
      </div>
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}

      {empty ? (
        <div className="empty no-items-hint" data-testid="no-items-hint">
          <p>Nothing to enrich yet. Add a music folder in Library, and Liner matches its artists, albums and tracks.</p>
          <button type="button" onClick={onOpenLibrary}>
            Open Library
          </button>
        </div>
      ) : (
        progress && (
          <div className="progress-grid">
            <EntityProgressBar label="Artists" progress={progress.artists} />
            <EntityProgressBar label="Albums" progress={progress.albums} />
            <EntityProgressBar label="Tracks" progress={progress.tracks} />
          </div>
        )
      )}

      <div className="panel-foot">
        <RequestsChart perMinute={perMinute} />
        <PinControl pinned={pinned} disabled={busyAction !== null || !online} onPin={(entityType) => void pin(source, entityType)} />
      </div>
    </>
  );
}

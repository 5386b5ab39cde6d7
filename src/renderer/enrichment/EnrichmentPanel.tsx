import { useShallow } from 'zustand/react/shallow';

import type { SourceId } from '../../shared/entities.ts';
import { ENTITY_LABELS } from '../format.ts';
import { selectSource, useStatusStore } from '../store/status-store.ts';
import { EntityProgressBar } from './EntityProgressBar.tsx';
import { OutageBanner, RateLimitBanner } from './OutageBanner.tsx';
import { PinControl } from './PinControl.tsx';
import { RequestsChart } from './RequestsChart.tsx';
import { StatusBadge } from './StatusBadge.tsx';

interface EnrichmentPanelProps {
  source: SourceId;
  onOpenSettings(): void;
}

/** Shows one source's enrichment: state, outage, progress per entity type, request rate and controls. */
export function EnrichmentPanel({ source, onOpenSettings }: EnrichmentPanelProps) {
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

  if (!head.loaded || head.state === undefined) {
    return <section className="panel">{loadError ? <p className="error" role="alert">Could not load the enrichment status: {loadError}</p> : <p className="loading">Loading the enrichment status…</p>}</section>;
  }

  return (
    <section className="panel enrichment-panel" aria-labelledby="enrichment-title">
      <header className="panel-head">
        <h2 id="enrichment-title">Amazon Music enrichment</h2>
        <StatusBadge state={head.state} pausedBy={head.pausedBy} />
      </header>

      {!head.enabled ? (
        <div className="empty">
          <p>Enrichment with Amazon Music is off. Turn it on in Settings to fill in ASINs, covers and labels.</p>
          <button type="button" onClick={onOpenSettings}>
            Open Settings
          </button>
        </div>
      ) : (
        <EnabledSource source={source} paused={Boolean(head.paused)} pausedBy={head.pausedBy} pinned={head.pinned} />
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
}

/** A stable empty list, because a selector that returns a new array each call re-renders forever. */
const NO_REQUESTS: number[] = [];

function EnabledSource({ source, paused, pausedBy, pinned }: EnabledSourceProps) {
  const select = selectSource(source);
  const outage = useStatusStore((state) => select(state)?.outage ?? null);
  const rateLimit = useStatusStore((state) => select(state)?.rateLimit ?? null);
  const currentItem = useStatusStore((state) => select(state)?.currentItem ?? null);
  const progress = useStatusStore((state) => select(state)?.progress);
  const perMinute = useStatusStore((state) => select(state)?.requests.perMinute ?? NO_REQUESTS);
  const busyAction = useStatusStore((state) => state.busyAction);
  const actionError = useStatusStore((state) => (state.actionError?.action === 'enable' ? null : (state.actionError?.message ?? null)));
  const { pause, resume, checkNow, pin } = useStatusStore.getState();

  return (
    <>
      {outage && <OutageBanner outage={outage} checking={busyAction === 'checkNow'} onCheckNow={() => void checkNow(source)} />}
      {rateLimit && <RateLimitBanner rateLimit={rateLimit} />}

      <div className="controls">
        {paused && pausedBy === 'user' ? (
          <button type="button" className="primary" onClick={() => void resume(source)} disabled={busyAction !== null}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={() => void pause(source)} disabled={busyAction !== null}>
            Pause
          </button>
        )}
        <p className="current-item" aria-live="polite">
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

      {progress && (
        <div className="progress-grid">
          <EntityProgressBar label="Artists" progress={progress.artists} />
          <EntityProgressBar label="Albums" progress={progress.albums} />
          <EntityProgressBar label="Tracks" progress={progress.tracks} />
        </div>
      )}

      <div className="panel-foot">
        <RequestsChart perMinute={perMinute} />
        <PinControl pinned={pinned} disabled={busyAction !== null} onPin={(entityType) => void pin(source, entityType)} />
      </div>
    </>
  );
}

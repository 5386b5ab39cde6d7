import { memo } from 'react';

import type { EntityProgress } from '../../shared/enrichment-state.ts';
import { formatCount } from '../format.ts';

interface EntityProgressBarProps {
  label: string;
  progress: EntityProgress;
}

const SEGMENTS = [
  { key: 'matched', label: 'matched' },
  { key: 'notFound', label: 'not found' },
  { key: 'error', label: 'failed' },
] as const;

function percent(part: number, total: number): string {
  return total > 0 ? `${(100 * part) / total}%` : '0%';
}

/** A stacked bar of matched, not found and failed items out of the total; the rest is pending. */
export const EntityProgressBar = memo(function EntityProgressBar({ label, progress }: EntityProgressBarProps) {
  const done = progress.matched + progress.notFound + progress.error;
  const summary = SEGMENTS.map((segment) => `${formatCount(progress[segment.key])} ${segment.label}`).join(', ');

  return (
    <div className="entity-progress" data-entity={label.toLowerCase()}>
      <div className="entity-progress-head">
        <span className="entity-progress-label">{label}</span>
        <span className="entity-progress-total">
          {formatCount(done)} of {formatCount(progress.total)} attempted
        </span>
      </div>
      <div
        className="stacked-bar"
        role="progressbar"
        aria-label={`${label}: ${summary}, ${formatCount(progress.pending)} pending of ${formatCount(progress.total)}`}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={done}
      >
        {SEGMENTS.map((segment) => (
          <span key={segment.key} className={`segment segment-${segment.key}`} style={{ width: percent(progress[segment.key], progress.total) }} />
        ))}
      </div>
      <p className="entity-progress-legend">
        <span className="legend legend-matched">{formatCount(progress.matched)} matched</span>
        <span className="legend legend-notFound">{formatCount(progress.notFound)} not found</span>
        <span className="legend legend-error">{formatCount(progress.error)} failed</span>
        <span className="legend legend-pending">{formatCount(progress.pending)} pending</span>
      </p>
    </div>
  );
}, sameProgress);

function sameProgress(before: EntityProgressBarProps, after: EntityProgressBarProps): boolean {
  const a = before.progress;
  const b = after.progress;
  return (
    before.label === after.label &&
    a.total === b.total &&
    a.matched === b.matched &&
    a.notFound === b.notFound &&
    a.error === b.error &&
    a.pending === b.pending
  );
}

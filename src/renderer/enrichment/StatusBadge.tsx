import type { SourceStateName } from '../../shared/enrichment-state.ts';
import { STATE_LABELS } from '../format.ts';

interface StatusBadgeProps {
  state: SourceStateName;
  pausedBy: 'user' | 'scan' | null;
  /** True while the page cannot reach main, so the state may be out of date; the badge turns grey. */
  stale?: boolean;
}

/** Renders the source state as a coloured label with text, so colour is not the only cue. */
export function StatusBadge({ state, pausedBy, stale = false }: StatusBadgeProps) {
  const suffix = state === 'paused' && pausedBy === 'scan' ? ' (during scan)' : '';
  return (
    <span className={`badge badge-${state}${stale ? ' badge-stale' : ''}`} data-state={state} data-stale={stale ? 'true' : undefined}>
      {STATE_LABELS[state]}
      {suffix}
    </span>
  );
}

import type { SourceStateName } from '../../shared/enrichment-state.ts';
import { STATE_LABELS } from '../format.ts';

interface StatusBadgeProps {
  state: SourceStateName;
  pausedBy: 'user' | 'scan' | null;
}

/** Renders the source state as a coloured label with text, so colour is not the only cue. */
export function StatusBadge({ state, pausedBy }: StatusBadgeProps) {
  const suffix = state === 'paused' && pausedBy === 'scan' ? ' (during scan)' : '';
  return (
    <span className={`badge badge-${state}`} data-state={state}>
      {STATE_LABELS[state]}
      {suffix}
    </span>
  );
}

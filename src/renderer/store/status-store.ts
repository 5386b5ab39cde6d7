import { create } from 'zustand';

import type { EntityType, SourceId } from '../../shared/entities.ts';
import type { EnrichmentStatus, SourceStatus } from '../../shared/enrichment-state.ts';
import { errorMessage, linerApi } from '../liner-api.ts';

interface StatusState {
  status: EnrichmentStatus | null;
  /** The message of the failed first `getStatus`; null once a status arrived. */
  loadError: string | null;
  /** The last failed action (enable, pause, resume, checkNow, pin) and its message. */
  actionError: { action: string; message: string } | null;
  /** The action whose call is in flight, so its button can show it. */
  busyAction: string | null;
  load(): Promise<void>;
  apply(status: EnrichmentStatus): void;
  setEnabled(source: SourceId, enabled: boolean): Promise<void>;
  pause(source: SourceId): Promise<void>;
  resume(source: SourceId): Promise<void>;
  checkNow(source: SourceId): Promise<void>;
  pin(source: SourceId, entityType: EntityType | null): Promise<void>;
}

/** Stores the enrichment status, fed by `getStatus`, by each action's result and by `status` events. */
export const useStatusStore = create<StatusState>()((set, get) => {
  async function act(name: string, call: () => Promise<EnrichmentStatus>): Promise<void> {
    set({ busyAction: name, actionError: null });
    try {
      get().apply(await call());
    } catch (error) {
      set({ actionError: { action: name, message: errorMessage(error) } });
    } finally {
      set({ busyAction: null });
    }
  }

  return {
    status: null,
    loadError: null,
    actionError: null,
    busyAction: null,

    async load() {
      try {
        get().apply(await linerApi().getStatus());
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    },
    apply(status) {
      set({ status, loadError: null });
    },
    setEnabled: (source, enabled) => act('enable', () => linerApi().setSourceEnabled(source, enabled)),
    pause: (source) => act('pause', () => linerApi().pause(source)),
    resume: (source) => act('resume', () => linerApi().resume(source)),
    checkNow: (source) => act('checkNow', () => linerApi().checkNow(source)),
    pin: (source, entityType) => act('pin', () => linerApi().pinEntityType(source, entityType)),
  };
});

/** Selects one source's status; components pass a selector over it to re-render only on what they show. */
export function selectSource(source: SourceId): (state: StatusState) => SourceStatus | null {
  return (state) => state.status?.sources[source] ?? null;
}

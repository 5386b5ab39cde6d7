import { create } from 'zustand';

import { CONNECTION_EVENT, lastConnectionState, type ConnectionState } from '../bridge/ws-bridge.ts';

interface ConnectionStoreState {
  /** The desktop preload never fires the bridge's event, so there it stays `connected`. */
  connection: ConnectionState;
  set(connection: ConnectionState): void;
}

export const useConnectionStore = create<ConnectionStoreState>()((set) => ({
  connection: { kind: 'connected' },
  set(connection) {
    set({ connection });
  },
}));

/**
 * Feeds the store from the bridge's window event and calls `onReconnect`
 * each time the connection comes back after a drop. Returns the function
 * that stops listening.
 */
export function followConnection(onReconnect: () => void): () => void {
  const listener = (event: Event) => {
    const next = (event as CustomEvent<ConnectionState>).detail;
    const wasConnected = useConnectionStore.getState().connection.kind === 'connected';
    useConnectionStore.getState().set(next);
    if (next.kind === 'connected' && !wasConnected) onReconnect();
  };
  // The socket may have dropped before the page subscribed.
  useConnectionStore.getState().set(lastConnectionState());
  window.addEventListener(CONNECTION_EVENT, listener);
  return () => window.removeEventListener(CONNECTION_EVENT, listener);
}

/** True while calls can reach main; controls that change state are disabled otherwise. */
export function useOnline(): boolean {
  return useConnectionStore((state) => state.connection.kind === 'connected');
}

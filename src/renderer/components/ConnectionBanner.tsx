import { useEffect, useRef, useState } from 'react';

import { CONNECTION_EVENT } from '../bridge/ws-bridge.ts';
import { useLibraryStore } from '../store/library-store.ts';

/**
 * Shows a banner while the `liner serve` bridge is disconnected, and reloads
 * the libraries when it reconnects; the server pushes the status itself. The
 * desktop preload fires no such event, so there it never shows.
 */
export function ConnectionBanner() {
  const [connected, setConnected] = useState(true);
  const wasDisconnected = useRef(false);

  useEffect(() => {
    const onChange = (event: Event) => {
      const now = (event as CustomEvent<{ connected: boolean }>).detail.connected;
      if (now && wasDisconnected.current) void useLibraryStore.getState().load();
      wasDisconnected.current = !now;
      setConnected(now);
    };
    window.addEventListener(CONNECTION_EVENT, onChange);
    return () => window.removeEventListener(CONNECTION_EVENT, onChange);
  }, []);

  if (connected) return null;
  return (
    <div className="connection-banner" role="alert">
      Lost the connection to liner serve. Retrying every second; check that it is still running.
    </div>
  );
}

import { useEffect, useState } from 'react';

import { runsInBrowser } from './bridge/ws-bridge.ts';
import { ConnectionBanner } from './components/ConnectionBanner.tsx';
import { WhatsNewDialog } from './components/WhatsNewDialog.tsx';
import { EnrichmentPanel } from './enrichment/EnrichmentPanel.tsx';
import { StatusBadge } from './enrichment/StatusBadge.tsx';
import { LibraryView } from './library/LibraryView.tsx';
import { linerApi } from './liner-api.ts';
import { SettingsView } from './settings/SettingsView.tsx';
import { followConnection, useOnline } from './store/connection-store.ts';
import { useLibraryStore } from './store/library-store.ts';
import { selectHasUnsavedEdits, useSettingsStore } from './store/settings-store.ts';
import { useStatusStore } from './store/status-store.ts';

type Screen = 'enrichment' | 'library' | 'settings';

const SCREENS: { id: Screen; label: string }[] = [
  { id: 'enrichment', label: 'Enrichment' },
  { id: 'library', label: 'Library' },
  { id: 'settings', label: 'Settings' },
];

/** Loads the first state and subscribes to main's events for the life of the page. */
function useLinerEvents(): void {
  useEffect(() => {
    const api = linerApi();
    const stopStatus = api.on('status', (status) => useStatusStore.getState().apply(status));
    const stopScan = api.on('scanProgress', (progress) => useLibraryStore.getState().applyScan(progress));
    // The server pushes the status itself when a page connects.
    const stopConnection = followConnection(() => void useLibraryStore.getState().load());
    void useStatusStore.getState().load();
    void useLibraryStore.getState().load();
    return () => {
      stopStatus();
      stopScan();
      stopConnection();
    };
  }, []);
}

/** Asks the browser to confirm a reload or close while Settings has unsaved edits. */
function useUnloadWarning(active: boolean): void {
  useEffect(() => {
    if (!active || !runsInBrowser()) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

export function App() {
  const [screen, setScreen] = useState<Screen>('enrichment');
  const unsaved = useSettingsStore(selectHasUnsavedEdits);
  useLinerEvents();
  useUnloadWarning(unsaved);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Liner</h1>
        <nav aria-label="Screens">
          {SCREENS.map((item) => (
            <button key={item.id} type="button" className="nav-button" aria-current={screen === item.id ? 'page' : undefined} onClick={() => setScreen(item.id)}>
              {item.label}
              {item.id === 'settings' && unsaved && <span className="unsaved-mark"> (unsaved changes)</span>}
            </button>
          ))}
        </nav>
        <HeaderBadge />
      </header>
      <ConnectionBanner />
      <main className={`app-main screen-${screen}`}>
        {screen === 'enrichment' && <EnrichmentPanel source="amazon" onOpenSettings={() => setScreen('settings')} onOpenLibrary={() => setScreen('library')} />}
        {screen === 'library' && <LibraryView />}
        {screen === 'settings' && <SettingsView />}
      </main>
      <WhatsNewDialog />
    </div>
  );
}

function HeaderBadge() {
  const state = useStatusStore((store) => store.status?.sources.amazon.state);
  const pausedBy = useStatusStore((store) => store.status?.sources.amazon.pausedBy ?? null);
  const online = useOnline();
  if (!state) return null;
  return (
    <span className="header-status">
      Amazon Music{online ? '' : ' (last known state)'}: <StatusBadge state={state} pausedBy={pausedBy} stale={!online} />
    </span>
  );
}

import { useEffect, useRef, useState } from 'react';

import type { LibrarySummary } from '../../shared/ipc-contract.ts';
import { formatDateTime, formatQuantity } from '../format.ts';
import { useOnline } from '../store/connection-store.ts';
import { useLibraryStore } from '../store/library-store.ts';
import { AddLibraryForm } from './AddLibraryForm.tsx';
import { ItemBrowser } from './ItemBrowser.tsx';
import { RemoveLibraryDialog } from './RemoveLibraryDialog.tsx';
import { ScanProgressBar } from './ScanProgressBar.tsx';

/** Shows the libraries as tabs, the selected library's header, and its items. */
export function LibraryView() {
  const libraries = useLibraryStore((state) => state.libraries);
  const loadError = useLibraryStore((state) => state.loadError);
  const selectedId = useLibraryStore((state) => state.selectedId);
  const select = useLibraryStore((state) => state.select);
  const [adding, setAdding] = useState(false);
  const tabs = useRef<HTMLDivElement>(null);
  // The tab to focus once it renders: a library just added, or the one selected after a removal.
  const [focusTabId, setFocusTabId] = useState<number | null>(null);
  // After the last library was removed, focus goes to the folder field of the empty screen.
  const [removedLast, setRemovedLast] = useState(false);

  useEffect(() => {
    if (focusTabId === null) return;
    const tab = tabs.current?.querySelector<HTMLElement>(`[data-library-id="${focusTabId}"]`);
    if (!tab) return;
    tab.focus();
    setFocusTabId(null);
  });

  const onAdded = (library: LibrarySummary) => {
    setAdding(false);
    setRemovedLast(false);
    setFocusTabId(library.id);
  };

  const onRemoved = () => {
    const next = useLibraryStore.getState().selectedId;
    if (next === null) setRemovedLast(true);
    else setFocusTabId(next);
  };

  if (libraries === null) {
    return <section className="panel">{loadError ? <p className="error" role="alert">Could not load the libraries: {loadError}</p> : <p className="loading">Loading the libraries…</p>}</section>;
  }

  if (libraries.length === 0) {
    return (
      <section className="panel empty-library" aria-labelledby="library-title">
        <h2 id="library-title">No library yet</h2>
        <p>Add the folder that contains your music. Liner reads the tags of the audio files in it and its subfolders.</p>
        <AddLibraryForm onAdded={onAdded} autoFocus={removedLast} />
      </section>
    );
  }

  const selected = libraries.find((library) => library.id === selectedId) ?? libraries[0];

  return (
    <section className="library-view" aria-label="Libraries">
      <div className="library-tabs" role="group" aria-label="Libraries" ref={tabs}>
        {libraries.map((library) => (
          <button key={library.id} type="button" data-library-id={library.id} aria-current={library.id === selected?.id ? 'true' : undefined} onClick={() => select(library.id)}>
            {library.name}
          </button>
        ))}
        <button type="button" className="add-tab" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          {adding ? 'Cancel' : '+ Add folder'}
        </button>
      </div>
      {adding && (
        <div className="panel">
          <AddLibraryForm onAdded={onAdded} autoFocus />
        </div>
      )}
      {selected && <LibraryPanel key={selected.id} library={selected} onRemoved={onRemoved} />}
    </section>
  );
}

function LibraryPanel({ library, onRemoved }: { library: LibrarySummary; onRemoved(): void }) {
  const scan = useLibraryStore((state) => state.scans[library.id]);
  const rescan = useLibraryStore((state) => state.rescan);
  const [rescanError, setRescanError] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const online = useOnline();
  const scanning = scan !== undefined && (scan.phase === 'started' || scan.phase === 'scanning');

  useEffect(() => setRescanError(null), [library.id]);

  return (
    <section className="panel library-panel" aria-label={library.name}>
      <header className="panel-head library-head">
        <div>
          <h2>{library.name}</h2>
          <p className="path">{library.rootPath}</p>
          <p className="totals" data-testid="library-totals">
            {formatQuantity(library.totals.artists, 'artist', 'artists')} · {formatQuantity(library.totals.albums, 'album', 'albums')} ·{' '}
            {formatQuantity(library.totals.tracks, 'track', 'tracks')} · last scan {library.lastScanAt ? formatDateTime(library.lastScanAt) : 'never'}
          </p>
        </div>
        <div className="library-actions">
          <button type="button" disabled={scanning || !online} onClick={() => void rescan(library.id).then(setRescanError)}>
            {scanning ? 'Scanning…' : 'Rescan'}
          </button>
          <button type="button" disabled={scanning || !online} onClick={() => setConfirmRemove(true)}>
            Remove library
          </button>
        </div>
      </header>
      {scan && <ScanProgressBar progress={scan} />}
      {rescanError && (
        <p className="error" role="alert">
          Could not start the scan: {rescanError}
        </p>
      )}
      <ItemBrowser libraryId={library.id} />
      {confirmRemove && <RemoveLibraryDialog library={library} onCancel={() => setConfirmRemove(false)} onRemoved={onRemoved} />}
    </section>
  );
}

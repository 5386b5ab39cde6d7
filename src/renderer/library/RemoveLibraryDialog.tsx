import { useState } from 'react';

import type { LibrarySummary } from '../../shared/ipc-contract.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useLibraryStore } from '../store/library-store.ts';

interface RemoveLibraryDialogProps {
  library: LibrarySummary;
  onCancel(): void;
  onRemoved(): void;
}

/** Asks to confirm removing a library; Cancel has focus, so Enter alone removes nothing. */
export function RemoveLibraryDialog({ library, onCancel, onRemoved }: RemoveLibraryDialogProps) {
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setRemoving(true);
    const failure = await useLibraryStore.getState().remove(library.id);
    setRemoving(false);
    if (failure === null) onRemoved();
    else setError(failure);
  };

  return (
    <Dialog
      title={`Remove the library "${library.name}"?`}
      onClose={() => !removing && onCancel()}
      actions={
        <>
          <button type="button" onClick={onCancel} disabled={removing} autoFocus>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => void confirm()} disabled={removing}>
            {removing ? 'Removing…' : 'Remove library'}
          </button>
        </>
      }
    >
      <p>Removes the library from Liner. Your audio files are not touched.</p>
      <p className="hint">
        Liner forgets the artists, albums and tracks of <span className="path">{library.rootPath}</span> and their matches. Adding the folder again rescans it.
      </p>
      {error && (
        <p className="error" role="alert">
          Could not remove the library: {error}
        </p>
      )}
    </Dialog>
  );
}

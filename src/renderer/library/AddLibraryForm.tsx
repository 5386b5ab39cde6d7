import { useId, useState, type FormEvent } from 'react';

import { isAbsoluteFolderPath } from '../../shared/ipc-validate.ts';
import type { LibrarySummary } from '../../shared/ipc-contract.ts';
import { useOnline } from '../store/connection-store.ts';
import { useLibraryStore } from '../store/library-store.ts';

interface AddLibraryFormProps {
  /** Called with the new library once main added it. */
  onAdded?(library: LibrarySummary): void;
  /** Moves focus into the path field when the form appears, such as after "+ Add folder". */
  autoFocus?: boolean;
}

/** Renders a text field for a folder's absolute path, because `liner serve` has no native folder dialog. */
export function AddLibraryForm({ onAdded, autoFocus = false }: AddLibraryFormProps) {
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const add = useLibraryStore((state) => state.add);
  const online = useOnline();
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const path = folder.trim();
    if (!isAbsoluteFolderPath(path)) {
      setError(`invalid folder ${JSON.stringify(folder)}: enter an absolute path such as /home/me/Music`);
      return;
    }

    setAdding(true);
    const outcome = await add(path);
    setAdding(false);
    if ('error' in outcome) {
      setError(outcome.error);
      return;
    }
    setError(null);
    setFolder('');
    onAdded?.(outcome.library);
  };

  return (
    <form className="add-library" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={id}>Music folder</label>
      <div className="inline-field">
        <input
          id={id}
          type="text"
          value={folder}
          placeholder="/home/me/Music"
          spellCheck={false}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setFolder(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="primary" disabled={adding || !online}>
          {adding ? 'Adding…' : 'Add folder'}
        </button>
      </div>
      {error && (
        <p className="error field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

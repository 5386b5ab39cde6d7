import { useId, useState, type FormEvent } from 'react';

import { isAbsoluteFolderPath } from '../../shared/ipc-validate.ts';
import { useLibraryStore } from '../store/library-store.ts';

/** Renders a text field for a folder's absolute path, because `liner serve` has no native folder dialog. */
export function AddLibraryForm({ onDone }: { onDone?(): void }) {
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const add = useLibraryStore((state) => state.add);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const path = folder.trim();
    if (!isAbsoluteFolderPath(path)) {
      setError(`invalid folder ${JSON.stringify(folder)}: enter an absolute path such as /home/me/Music`);
      return;
    }

    setAdding(true);
    const failure = await add(path);
    setAdding(false);
    setError(failure);
    if (failure === null) {
      setFolder('');
      onDone?.();
    }
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
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setFolder(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="primary" disabled={adding}>
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

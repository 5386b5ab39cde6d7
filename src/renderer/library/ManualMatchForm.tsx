import { useId, useState, type FormEvent } from 'react';

import type { EntityType } from '../../shared/entities.ts';
import { readAmazonId } from '../../shared/ipc-validate.ts';
import { errorMessage } from '../liner-api.ts';

interface ManualMatchFormProps {
  entityType: EntityType;
  current: string | null;
  busy: boolean;
  /** Stores the ASIN; rejects with main's message when it refuses it. */
  onSubmit(asin: string): Promise<void>;
}

/**
 * A field to set an item's ASIN by hand, checked with the rule main applies;
 * main then treats the item as a manual match. Artists also take a slug id.
 */
export function ManualMatchForm({ entityType, current, busy, onSubmit }: ManualMatchFormProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let asin: string;
    try {
      asin = readAmazonId(entityType, text);
    } catch (invalid) {
      setError(errorMessage(invalid));
      return;
    }

    try {
      await onSubmit(asin);
      setText('');
      setError(null);
    } catch (failed) {
      setError(errorMessage(failed));
    }
  };

  return (
    <form className="manual-match" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={id}>{current ? 'Replace the ASIN' : 'Set the ASIN by hand'}</label>
      <div className="inline-field">
        <input
          id={id}
          type="text"
          value={text}
          placeholder="B08N5WRWNW"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" disabled={busy}>
          Set ASIN
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

import { useEffect, useState } from 'react';

import type { WhatsNew } from '../../shared/ipc-contract.ts';
import { linerApi } from '../liner-api.ts';
import { Dialog } from './Dialog.tsx';

/** Shows the release notes once per version; closing dismisses them for good. */
export function WhatsNewDialog() {
  const [notes, setNotes] = useState<WhatsNew | null>(null);

  useEffect(() => {
    linerApi()
      .getWhatsNew()
      .then(setNotes)
      .catch(() => setNotes(null));
  }, []);

  if (!notes?.show) return null;

  const dismiss = () => {
    setNotes(null);
    void linerApi()
      .dismissWhatsNew()
      .catch(() => undefined);
  };

  return (
    <Dialog
      title={`What's new in Liner ${notes.version}`}
      onClose={dismiss}
      actions={
        <button type="button" className="primary" onClick={dismiss} autoFocus>
          Got it
        </button>
      }
    >
      <ul className="whats-new-list">
        {notes.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </Dialog>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';

import type { SourceId } from '../../shared/entities.ts';
import type { ConnectionCheck, SourceSettingsView } from '../../shared/ipc-contract.ts';
import { validateBaseUrl } from '../../shared/settings.ts';
import { errorMessage, linerApi } from '../liner-api.ts';
import { useStatusStore } from '../store/status-store.ts';
import { draftFromView, fieldOfServerError, validateDraft, type DraftErrors, type DraftField, type SourceSettingsDraft } from './source-settings-draft.ts';

interface SourceSettingsFormProps {
  source: SourceId;
}

/** Renders the opt-in switch and connection settings of one catalog source. */
export function SourceSettingsForm({ source }: SourceSettingsFormProps) {
  const [view, setView] = useState<SourceSettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    linerApi()
      .getSourceSettings(source)
      .then(setView)
      .catch((error: unknown) => setLoadError(errorMessage(error)));
  }, [source]);

  if (loadError) return <p className="error" role="alert">Could not load the settings: {loadError}</p>;
  if (!view) return <p className="loading">Loading the settings…</p>;

  return (
    <>
      <EnableSwitch source={source} initial={view.enabled} />
      <ConnectionFields source={source} view={view} onSaved={setView} />
    </>
  );
}

function EnableSwitch({ source, initial }: { source: SourceId; initial: boolean }) {
  const stored = useStatusStore((state) => state.status?.sources[source].enabled ?? initial);
  const busy = useStatusStore((state) => state.busyAction === 'enable');
  // Shows the requested position while main applies it, so the switch does not flip back meanwhile.
  const [requested, setRequested] = useState<boolean | null>(null);
  const enabled = busy && requested !== null ? requested : stored;
  const actionError = useStatusStore((state) => (state.actionError?.action === 'enable' ? state.actionError.message : null));
  const setEnabled = useStatusStore((state) => state.setEnabled);
  const hintId = useId();

  return (
    <div className="field switch-field">
      <label className="switch">
        <input type="checkbox" role="switch" checked={enabled} disabled={busy} aria-describedby={hintId} onChange={(event) => {
            setRequested(event.target.checked);
            void setEnabled(source, event.target.checked);
          }} />
        <span>Enrich with Amazon Music (via T2Tunes)</span>
      </label>
      <p className="hint" id={hintId}>
        Off by default because it sends the names of your artists, albums and tracks to T2Tunes, a public proxy that can be down for hours.
      </p>
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}
    </div>
  );
}

interface ConnectionFieldsProps {
  source: SourceId;
  view: SourceSettingsView;
  onSaved(view: SourceSettingsView): void;
}

function ConnectionFields({ source, view, onSaved }: ConnectionFieldsProps) {
  const [draft, setDraft] = useState<SourceSettingsDraft>(() => draftFromView(view));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formMessage, setFormMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (field: DraftField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setFormMessage(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { patch, errors: found } = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    setSaving(true);
    try {
      const saved = await linerApi().updateSourceSettings(source, patch);
      onSaved(saved);
      setDraft(draftFromView(saved));
      setFormMessage({ text: 'Saved.', error: false });
    } catch (error) {
      const message = errorMessage(error);
      const field = fieldOfServerError(message);
      if (field) setErrors({ [field]: message });
      else setFormMessage({ text: message, error: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="settings-form" onSubmit={(event) => void save(event)} noValidate>
      <TextField id="base-url" label="T2Tunes base URL" value={draft.baseUrl} error={errors.baseUrl} onChange={(value) => update('baseUrl', value)} hint="The public instance is https://t2tunes.site; a self-hosted one works too." />
      <ConnectionTest source={source} baseUrl={draft.baseUrl} onInvalid={(message) => setErrors((current) => ({ ...current, baseUrl: message }))} />
      <TextField id="country" label="Country" value={draft.country} error={errors.country} onChange={(value) => update('country', value)} hint="The Amazon Music store to search, as a two-letter code such as US, GB or DE." />
      <TextField id="rate" label="Request rate (requests per second)" value={draft.requestsPerSecond} error={errors.requestsPerSecond} onChange={(value) => update('requestsPerSecond', value)} hint="From 0.05 to 20. Lower is kinder to the public proxy." inputMode="decimal" />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        {formMessage && (
          <p className={formMessage.error ? 'error' : 'success'} role={formMessage.error ? 'alert' : 'status'}>
            {formMessage.text}
          </p>
        )}
      </div>
    </form>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  hint: string;
  error: string | undefined;
  inputMode?: 'decimal';
  onChange(value: string): void;
}

function TextField({ id, label, value, hint, error, inputMode, onChange }: TextFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} inputMode={inputMode} spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} onChange={(event) => onChange(event.target.value)} />
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error && (
        <p className="error field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface ConnectionTestProps {
  source: SourceId;
  baseUrl: string;
  onInvalid(message: string): void;
}

function ConnectionTest({ source, baseUrl, onInvalid }: ConnectionTestProps) {
  const [result, setResult] = useState<ConnectionCheck | null>(null);
  const [testing, setTesting] = useState(false);

  const test = async () => {
    let url: string;
    try {
      url = validateBaseUrl(baseUrl);
    } catch (error) {
      onInvalid(errorMessage(error));
      return;
    }

    setTesting(true);
    setResult(null);
    try {
      setResult(await linerApi().testConnection(source, url));
    } catch (error) {
      setResult({ ok: false, version: null, message: errorMessage(error) });
    } finally {
      setTesting(false);
    }
  };

  return (
    <div className="connection-test">
      <button type="button" onClick={() => void test()} disabled={testing}>
        {testing ? 'Testing…' : 'Test connection'}
      </button>
      {result && (
        <p className={result.ok ? 'success' : 'error'} role="status" data-testid="connection-result">
          {result.message}
          {result.version ? ` (version ${result.version})` : ''}
        </p>
      )}
    </div>
  );
}

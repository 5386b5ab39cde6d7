import { useEffect, useId, useState, type FormEvent } from 'react';

import type { SourceId } from '../../shared/entities.ts';
import type { ConnectionCheck, SourceSettingsView } from '../../shared/ipc-contract.ts';
import { validateBaseUrl } from '../../shared/settings.ts';
import { errorMessage, linerApi } from '../liner-api.ts';
import { useOnline } from '../store/connection-store.ts';
import { useSettingsStore } from '../store/settings-store.ts';
import { useStatusStore } from '../store/status-store.ts';
import { changedFields, fieldOfServerError, shownDraft, validateEdits, type DraftErrors, type DraftField } from './source-settings-draft.ts';

interface SourceSettingsFormProps {
  source: SourceId;
}

/** A stable empty object, because a selector that returns a new object each call re-renders forever. */
const NO_EDITS = {};

/**
 * Renders the opt-in switch and connection settings of one catalog source.
 * The saved values load when the form opens and again when the window
 * regains focus, so fields the user did not edit show what another window saved.
 */
export function SourceSettingsForm({ source }: SourceSettingsFormProps) {
  const view = useSettingsStore((state) => state.views[source]);
  const loadError = useSettingsStore((state) => state.loadErrors[source]);
  const edits = useSettingsStore((state) => state.edits[source] ?? NO_EDITS);

  useEffect(() => {
    const load = () => void useSettingsStore.getState().load(source);
    load();
    window.addEventListener('focus', load);
    return () => window.removeEventListener('focus', load);
  }, [source]);

  if (!view) {
    if (loadError) return <p className="error" role="alert">Could not load the settings: {loadError}</p>;
    return <p className="loading">Loading the settings…</p>;
  }

  const baseUrlEdited = changedFields(view, edits).includes('baseUrl');
  return (
    <>
      <EnableSwitch source={source} initial={view.enabled} savedBaseUrl={baseUrlEdited ? view.baseUrl : null} />
      <ConnectionFields source={source} view={view} />
    </>
  );
}

interface EnableSwitchProps {
  source: SourceId;
  initial: boolean;
  /** The saved base URL while the field contains an unsaved one; null otherwise. */
  savedBaseUrl: string | null;
}

function EnableSwitch({ source, initial, savedBaseUrl }: EnableSwitchProps) {
  const stored = useStatusStore((state) => state.status?.sources[source].enabled ?? initial);
  const busy = useStatusStore((state) => state.busyAction === 'enable');
  // Shows the requested position while main applies it, so the switch does not flip back meanwhile.
  const [requested, setRequested] = useState<boolean | null>(null);
  const enabled = busy && requested !== null ? requested : stored;
  const actionError = useStatusStore((state) => (state.actionError?.action === 'enable' ? state.actionError.message : null));
  const setEnabled = useStatusStore((state) => state.setEnabled);
  const online = useOnline();
  const hintId = useId();
  const unsavedId = useId();

  return (
    <div className="field switch-field">
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={enabled}
          disabled={busy || !online}
          aria-describedby={savedBaseUrl === null ? hintId : `${hintId} ${unsavedId}`}
          onChange={(event) => {
            setRequested(event.target.checked);
            void setEnabled(source, event.target.checked);
          }}
        />
        <span>Enrich with Amazon Music (via T2Tunes)</span>
      </label>
      <p className="hint" id={hintId}>
        Off by default because it sends the names of your artists, albums and tracks to T2Tunes, a public proxy that can be down for hours.
      </p>
      {savedBaseUrl !== null && (
        <p className="notice" id={unsavedId} data-testid="unsaved-base-url">
          Enrichment uses the saved base URL, {savedBaseUrl}. Save the base URL first to use the one in the field.
        </p>
      )}
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
}

function ConnectionFields({ source, view }: ConnectionFieldsProps) {
  const edits = useSettingsStore((state) => state.edits[source] ?? NO_EDITS);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formMessage, setFormMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const online = useOnline();
  const draft = shownDraft(view, edits);
  const unsaved = changedFields(view, edits).length > 0;

  const update = (field: DraftField, value: string) => {
    useSettingsStore.getState().edit(source, field, value);
    setErrors((current) => ({ ...current, [field]: undefined }));
    setFormMessage(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { patch, errors: found } = validateEdits(view, edits);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(patch).length === 0) {
      setFormMessage({ text: 'Nothing to save: no field was changed.', error: false });
      return;
    }

    setSaving(true);
    try {
      const saved = await linerApi().updateSourceSettings(source, patch);
      useSettingsStore.getState().setView(source, saved);
      useSettingsStore.getState().discard(source, Object.keys(patch) as DraftField[]);
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
      <ConnectionTest source={source} baseUrl={draft.baseUrl} invalid={errors.baseUrl !== undefined} onInvalid={(message) => setErrors((current) => ({ ...current, baseUrl: message }))} />
      <TextField id="country" label="Country" value={draft.country} error={errors.country} onChange={(value) => update('country', value)} hint="The Amazon Music store to search, as a two-letter code such as US, GB or DE." />
      <TextField id="rate" label="Request rate (requests per second)" value={draft.requestsPerSecond} error={errors.requestsPerSecond} onChange={(value) => update('requestsPerSecond', value)} hint="From 0.05 to 20. Lower is kinder to the public proxy." inputMode="decimal" />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving || !online}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        {unsaved && !formMessage && (
          <p className="hint" data-testid="unsaved-changes">
            Unsaved changes. They stay here when you switch screens.
          </p>
        )}
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
  /** True while the base URL field shows an error; a test result next to it would contradict it. */
  invalid: boolean;
  onInvalid(message: string): void;
}

/**
 * Tests the base URL in the field. A result shows only while the field still
 * contains the text that was tested, so editing the URL clears it.
 */
function ConnectionTest({ source, baseUrl, invalid, onInvalid }: ConnectionTestProps) {
  const [result, setResult] = useState<{ testedText: string; check: ConnectionCheck } | null>(null);
  const [testing, setTesting] = useState(false);
  const online = useOnline();

  const test = async () => {
    const testedText = baseUrl;
    setResult(null);
    let url: string;
    try {
      url = validateBaseUrl(testedText);
    } catch (error) {
      onInvalid(errorMessage(error));
      return;
    }

    setTesting(true);
    try {
      setResult({ testedText, check: await linerApi().testConnection(source, url) });
    } catch (error) {
      setResult({ testedText, check: { ok: false, version: null, message: errorMessage(error) } });
    } finally {
      setTesting(false);
    }
  };

  const shown = result !== null && result.testedText === baseUrl && !invalid ? result.check : null;
  return (
    <div className="connection-test">
      <button type="button" onClick={() => void test()} disabled={testing || !online}>
        {testing ? 'Testing…' : 'Test connection'}
      </button>
      {shown && (
        <p className={shown.ok ? 'success' : 'error'} role="status" data-testid="connection-result">
          {shown.message}
          {shown.version ? ` (version ${shown.version})` : ''}
        </p>
      )}
    </div>
  );
}

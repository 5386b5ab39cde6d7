import type { SourceSettingsPatch, SourceSettingsView } from '../../shared/ipc-contract.ts';
import { SETTINGS, validateBaseUrl, validateCountry } from '../../shared/settings.ts';

/** The text of each Settings field as typed. */
export interface SourceSettingsDraft {
  baseUrl: string;
  country: string;
  requestsPerSecond: string;
}

export type DraftField = keyof SourceSettingsDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

/** The fields the user typed in, by field; a field without an entry shows the saved value. */
export type DraftEdits = Partial<SourceSettingsDraft>;

export const DRAFT_FIELDS: readonly DraftField[] = ['baseUrl', 'country', 'requestsPerSecond'];

export function draftFromView(view: SourceSettingsView): SourceSettingsDraft {
  return { baseUrl: view.baseUrl, country: view.country, requestsPerSecond: String(view.requestsPerSecond) };
}

/** Returns the text each field shows: the user's edit where there is one, else the saved value. */
export function shownDraft(view: SourceSettingsView, edits: DraftEdits): SourceSettingsDraft {
  return { ...draftFromView(view), ...edits };
}

/** Lists the fields whose edit differs from the saved value, so Save sends nothing else. */
export function changedFields(view: SourceSettingsView, edits: DraftEdits): DraftField[] {
  const saved = draftFromView(view);
  return DRAFT_FIELDS.filter((field) => edits[field] !== undefined && edits[field] !== saved[field]);
}

function check<T>(read: () => T): { value: T; error: null } | { value: null; error: string } {
  try {
    return { value: read(), error: null };
  } catch (error) {
    return { value: null, error: (error as Error).message };
  }
}

/**
 * Validates a draft with the rules main applies. Returns the patch of the
 * valid fields and, for each invalid one, a message naming the value and the fix.
 */
export function validateDraft(draft: SourceSettingsDraft): { patch: SourceSettingsPatch; errors: DraftErrors } {
  const baseUrl = check(() => validateBaseUrl(draft.baseUrl));
  const country = check(() => validateCountry(draft.country));
  const rateText = draft.requestsPerSecond.trim();
  const rate = check(() => SETTINGS['amazon.requestsPerSecond'].validate(rateText === '' ? rateText : Number(rateText)));

  const errors: DraftErrors = {};
  if (baseUrl.error !== null) errors.baseUrl = baseUrl.error;
  if (country.error !== null) errors.country = country.error;
  if (rate.error !== null) errors.requestsPerSecond = `invalid request rate ${JSON.stringify(rateText)}: ${rate.error.replace(/^invalid value [^:]*: /, '')}`;

  const patch: SourceSettingsPatch = {};
  if (baseUrl.value !== null) patch.baseUrl = baseUrl.value;
  if (country.value !== null) patch.country = country.value;
  if (rate.value !== null) patch.requestsPerSecond = rate.value;
  return { patch, errors };
}

/**
 * Validates only the fields the user changed. The patch leaves out every
 * other field, so a save does not write back values another window changed
 * since this one loaded them.
 */
export function validateEdits(view: SourceSettingsView, edits: DraftEdits): { patch: SourceSettingsPatch; errors: DraftErrors } {
  const changed = new Set(changedFields(view, edits));
  const { patch, errors } = validateDraft(shownDraft(view, edits));

  const changedPatch: SourceSettingsPatch = {};
  const changedErrors: DraftErrors = {};
  for (const field of changed) {
    if (patch[field] !== undefined) Object.assign(changedPatch, { [field]: patch[field] });
    if (errors[field] !== undefined) changedErrors[field] = errors[field];
  }
  return { patch: changedPatch, errors: changedErrors };
}

/** Picks the field a main-side validation message is about, so it shows next to that field. */
export function fieldOfServerError(message: string): DraftField | null {
  const text = message.toLowerCase();
  if (text.includes('base url') || text.includes('baseurl')) return 'baseUrl';
  if (text.includes('country')) return 'country';
  if (text.includes('requestspersecond') || text.includes('request rate') || text.includes('requests per second')) return 'requestsPerSecond';
  return null;
}

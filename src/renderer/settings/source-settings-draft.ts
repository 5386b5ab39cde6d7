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

export function draftFromView(view: SourceSettingsView): SourceSettingsDraft {
  return { baseUrl: view.baseUrl, country: view.country, requestsPerSecond: String(view.requestsPerSecond) };
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

/** Picks the field a main-side validation message is about, so it shows next to that field. */
export function fieldOfServerError(message: string): DraftField | null {
  const text = message.toLowerCase();
  if (text.includes('base url') || text.includes('baseurl')) return 'baseUrl';
  if (text.includes('country')) return 'country';
  if (text.includes('requestspersecond') || text.includes('request rate') || text.includes('requests per second')) return 'requestsPerSecond';
  return null;
}

/**
 * Validation of the user-facing T2Tunes settings: base URL and country.
 * Both throw a plain `Error` whose message names the bad value and the fix,
 * because these run when settings are saved, not during enrichment.
 */

// The client applies the settings' base URL rule, so any URL the user can
// save is one the client accepts, and the two cannot drift apart.
export { validateBaseUrl } from '../../../shared/settings.ts';

const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/**
 * Validates an ISO 3166-1 alpha-2 country code and returns it in upper case.
 * Only the form is checked (two letters), not membership in the standard list.
 */
export function validateCountry(value: string): string {
  const country = value.trim().toUpperCase();
  if (!COUNTRY_PATTERN.test(country)) {
    throw new Error(
      `Invalid T2Tunes country "${value}": expected a two-letter ISO 3166 code such as US, GB or DE.`,
    );
  }
  return country;
}

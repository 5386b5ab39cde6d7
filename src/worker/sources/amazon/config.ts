/**
 * Validation of the user-facing T2Tunes settings: base URL and country.
 * Both throw a plain `Error` whose message names the bad value and the fix,
 * because these run when settings are saved, not during enrichment.
 */

const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/**
 * Validates a T2Tunes base URL and returns it normalised: no trailing slash,
 * no query or fragment. Only `http:` and `https:` are accepted.
 */
export function validateBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(
      `Invalid T2Tunes base URL "${value}": not an absolute URL. Use a URL such as https://t2tunes.site.`,
    );
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `Invalid T2Tunes base URL "${value}": scheme "${url.protocol}" is not supported. Use an http:// or https:// URL.`,
    );
  }

  if (url.username !== '' || url.password !== '') {
    throw new Error(
      `Invalid T2Tunes base URL "${value}": credentials in the URL are not supported. Remove the user name and password.`,
    );
  }

  if (url.search !== '' || url.hash !== '') {
    throw new Error(
      `Invalid T2Tunes base URL "${value}": query strings and fragments are not supported. Remove everything after "?" or "#".`,
    );
  }

  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

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

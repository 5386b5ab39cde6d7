/**
 * Conversion of the release-date forms T2Tunes sends into ISO `YYYY-MM-DD`.
 */

const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;
const NUMERIC_STRING = /^-?\d+(?:\.\d+)?$/;

// Epoch values at or above this magnitude are milliseconds. As seconds they
// would be dates after the year 2286, and as milliseconds everything below it
// lies within 116 days of 1970-01-01. Upstream documents "above 10^12 is
// milliseconds", but that rule misreads 1973-2001 dates sent in milliseconds.
const EPOCH_MILLISECONDS_THRESHOLD = 1e10;

// Smaller magnitudes are the first day of 1970 as epoch seconds, so they are
// far likelier to be a bare year (2021) than a release date.
const MIN_EPOCH_MAGNITUDE = 1e5;

function formatUtcDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * Converts epoch seconds or milliseconds to an ISO date (UTC).
 * Returns `null` for magnitudes below 10^5, which look like a bare year.
 * NOTE: a millisecond value within 116 days of 1970-01-01 is read as seconds.
 */
export function epochToIsoDate(value: number): string | null {
  if (!Number.isFinite(value) || Math.abs(value) < MIN_EPOCH_MAGNITUDE) {
    return null;
  }
  const milliseconds = Math.abs(value) >= EPOCH_MILLISECONDS_THRESHOLD ? value : value * 1000;
  return formatUtcDate(new Date(milliseconds));
}

function isoPrefixToDate(match: RegExpExecArray): string | null {
  const [, year, month, day] = match;
  const candidate = `${year}-${month}-${day}`;

  // Rejects impossible dates such as 2021-02-30, which Date would roll over.
  const parsed = new Date(`${candidate}T00:00:00Z`);
  return formatUtcDate(parsed) === candidate ? candidate : null;
}

/**
 * Reads a release date sent as an ISO string, as epoch seconds or as epoch
 * milliseconds (number or numeric string). Returns `null` for anything else,
 * including a bare year, which does not name a day.
 */
export function parseReleaseDate(value: unknown): string | null {
  if (typeof value === 'number') {
    return epochToIsoDate(value);
  }
  if (typeof value !== 'string') {
    return null;
  }

  const text = value.trim();
  if (NUMERIC_STRING.test(text)) {
    return epochToIsoDate(Number(text));
  }

  const isoMatch = ISO_DATE_PREFIX.exec(text);
  if (isoMatch !== null) {
    return isoPrefixToDate(isoMatch);
  }

  // Other forms such as "Apr 2, 2021" have no zone and no documented use,
  // so they are not guessed at.
  return null;
}

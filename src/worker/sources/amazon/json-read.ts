/**
 * Small readers for untrusted JSON. Each returns `null` when the value is
 * missing or has the wrong type, so wire parsers need no type checks of their own.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns a non-empty trimmed string, or `null`. */
export function readString(value: unknown): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Returns the value of the first key of `record` that contains a non-empty string. */
export function readFirstString(record: JsonRecord, keys: readonly string[]): string | null {
  for (const key of keys) {
    const text = readString(record[key]);
    if (text !== null) {
      return text;
    }
  }
  return null;
}

/**
 * Reads a finite number sent as a number or as a numeric string. Strings such
 * as "3/12" (track 3 of 12) give their leading integer.
 */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value !== 'string') {
    return null;
  }
  const match = /^\s*(-?\d+(?:\.\d+)?)/.exec(value);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** Returns the value of the first key of `record` that contains a readable positive integer. */
export function readFirstPositiveInteger(record: JsonRecord, keys: readonly string[]): number | null {
  for (const key of keys) {
    const number = readNumber(record[key]);
    if (number !== null && Number.isInteger(number) && number > 0) {
      return number;
    }
  }
  return null;
}

export function readBoolean(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** Serialises a value for a log line, cut to `maxChars` characters. */
export function sampleOf(value: unknown, maxChars = 500): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

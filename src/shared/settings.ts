import { ENTITY_TYPES, type EntityType } from './entities.ts';

/**
 * Every persisted setting, its type and default. Values are stored as JSON in
 * the `settings` table; a missing row means the default.
 */
export interface SettingValues {
  'amazon.enabled': boolean;
  'amazon.paused': boolean;
  'amazon.baseUrl': string;
  'amazon.country': string;
  'amazon.requestsPerSecond': number;
  'amazon.pinnedEntityType': EntityType | null;
  'amazon.outage.initialDelayMs': number;
  'amazon.outage.maxDelayMs': number;
  'amazon.outage.longOutageMs': number;
  'amazon.retry.maxAttempts': number;
  'amazon.retry.baseDelayMs': number;
  'app.lastSeenVersion': string | null;
}

export type SettingKey = keyof SettingValues;

interface SettingSpec<T> {
  default: T;
  /** What a valid value looks like, for error messages and help. */
  description: string;
  /** Returns the value when valid, or throws an Error that names the value and the valid range. */
  validate(value: unknown): T;
  /** Reads a value typed on a command line. */
  parse(text: string): unknown;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export const DEFAULT_T2TUNES_BASE_URL = 'https://t2tunes.site';

function booleanSetting(defaultValue: boolean, description: string): SettingSpec<boolean> {
  return {
    default: defaultValue,
    description,
    parse: (text) => ({ true: true, false: false, on: true, off: false, '1': true, '0': false })[text.trim().toLowerCase()] ?? text,
    validate(value) {
      if (typeof value !== 'boolean') throw new Error(`invalid value ${JSON.stringify(value)}: expected true or false`);
      return value;
    },
  };
}

/** A plain decimal number as people type one: "2", "0.5", ".5", "-3". No hex, exponents, "Infinity" or separators. */
const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Parses a number typed as text. Returns undefined unless the trimmed text is
 * a plain decimal number, so "0x2", "1e1", "Infinity" and "" are rejected
 * where `Number()` would accept them.
 */
export function parseDecimalNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return DECIMAL_NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

function numberSetting(defaultValue: number, min: number, max: number, unit: string): SettingSpec<number> {
  return {
    default: defaultValue,
    description: `a number from ${min} to ${max} (${unit})`,
    // Text that is not a plain decimal number stays text, so `validate` rejects it with the value shown.
    parse: (text) => parseDecimalNumber(text) ?? text,
    validate(value) {
      if (typeof value === 'string') {
        throw new Error(`invalid value ${JSON.stringify(value)}: expected a plain decimal number such as ${defaultValue}, from ${min} to ${max} (${unit})`);
      }
      if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
        throw new Error(`invalid value ${JSON.stringify(value)}: expected a number from ${min} to ${max} (${unit})`);
      }
      return value;
    },
  };
}

/**
 * Validates a T2Tunes base URL: http or https, without credentials, query or
 * fragment, because request paths and parameters are appended to it. A path
 * prefix (`https://host/t2tunes`) is kept. Returns the URL without a
 * trailing slash, or throws an Error that names the value and the fix.
 */
export function validateBaseUrl(value: unknown): string {
  const invalid = (reason: string) => new Error(`invalid base URL ${JSON.stringify(value)}: ${reason}`);
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(`expected an http or https URL such as ${DEFAULT_T2TUNES_BASE_URL}`);
  }

  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid(`expected an http or https URL such as ${DEFAULT_T2TUNES_BASE_URL}`);
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(`only http and https are allowed, not ${url.protocol.replace(':', '')}; use a URL such as ${DEFAULT_T2TUNES_BASE_URL}`);
  }
  if (url.username || url.password) {
    throw invalid('remove the user name and password from the URL');
  }

  const withoutTrailingSlash = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  // `href` keeps a bare "?" or "#" that `search` and `hash` report as empty.
  if (url.href.includes('?') || url.href.includes('#')) {
    throw invalid(`a query string or fragment is not allowed; remove everything from "?" or "#" on, as in ${withoutTrailingSlash}`);
  }
  return withoutTrailingSlash;
}

/** Validates an ISO 3166-1 alpha-2 country code and returns it upper-cased. */
export function validateCountry(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z]{2}$/.test(value.trim())) {
    throw new Error(`invalid country ${JSON.stringify(value)}: expected a two-letter ISO 3166 code such as US, GB or DE`);
  }
  return value.trim().toUpperCase();
}

export const SETTINGS: { [K in SettingKey]: SettingSpec<SettingValues[K]> } = {
  'amazon.enabled': booleanSetting(false, 'true or false: enrich with Amazon Music through T2Tunes'),
  'amazon.paused': booleanSetting(false, 'true or false: the user paused Amazon enrichment'),
  'amazon.baseUrl': {
    default: DEFAULT_T2TUNES_BASE_URL,
    description: 'an http or https URL of a T2Tunes instance',
    parse: (text) => text,
    validate: validateBaseUrl,
  },
  'amazon.country': {
    default: 'US',
    description: 'a two-letter ISO 3166 country code',
    parse: (text) => text,
    validate: validateCountry,
  },
  'amazon.requestsPerSecond': numberSetting(2, 0.05, 20, 'requests per second'),
  'amazon.pinnedEntityType': {
    default: null,
    description: `one of ${ENTITY_TYPES.join(', ')}, or none`,
    parse: (text) => (['none', 'null', ''].includes(text.trim().toLowerCase()) ? null : text.trim()),
    validate(value) {
      if (value === null) return null;
      if (typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value)) return value as EntityType;
      throw new Error(`invalid value ${JSON.stringify(value)}: expected one of ${ENTITY_TYPES.join(', ')}, or none`);
    },
  },
  'amazon.outage.initialDelayMs': numberSetting(30_000, 50, 24 * HOUR_MS, 'milliseconds'),
  'amazon.outage.maxDelayMs': numberSetting(30 * MINUTE_MS, 50, 24 * HOUR_MS, 'milliseconds'),
  'amazon.outage.longOutageMs': numberSetting(24 * HOUR_MS, 1_000, 30 * 24 * HOUR_MS, 'milliseconds'),
  'amazon.retry.maxAttempts': numberSetting(5, 1, 100, 'attempts'),
  'amazon.retry.baseDelayMs': numberSetting(HOUR_MS, 10, 30 * 24 * HOUR_MS, 'milliseconds'),
  'app.lastSeenVersion': {
    default: null,
    description: 'the app version whose "What\'s new" the user has seen',
    parse: (text) => text,
    validate(value) {
      if (value === null || typeof value === 'string') return value;
      throw new Error(`invalid value ${JSON.stringify(value)}: expected a version string`);
    },
  },
};

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isSettingKey(value: unknown): value is SettingKey {
  return typeof value === 'string' && Object.hasOwn(SETTINGS, value);
}

/** Validates a value for a key; throws an Error naming the key, the value and what is valid. */
export function validateSetting<K extends SettingKey>(key: K, value: unknown): SettingValues[K] {
  try {
    return SETTINGS[key].validate(value);
  } catch (error) {
    throw new Error(`${key}: ${(error as Error).message}`);
  }
}

/** The settings a source's worker runs with. */
export interface AmazonSourceSettings {
  enabled: boolean;
  paused: boolean;
  baseUrl: string;
  country: string;
  requestsPerSecond: number;
  pinnedEntityType: EntityType | null;
  outage: { initialDelayMs: number; maxDelayMs: number; longOutageMs: number };
  retry: { maxAttempts: number; baseDelayMs: number };
}

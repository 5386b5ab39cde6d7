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

function numberSetting(defaultValue: number, min: number, max: number, unit: string): SettingSpec<number> {
  return {
    default: defaultValue,
    description: `a number from ${min} to ${max} (${unit})`,
    parse: (text) => (text.trim() === '' ? text : Number(text)),
    validate(value) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
        throw new Error(`invalid value ${JSON.stringify(value)}: expected a number from ${min} to ${max} (${unit})`);
      }
      return value;
    },
  };
}

/** Accepts http and https URLs only, without credentials; returns the URL without a trailing slash. */
export function validateBaseUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`invalid base URL ${JSON.stringify(value)}: expected an http or https URL such as ${DEFAULT_T2TUNES_BASE_URL}`);
  }

  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`invalid base URL ${JSON.stringify(value)}: expected an http or https URL such as ${DEFAULT_T2TUNES_BASE_URL}`);
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`invalid base URL ${JSON.stringify(value)}: only http and https are allowed, not ${url.protocol.replace(':', '')}`);
  }
  if (url.username || url.password) {
    throw new Error(`invalid base URL ${JSON.stringify(value)}: remove the user name and password from the URL`);
  }
  return url.toString().replace(/\/+$/, '');
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

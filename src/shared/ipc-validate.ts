import { isAmazonMusicUrl } from './amazon-music-url.ts';
import { ENTITY_TYPES, SOURCE_IDS, isEntityType, isSourceId, type EntityType, type SourceId } from './entities.ts';
import { IpcError } from './ipc-error.ts';
import {
  ITEM_FILTERS,
  LINER_CALL_NAMES,
  type ItemFilter,
  type ItemQuery,
  type LinerCallName,
  type LinerCalls,
  type SourceSettingsPatch,
} from './ipc-contract.ts';
import { SETTINGS, validateBaseUrl, validateCountry } from './settings.ts';

/** Rows per page of `listItems`. */
export const MAX_ITEM_PAGE_SIZE = 500;

/** Maximum length of the `listItems` search text, in characters. */
export const MAX_SEARCH_LENGTH = 200;

/** Maximum length of an `addLibrary` folder path, in characters. */
const MAX_PATH_LENGTH = 4096;

/** An ASIN as Amazon Music gives them to albums, tracks and some artists: `B0` and eight letters or digits. */
const MUSIC_ASIN = /^B0[0-9A-Z]{8}$/;

/** An artist id in slug form: lower-case letters and digits joined by single hyphens. */
const ARTIST_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ARTIST_SLUG_LENGTH = 100;

function invalid(message: string): IpcError {
  return new IpcError('invalid_payload', message);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return typeof value;
  }
}

function readSource(value: unknown): SourceId {
  if (isSourceId(value)) return value;
  throw invalid(`invalid source ${show(value)}: expected one of ${SOURCE_IDS.join(', ')}`);
}

function readEntityType(value: unknown): EntityType {
  if (isEntityType(value)) return value;
  throw invalid(`invalid entity type ${show(value)}: expected one of ${ENTITY_TYPES.join(', ')}`);
}

function readBoolean(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') return value;
  throw invalid(`invalid ${name} ${show(value)}: expected true or false`);
}

/** Reads a database id: a positive safe integer. */
function readId(value: unknown, name: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  throw invalid(`invalid ${name} ${show(value)}: expected a positive whole number`);
}

function readIntegerInRange(value: unknown, name: string, min: number, max: number): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) return value;
  throw invalid(`invalid ${name} ${show(value)}: expected a whole number from ${min} to ${max}`);
}

function readRecord(value: unknown, name: string, allowedKeys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`invalid ${name} ${show(value)}: expected an object`);
  }
  const unknownKey = Object.keys(value).find((key) => !allowedKeys.includes(key));
  if (unknownKey !== undefined) {
    throw invalid(`invalid ${name}: unknown field "${unknownKey}"; expected only ${allowedKeys.join(', ')}`);
  }
  return value as Record<string, unknown>;
}

/** Runs a settings validator and turns its Error into an `invalid_payload` error with the same message. */
function withSettingsValidator<T>(validate: (value: unknown) => T, value: unknown): T {
  try {
    return validate(value);
  } catch (error) {
    throw invalid((error as Error).message);
  }
}

/** Reads the search text of a library page; its length counts code points, so an emoji is one character. */
function readSearch(value: unknown): string {
  if (typeof value !== 'string') throw invalid(`invalid search ${show(value)}: expected text`);

  const length = [...value].length;
  if (length > MAX_SEARCH_LENGTH) {
    throw invalid(`invalid search ${show(value)}: ${length} characters is too long; shorten it to at most ${MAX_SEARCH_LENGTH} characters`);
  }
  return value;
}

function readItemQuery(value: unknown): ItemQuery {
  const keys = ['libraryId', 'entityType', 'filter', 'search', 'offset', 'limit'];
  const record = readRecord(value, 'item query', keys);

  const filter = record.filter;
  if (typeof filter !== 'string' || !(ITEM_FILTERS as readonly string[]).includes(filter)) {
    throw invalid(`invalid filter ${show(filter)}: expected one of ${ITEM_FILTERS.join(', ')}`);
  }

  const search = readSearch(record.search ?? '');

  return {
    libraryId: readId(record.libraryId, 'library id'),
    entityType: readEntityType(record.entityType),
    filter: filter as ItemFilter,
    search,
    offset: readIntegerInRange(record.offset ?? 0, 'offset', 0, Number.MAX_SAFE_INTEGER),
    limit: readIntegerInRange(record.limit, 'limit', 1, MAX_ITEM_PAGE_SIZE),
  };
}

function readSettingsPatch(value: unknown): SourceSettingsPatch {
  const record = readRecord(value, 'settings change', ['baseUrl', 'country', 'requestsPerSecond']);
  const patch: SourceSettingsPatch = {};

  if (record.baseUrl !== undefined) patch.baseUrl = withSettingsValidator(validateBaseUrl, record.baseUrl);
  if (record.country !== undefined) patch.country = withSettingsValidator(validateCountry, record.country);
  if (record.requestsPerSecond !== undefined) {
    const spec = SETTINGS['amazon.requestsPerSecond'];
    patch.requestsPerSecond = withSettingsValidator((rate) => spec.validate(rate), record.requestsPerSecond);
  }
  return patch;
}

/**
 * Reads an id typed by hand. Albums and tracks take an ASIN, trimmed and
 * upper-cased. Artists take an ASIN or a lower-case slug such as `daft-punk`,
 * which is only trimmed.
 */
export function readAmazonId(entityType: EntityType, value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';

  if (entityType !== 'artist') {
    const asin = text.toUpperCase();
    if (MUSIC_ASIN.test(asin)) return asin;
    throw invalid(`invalid ${entityType} ASIN ${show(value)}: expected B0 followed by 8 letters or digits, such as B08N5WRWNW`);
  }

  if (MUSIC_ASIN.test(text)) return text;
  if (text.length <= MAX_ARTIST_SLUG_LENGTH && ARTIST_SLUG.test(text)) return text;
  throw invalid(
    `invalid artist id ${show(value)}: expected an ASIN such as B000QJPYFE or a lower-case id without spaces such as daft-punk`,
  );
}

/**
 * True for an absolute path on POSIX (`/music`), Windows (`C:\Music`) or a
 * Windows share (`\\server\music`). Pure, so the renderer can check a typed
 * path before sending it.
 */
export function isAbsoluteFolderPath(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

function readFolder(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(`invalid folder ${show(value)}: expected the absolute path of a music folder, such as /home/me/Music`);
  }
  if (value.length > MAX_PATH_LENGTH || value.includes('\0')) {
    throw invalid(`invalid folder ${show(value)}: the path is too long or contains a NUL character`);
  }
  if (!isAbsoluteFolderPath(value.trim())) {
    throw invalid(`invalid folder ${show(value)}: expected an absolute path, such as /home/me/Music; choose the folder again`);
  }
  return value.trim();
}

function readExternalUrl(value: unknown): string {
  if (isAmazonMusicUrl(value)) return value;
  throw invalid(`cannot open ${show(value)}: only https://music.amazon.… links are allowed`);
}

function readPinnedEntityType(value: unknown): EntityType | null {
  if (value === null) return null;
  if (isEntityType(value)) return value;
  throw invalid(`invalid entity type ${show(value)}: expected one of ${ENTITY_TYPES.join(', ')}, or null to unpin`);
}

type ArgsReader<K extends LinerCallName> = (args: readonly unknown[]) => LinerCalls[K]['args'];

/** The argument reader of each call; each returns the typed arguments or throws `invalid_payload`. */
const READERS: { [K in LinerCallName]: { count: number; read: ArgsReader<K> } } = {
  getStatus: { count: 0, read: () => [] },
  getSourceSettings: { count: 1, read: ([source]) => [readSource(source)] },
  updateSourceSettings: { count: 2, read: ([source, patch]) => [readSource(source), readSettingsPatch(patch)] },
  setSourceEnabled: { count: 2, read: ([source, enabled]) => [readSource(source), readBoolean(enabled, 'enabled flag')] },
  pause: { count: 1, read: ([source]) => [readSource(source)] },
  resume: { count: 1, read: ([source]) => [readSource(source)] },
  checkNow: { count: 1, read: ([source]) => [readSource(source)] },
  pinEntityType: { count: 2, read: ([source, type]) => [readSource(source), readPinnedEntityType(type)] },
  testConnection: {
    count: 2,
    read: ([source, baseUrl]) => [readSource(source), withSettingsValidator(validateBaseUrl, baseUrl)],
  },
  listLibraries: { count: 0, read: () => [] },
  addLibrary: { count: 1, read: ([folder]) => [readFolder(folder)] },
  rescanLibrary: { count: 1, read: ([id]) => [readId(id, 'library id')] },
  removeLibrary: { count: 1, read: ([id]) => [readId(id, 'library id')] },
  listItems: { count: 1, read: ([query]) => [readItemQuery(query)] },
  getItem: { count: 2, read: ([type, id]) => [readEntityType(type), readId(id, 'item id')] },
  retryItem: { count: 2, read: ([type, id]) => [readEntityType(type), readId(id, 'item id')] },
  clearMatch: { count: 2, read: ([type, id]) => [readEntityType(type), readId(id, 'item id')] },
  setMatch: {
    count: 3,
    read: ([type, id, amazonId]) => {
      const entityType = readEntityType(type);
      return [entityType, readId(id, 'item id'), readAmazonId(entityType, amazonId)];
    },
  },
  getWhatsNew: { count: 0, read: () => [] },
  dismissWhatsNew: { count: 0, read: () => [] },
  openExternal: { count: 1, read: ([url]) => [readExternalUrl(url)] },
};

export function isLinerCallName(value: unknown): value is LinerCallName {
  return typeof value === 'string' && (LINER_CALL_NAMES as readonly string[]).includes(value);
}

/**
 * Checks a call's arguments as they arrived from a transport and returns them
 * typed and normalised (trimmed, upper-cased where the form requires it).
 * Throws an `IpcError` with code `invalid_payload` that names the value.
 */
export function validateCallArgs<K extends LinerCallName>(name: K, args: unknown): LinerCalls[K]['args'] {
  if (!Array.isArray(args)) {
    throw invalid(`invalid arguments for ${name}: expected a list, got ${show(args)}`);
  }

  const reader = READERS[name] as { count: number; read: ArgsReader<K> };
  if (args.length !== reader.count) {
    throw invalid(`invalid arguments for ${name}: expected ${reader.count}, got ${args.length}`);
  }
  return reader.read(args);
}

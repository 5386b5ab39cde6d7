import { describe, expect, it } from 'vitest';

import { IpcError } from '../src/shared/ipc-error.ts';
import { isAbsoluteFolderPath, readAmazonId, validateCallArgs } from '../src/shared/ipc-validate.ts';

function rejection(run: () => unknown): IpcError {
  try {
    run();
  } catch (error) {
    if (error instanceof IpcError) return error;
    throw new Error(`expected an IpcError, got ${String(error)}`);
  }
  throw new Error('expected the call to throw');
}

const query = { libraryId: 1, entityType: 'track', filter: 'all', search: '', offset: 0, limit: 50 };

describe('validateCallArgs', () => {
  it('accepts a valid item query', () => {
    expect(validateCallArgs('listItems', [query])).toEqual([query]);
  });

  it.each([
    ['zero id', ['getItem', ['album', 0]]],
    ['negative id', ['getItem', ['album', -3]]],
    ['fractional id', ['getItem', ['album', 1.5]]],
    ['string id', ['getItem', ['album', '7']]],
    ['unknown entity type', ['getItem', ['playlist', 7]]],
    ['unknown source', ['pause', ['spotify']]],
    ['missing argument', ['pause', []]],
    ['extra argument', ['getStatus', ['amazon']]],
    ['arguments not a list', ['getStatus', { 0: 'amazon' }]],
    ['non-boolean enabled flag', ['setSourceEnabled', ['amazon', 'yes']]],
    ['limit of zero', ['listItems', [{ ...query, limit: 0 }]]],
    ['limit above 500', ['listItems', [{ ...query, limit: 501 }]]],
    ['negative offset', ['listItems', [{ ...query, offset: -1 }]]],
    ['unknown filter', ['listItems', [{ ...query, filter: 'broken' }]]],
    ['unknown query field', ['listItems', [{ ...query, sql: 'DROP TABLE tracks' }]]],
    ['search too long', ['listItems', [{ ...query, search: 'x'.repeat(201) }]]],
    ['ftp base URL', ['testConnection', ['amazon', 'ftp://t2tunes.local']]],
    ['base URL with password', ['updateSourceSettings', ['amazon', { baseUrl: 'https://me:secret@t2tunes.site' }]]],
    ['three-letter country', ['updateSourceSettings', ['amazon', { country: 'USA' }]]],
    ['rate above range', ['updateSourceSettings', ['amazon', { requestsPerSecond: 50 }]]],
    ['unknown settings field', ['updateSourceSettings', ['amazon', { enabled: true }]]],
    ['relative folder', ['addLibrary', ['music/rock']]],
    ['empty folder', ['addLibrary', ['  ']]],
    ['non-Amazon link', ['openExternal', ['https://example.com/albums/B000059MEK']]],
    ['http Amazon link', ['openExternal', ['http://music.amazon.com/albums/B000059MEK']]],
    ['look-alike Amazon host', ['openExternal', ['https://music.amazon.com.evil.example/albums/B000059MEK']]],
    ['pin of unknown type', ['pinEntityType', ['amazon', 'genre']]],
  ] as const)('rejects %s', (_case, [name, args]) => {
    expect(rejection(() => validateCallArgs(name, args)).code).toBe('invalid_payload');
  });

  it('names the value in the message', () => {
    expect(rejection(() => validateCallArgs('getItem', ['album', -3])).message).toContain('-3');
  });

  it('names the fix for a relative folder', () => {
    expect(rejection(() => validateCallArgs('addLibrary', ['music/rock'])).message).toContain('absolute path');
  });

  it('normalises the base URL', () => {
    expect(validateCallArgs('testConnection', ['amazon', 'http://127.0.0.1:8080/'])).toEqual(['amazon', 'http://127.0.0.1:8080']);
  });

  it('upper-cases the country', () => {
    expect(validateCallArgs('updateSourceSettings', ['amazon', { country: 'gb' }])).toEqual(['amazon', { country: 'GB' }]);
  });

  it('accepts a null pin', () => {
    expect(validateCallArgs('pinEntityType', ['amazon', null])).toEqual(['amazon', null]);
  });

  it('accepts an Amazon Music link of another storefront', () => {
    const url = 'https://music.amazon.co.uk/albums/B000059MEK';
    expect(validateCallArgs('openExternal', [url])).toEqual([url]);
  });

  it('upper-cases a typed album ASIN', () => {
    expect(validateCallArgs('setMatch', ['album', 4, ' b000059mek '])).toEqual(['album', 4, 'B000059MEK']);
  });
});

describe('readAmazonId', () => {
  it.each([
    ['album', 'B08N5WRWNW'],
    ['track', 'B000059MF1'],
    ['artist', 'B000QJPYFE'],
    ['artist', 'daft-punk'],
    ['artist', 'ac-dc-2'],
  ] as const)('accepts %s id %s', (entityType, id) => {
    expect(readAmazonId(entityType, id)).toBe(id);
  });

  it.each([
    ['album', 'A08N5WRWNW'],
    ['album', 'B08N5WRWN'],
    ['track', 'daft-punk'],
    ['artist', 'Daft Punk'],
    ['artist', 'daft--punk'],
    ['artist', ''],
    ['artist', 42],
  ] as const)('rejects %s id %s', (entityType, id) => {
    expect(rejection(() => readAmazonId(entityType, id)).code).toBe('invalid_payload');
  });
});

describe('isAbsoluteFolderPath', () => {
  it.each(['/home/me/Music', 'C:\\Music', 'd:/Music', '\\\\server\\music'])('accepts %s', (value) => {
    expect(isAbsoluteFolderPath(value)).toBe(true);
  });

  it.each(['Music', './Music', '~/Music', 'C:Music'])('rejects %s', (value) => {
    expect(isAbsoluteFolderPath(value)).toBe(false);
  });
});

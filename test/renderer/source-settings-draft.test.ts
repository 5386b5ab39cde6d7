import { describe, expect, it } from 'vitest';

import { fieldOfServerError, validateDraft } from '../../src/renderer/settings/source-settings-draft.ts';

describe('validateDraft', () => {
  it('returns the patch of a valid draft', () => {
    const { patch, errors } = validateDraft({ baseUrl: ' http://127.0.0.1:8080/ ', country: 'gb', requestsPerSecond: '0.5' });

    expect(errors).toEqual({});
    expect(patch).toEqual({ baseUrl: 'http://127.0.0.1:8080', country: 'GB', requestsPerSecond: 0.5 });
  });

  it('names a non-http base URL and the fix', () => {
    const { errors } = validateDraft({ baseUrl: 'ftp://example.org', country: 'US', requestsPerSecond: '2' });

    expect(errors.baseUrl).toContain('"ftp://example.org"');
    expect(errors.baseUrl).toContain('only http and https');
  });

  it('names an invalid country', () => {
    const { errors } = validateDraft({ baseUrl: 'https://t2tunes.site', country: 'USA', requestsPerSecond: '2' });

    expect(errors.country).toContain('"USA"');
  });

  it('names a rate out of range and the range', () => {
    const { errors, patch } = validateDraft({ baseUrl: 'https://t2tunes.site', country: 'US', requestsPerSecond: '50' });

    expect(errors.requestsPerSecond).toBe('invalid request rate "50": expected a number from 0.05 to 20 (requests per second)');
    expect(patch.requestsPerSecond).toBeUndefined();
  });

  it('rejects an empty rate', () => {
    const { errors } = validateDraft({ baseUrl: 'https://t2tunes.site', country: 'US', requestsPerSecond: ' ' });

    expect(errors.requestsPerSecond).toContain('invalid request rate ""');
  });
});

describe('fieldOfServerError', () => {
  it.each([
    ['invalid base URL "x": expected an http or https URL', 'baseUrl'],
    ['invalid country "XYZ": expected a two-letter ISO 3166 code', 'country'],
    ['amazon.requestsPerSecond: invalid value 99', 'requestsPerSecond'],
    ['database is locked', null],
  ] as const)('maps %s', (message, field) => {
    expect(fieldOfServerError(message)).toBe(field);
  });
});

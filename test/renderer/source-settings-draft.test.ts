import { describe, expect, it } from 'vitest';

import { changedFields, fieldOfServerError, validateDraft, validateEdits } from '../../src/renderer/settings/source-settings-draft.ts';

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

describe('validateEdits', () => {
  const saved = { source: 'amazon' as const, enabled: false, baseUrl: 'https://t2tunes.site', country: 'US', requestsPerSecond: 2 };

  it('sends only the changed field', () => {
    const { patch } = validateEdits(saved, { country: 'gb' });

    expect(patch).toEqual({ country: 'GB' });
  });

  it('leaves out an edit equal to the saved value', () => {
    const { patch } = validateEdits(saved, { requestsPerSecond: '2', country: 'DE' });

    expect(patch).toEqual({ country: 'DE' });
  });

  it('reports an error of a changed field', () => {
    const { errors } = validateEdits(saved, { baseUrl: 'ftp://example.org' });

    expect(errors.baseUrl).toContain('only http and https');
  });

  it('returns an empty patch without edits', () => {
    expect(validateEdits(saved, {}).patch).toEqual({});
  });
});

describe('changedFields', () => {
  const saved = { source: 'amazon' as const, enabled: true, baseUrl: 'https://t2tunes.site', country: 'US', requestsPerSecond: 0.5 };

  it('lists fields that differ from the saved text', () => {
    expect(changedFields(saved, { baseUrl: 'http://127.0.0.1:9', requestsPerSecond: '0.5' })).toEqual(['baseUrl']);
  });
});

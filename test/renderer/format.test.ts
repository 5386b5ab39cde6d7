import { describe, expect, it } from 'vitest';

import { formatCountdown, matchStatusLabel } from '../../src/renderer/format.ts';

describe('formatCountdown', () => {
  it.each([
    [-5, 'now'],
    [0, 'now'],
    [400, '1 s'],
    [12_000, '12 s'],
    [125_000, '2 min 05 s'],
    [3_600_000 + 5 * 60_000, '1 h 05 min'],
  ])('formats %i ms as %s', (milliseconds, text) => {
    expect(formatCountdown(milliseconds)).toBe(text);
  });
});

describe('matchStatusLabel', () => {
  it('labels a never attempted item pending', () => {
    expect(matchStatusLabel(null)).toBe('Pending');
  });

  it('labels a manual match', () => {
    expect(matchStatusLabel('matched', true)).toBe('Matched (manual)');
  });

  it('labels an unrefreshed manual match', () => {
    expect(matchStatusLabel(null, true)).toBe('Manual, refresh pending');
  });

  it('labels an error failed', () => {
    expect(matchStatusLabel('error')).toBe('Failed');
  });
});

describe('matchStatusLabel with Amazon off', () => {
  it('does not call an unattempted item pending', () => {
    expect(matchStatusLabel(null, false, false)).toBe('Not enriched');
  });

  it('keeps a stored result', () => {
    expect(matchStatusLabel('not_found', false, false)).toBe('Not found');
  });

  it('says an unrefreshed manual match waits for Amazon', () => {
    expect(matchStatusLabel(null, true, false)).toBe('Manual, not refreshed');
  });
});

import { describe, expect, it } from 'vitest';

import { artistCredit, isVariousArtists, joinArtistNames, primaryArtist, splitArtistValues } from '../src/shared/credits.ts';

describe('primaryArtist', () => {
  it.each([
    ['A feat. B', 'A'],
    ['A ft. B', 'A'],
    ['A featuring B', 'A'],
    ['A Feat B', 'A'],
    ['A (feat. B)', 'A'],
    ['A [ft. B & C]', 'A'],
    ['  A  ', 'A'],
  ])('reduces %j to %j', (credit, expected) => {
    expect(primaryArtist(credit)).toBe(expected);
  });

  it.each(['Beth Hart & Joe Bonamassa', 'Craft', 'Left Boy', 'Samuel L. Jackson and John Travolta', 'Featurecast'])('keeps %j whole', (credit) => {
    expect(primaryArtist(credit)).toBe(credit);
  });

  it('keeps a credit that is only a marker', () => {
    expect(primaryArtist('feat. B')).toBe('feat. B');
  });
});

describe('splitArtistValues', () => {
  it('splits NUL-separated values', () => {
    expect(splitArtistValues(['ArtistOne\0ArtistTwo'])).toEqual(['ArtistOne', 'ArtistTwo']);
  });

  it('drops blanks and repeats', () => {
    expect(splitArtistValues(['A', '', ' ', null, undefined, 'A', ' B '])).toEqual(['A', 'B']);
  });
});

describe('artistCredit', () => {
  it('keeps a display credit naming every artist', () => {
    expect(artistCredit('Beth Hart & Joe Bonamassa', ['Beth Hart', 'Joe Bonamassa'])).toBe('Beth Hart & Joe Bonamassa');
  });

  it('joins repeated artist tags', () => {
    expect(artistCredit('Artist One', ['Artist One', 'Artist Two'])).toBe('Artist One & Artist Two');
  });

  it('joins three names with commas', () => {
    expect(joinArtistNames(['A', 'B', 'C'])).toBe('A, B & C');
  });

  it('returns null without artists', () => {
    expect(artistCredit('', [''])).toBeNull();
  });
});

describe('isVariousArtists', () => {
  it.each(['Various Artists', 'various', 'VA', 'V.A.'])('accepts %j', (name) => {
    expect(isVariousArtists(name)).toBe(true);
  });

  it.each(['Various Cruelties', 'Vanessa', null])('rejects %j', (name) => {
    expect(isVariousArtists(name)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { primaryArtist, splitEdition, stripCredits } from '../src/worker/sources/amazon/catalog-strings.ts';
import { epochToIsoDate, parseReleaseDate } from '../src/worker/sources/amazon/release-date.ts';

describe('primaryArtist', () => {
  const cases: [string, string][] = [
    ['An Artist feat. Guest', 'An Artist'],
    ['An Artist feat Guest', 'An Artist'],
    ['An Artist ft. Guest', 'An Artist'],
    ['An Artist Ft. Guest & Other', 'An Artist'],
    ['An Artist featuring Guest', 'An Artist'],
    ['An Artist FEATURING Guest', 'An Artist'],
    ['An Artist (feat. Guest)', 'An Artist'],
    ['An Artist [ft. Guest]', 'An Artist'],
    ['An Artist (with Guest)', 'An Artist'],
    ['Beth Hart & Joe Bonamassa', 'Beth Hart & Joe Bonamassa'],
    ['Dance with the Dead', 'Dance with the Dead'],
    ['Daft Punk', 'Daft Punk'],
    ['Left Boy', 'Left Boy'],
    ['Ft. Lauderdale Band', 'Ft. Lauderdale Band'],
    ['  Spaced   Name  ', 'Spaced Name'],
  ];

  for (const [credit, expected] of cases) {
    it(`reads "${credit}"`, () => {
      expect(primaryArtist(credit)).toBe(expected);
    });
  }
});

describe('stripCredits', () => {
  it('removes a bracketed credit inside a title', () => {
    expect(stripCredits('A Song (feat. Guest) [Explicit]')).toBe('A Song [Explicit]');
  });

  it('keeps a string that is only a credit', () => {
    expect(stripCredits('(feat. Guest)')).toBe('(feat. Guest)');
  });
});

describe('splitEdition', () => {
  const cases: [string, string, 'explicit' | 'clean' | null][] = [
    ['An Album [Explicit]', 'An Album', 'explicit'],
    ['An Album (Explicit)', 'An Album', 'explicit'],
    ['FDP [Explicit]', 'FDP', 'explicit'],
    ['FDP (Clean)', 'FDP', 'clean'],
    ['Pulp Fiction [Clean]', 'Pulp Fiction', 'clean'],
    ['An Album (Edited)', 'An Album', 'clean'],
    ['An Album (Clean Version)', 'An Album', 'clean'],
    ['An Album [Explicit Content]', 'An Album', 'explicit'],
    ['An Album [Explicit] (Deluxe)', 'An Album (Deluxe)', 'explicit'],
    ['Explicit Lyrics Album', 'Explicit Lyrics Album', null],
    ['Clean Bandit', 'Clean Bandit', null],
    ['Nevermind (Remastered)', 'Nevermind (Remastered)', null],
  ];

  for (const [title, base, edition] of cases) {
    it(`splits "${title}"`, () => {
      const split = splitEdition(title);
      expect(split.base).toBe(base);
      expect(split.edition).toBe(edition);
    });
  }

  it('keeps a title that is only a marker', () => {
    expect(splitEdition('[Explicit]').base).toBe('[Explicit]');
  });
});

describe('parseReleaseDate', () => {
  const cases: [string, unknown, string | null][] = [
    ['ISO timestamp', '2021-04-02T00:00:00.000Z', '2021-04-02'],
    ['ISO date', '1991-09-24', '1991-09-24'],
    ['epoch seconds', 1617321600, '2021-04-02'],
    ['epoch milliseconds above 10^12', 1617321600000, '2021-04-02'],
    ['epoch milliseconds below 10^12', 685670400000, '1991-09-24'],
    ['negative epoch seconds', -205286400, '1963-07-01'],
    ['negative epoch milliseconds', -205286400000, '1963-07-01'],
    ['numeric string of seconds', '1617321600', '2021-04-02'],
    ['numeric string of milliseconds', '1617321600000', '2021-04-02'],
    ['bare year string', '2021', null],
    ['bare year number', 2021, null],
    ['impossible date', '2021-02-30', null],
    ['free text', 'April 2021', null],
    ['null', null, null],
    ['boolean', true, null],
    ['NaN', Number.NaN, null],
  ];

  for (const [name, value, expected] of cases) {
    it(`reads ${name}`, () => {
      expect(parseReleaseDate(value)).toBe(expected);
    });
  }
});

describe('epochToIsoDate', () => {
  it('reads the 1970 epoch start as seconds', () => {
    expect(epochToIsoDate(86_400 * 2)).toBe('1970-01-03');
  });
});

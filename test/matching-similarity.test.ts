import { describe, expect, it } from 'vitest';
import { compareArtists, compareTitles, levenshtein, similarity } from '../src/worker/matching/index.ts';
import { extractNumbers, sameNumbers } from '../src/worker/matching/similarity.ts';
import { parseTitle } from '../src/worker/matching/title-parse.ts';
import { matchAlbumTitle } from '../src/worker/matching/album-title-match.ts';

function titleLevel(library: string, catalog: string): string {
  return compareTitles(parseTitle(library), parseTitle(catalog)).level;
}

function albumLevel(library: string, catalog: string, libraryTracksLive = false): string | null {
  return matchAlbumTitle(library, catalog, { libraryTracksLive })?.level ?? null;
}

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['human recource', 'human resource', 1],
    ['이소라', '이소', 1],
  ])('%j to %j is %i', (a, b, distance) => {
    expect(levenshtein(a, b)).toBe(distance);
  });
});

describe('similarity', () => {
  it('is 1 for equal strings', () => {
    expect(similarity('tool', 'tool')).toBe(1);
  });

  it('scores a one-letter typo high', () => {
    expect(similarity('human recource', 'human resource')).toBeCloseTo(13 / 14, 5);
  });

  it('scores a prefix low', () => {
    expect(similarity('blood sugar', 'blood sugar sex magik')).toBeLessThan(0.6);
  });
});

describe('numbers', () => {
  it.each([
    ['origin 02', [2]],
    ['van halen ii', [2]],
    ['suite iv electric overture', [4]],
    ['ambient 1 music for airports', [1]],
    ['4th dimensional transition', [4]],
    ['i might be wrong', []],
  ])('%j names %j', (text, numbers) => {
    expect(extractNumbers(text)).toEqual(numbers);
  });

  it('reads 02 and 2 as one number', () => {
    expect(sameNumbers('origin 02', 'origin 2')).toBe(true);
  });
});

describe('compareArtists', () => {
  it.each([
    ['Tool', 'TOOL'],
    ['Janelle Monáe', 'Janelle Monae'],
    ['The Red Hot Chili Peppers', 'Red Hot Chili Peppers'],
    ['Coheed And Cambria', 'Coheed and Cambria'],
    ['Beth Hart, Joe Bonamassa', 'Beth Hart & Joe Bonamassa'],
    ['CANTUS (Tove Ramlo-Ystad) & Frode Fjellheim', 'Cantus & Frode Fjellheim'],
    ['Post Malone', 'Post Malone feat. Quavo'],
  ])('%s equals %s', (library, catalog) => {
    expect(compareArtists(library, catalog).level).toBe('exact');
  });

  it('passes a one-letter typo as fuzzy', () => {
    expect(compareArtists('Human Recource', 'Human Resource').level).toBe('fuzzy');
  });

  it.each([
    ['The Apers', 'The Aces'],
    ['Union Youth', 'Youth Union'],
    ['Yasmin Levy', 'Yasmín'],
    ['Beth Hart & Joe Bonamassa', 'Beth Hart'],
    ['Beth Hart & Joe Bonamassa', 'Joe Bonamassa'],
    ['Queen', 'Queen Latifah'],
    ['Queen', 'Queensrÿche'],
    ['Nirvana', 'Karaoke Hits Band'],
    ['Cantus & Frode Fjellheim', 'Cantus'],
    ['Samuel L. Jackson & John Travolta', 'John Travolta & Samuel L. Jackson'],
    ['Explo', 'Explosions In The Sky'],
    ['Chris Jones', 'Chris Jones & The Night Drivers'],
    ['Blink-182', 'Blink-183'],
  ])('%s differs from %s', (library, catalog) => {
    expect(compareArtists(library, catalog).level).toBe('none');
  });
});

describe('compareTitles', () => {
  it.each([
    ['Mi Korasón', 'Mi Korason'],
    ['A Kind of Magic', 'A Kind Of Magic (Remastered 2011)'],
    ['Eruption', 'Eruption (2015 Remaster)'],
    ['Like Spinning Plates (Live)', 'Like Spinning Plates (Live)'],
    ['Personality Goes a Long Way', 'Personality Goes A Long Way'],
  ])('%s equals %s', (library, catalog) => {
    expect(titleLevel(library, catalog)).toBe('exact');
  });

  it.each([
    ['Like Spinning Plates (Live)', 'Like Spinning Plates'],
    ['Like Spinning Plates', "Like Spinning Plates ('Why Us?' Version)"],
    ['In Bloom', 'In Bloom (Karaoke Version)'],
    ['Tessio (Spektre Remix)', 'Tessio (Radio Edit)'],
    ['Suite II Overture', 'Suite IV Electric Overture'],
    ['Suite II Overture', 'Suite V Electric Overture'],
    ['Mi Korasón', 'Mi Corazón'],
    ['Blood Sugar', 'Blood Sugar Sex Magik'],
    ['Blood Sugar', 'Blood Sugar (Live)'],
    ['Testcase', 'Test Case'],
    ['Sinner\'s Prayer', 'Sinner\'s Prayer (Live)'],
    ['1/1', '2/1'],
  ])('%s differs from %s', (library, catalog) => {
    expect(titleLevel(library, catalog)).toBe('none');
  });
});

describe('matchAlbumTitle', () => {
  it.each([
    ['Nevermind', 'Nevermind (Remastered)', 'exact'],
    ['A Kind of Magic', 'A Kind Of Magic (2011 Remaster)', 'exact'],
    ['The Archandroid', 'The ArchAndroid', 'exact'],
    ['The Dethalbum', 'The Dethalbum [Explicit]', 'exact'],
    ['SPES', 'Spes', 'exact'],
    ['[ Origin # 02 ]', 'Origin # 02', 'exact'],
    ['Pulp Fiction', 'Pulp Fiction (Music From The Motion Picture) [Clean]', 'exact'],
    ['Friday Night Lights [Original Movie Soundtrack]', 'Friday Night Lights (Original Motion Picture Soundtrack)', 'exact'],
    ['Blood Sugar (Single)', 'Blood Sugar / Axle Grinder', 'part'],
    ['11집 - COOL 11', 'COOL 11', 'part'],
    ['Yes!', 'YES!', 'exact'],
  ])('%s against %s is %s', (library, catalog, level) => {
    expect(albumLevel(library, catalog)).toBe(level);
  });

  it.each([
    ['Van Halen', 'Van Halen II'],
    ['Van Halen', 'Van Halen III'],
    ['[ Origin # 02 ]', 'Origin # 01'],
    ['[ Origin # 02 ]', 'Origin # 03'],
    ['Oracular Spectacular / Congratulations', 'Congratulations'],
    ['Oracular Spectacular / Congratulations', 'Oracular Spectacular'],
    ['Friday Night Lights [Original Movie Soundtrack]', 'Friday Night Lights (Original Television Soundtrack)'],
    ['A Kind of Magic', 'Greatest Hits II'],
    ['Canna-Power Charts 1971', 'The Very Best of Sweet'],
    ['I Might Be Wrong', 'I Might Be Wrong (Live Recordings)'],
  ])('%s rejects %s', (library, catalog) => {
    expect(albumLevel(library, catalog)).toBeNull();
  });

  it('accepts a live album for live tracks', () => {
    expect(albumLevel('I Might Be Wrong', 'I Might Be Wrong (Live Recordings)', true)).toBe('exact');
  });
});

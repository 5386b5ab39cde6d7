import { describe, expect, it } from 'vitest';
import { artistIdFor, isPlaceholderArtist, isPlaceholderTitle, normalizeName, primaryCredit, searchTextFor } from '../src/worker/matching/index.ts';
import { parseTitle } from '../src/worker/matching/title-parse.ts';

describe('normalizeName artist', () => {
  it.each([
    ['Janelle Monáe', 'janelle monae'],
    ['Queensrÿche', 'queensryche'],
    ['ＴＯＯＬ', 'tool'],
    ['ONE OK ROCK', 'one ok rock'],
    ['The Red Hot Chili Peppers', 'red hot chili peppers'],
    ['Beth Hart, Joe Bonamassa', 'beth hart & joe bonamassa'],
    ['Beth Hart & Joe Bonamassa', 'beth hart & joe bonamassa'],
    ['Samuel L. Jackson and John Travolta', 'samuel l jackson & john travolta'],
    ['Post Malone feat. Quavo', 'post malone'],
    ['Post Malone (feat. Quavo)', 'post malone'],
    ['Jason Mraz ft. Colbie Caillat', 'jason mraz'],
    ['Janelle Monáe featuring Big Boi', 'janelle monae'],
    ['CANTUS (Tove Ramlo-Ystad) & Frode Fjellheim', 'cantus & frode fjellheim'],
    ['Bob Marley & The Wailers', 'bob marley & wailers'],
    ['O.T. Genasis', 'ot genasis'],
    ['Rockabye Baby!', 'rockabye baby'],
    ['이소라', '이소라'],
  ])('%s gives %s', (input, expected) => {
    expect(normalizeName(input, 'artist')).toBe(expected);
  });

  it('keeps duo order', () => {
    expect(normalizeName('John Travolta & Samuel L. Jackson', 'artist')).not.toBe(
      normalizeName('Samuel L. Jackson & John Travolta', 'artist'),
    );
  });

  it('keeps a punctuation-only name', () => {
    expect(normalizeName('!!!', 'artist')).toBe('!!!');
  });
});

describe('normalizeName title', () => {
  it.each([
    ['A Kind Of Magic (Remastered 2011)', 'a kind of magic'],
    ['Eruption (2015 Remaster)', 'eruption'],
    ['Nevermind (30th Anniversary Super Deluxe)', 'nevermind'],
    ['Nevermind (Deluxe Edition)', 'nevermind'],
    ['FDP [Explicit]', 'fdp'],
    ['FDP (Clean)', 'fdp'],
    ['Freaky Styley [Bonus Tracks]', 'freaky styley'],
    ["Pulp Fiction (Collector's Edition)", 'pulp fiction'],
    ['Pulp Fiction (Music From The Motion Picture) [Explicit]', 'pulp fiction'],
    ['Friday Night Lights: Original Motion Picture Soundtrack', 'friday night lights'],
    ['Blood Sugar (Single)', 'blood sugar'],
    ['Dance or Die (feat. Saul Williams)', 'dance or die'],
    ['[ Origin # 02 ]', 'origin 02'],
    ["Sinner's Prayer", 'sinners prayer'],
    ['Mi Korasón', 'mi korason'],
    ['Q.U.E.E.N.', 'queen'],
    ['Roadhouses & Automobiles', 'roadhouses and automobiles'],
    ['Album - Single', 'album'],
  ])('%s gives %s', (input, expected) => {
    expect(normalizeName(input, 'title')).toBe(expected);
  });

  it.each([
    ['Like Spinning Plates (Live)', 'like spinning plates'],
    ['In Bloom (Karaoke Version)', 'in bloom'],
    ['Tessio (Spektre Remix)', 'tessio'],
    ['Mi Corazón (Versión Acústica)', 'mi corazon'],
    ["Like Spinning Plates ('Why Us?' Version)", 'like spinning plates'],
    ['Deththeme (From "Metalocalypse") [Metal Version]', 'deththeme'],
    ['(Special Mix) Song', 'song'],
  ])('%s keeps its version', (input, bare) => {
    expect(normalizeName(input, 'title')).not.toBe(bare);
  });
});

describe('parseTitle editions', () => {
  it.each([
    ['Pulp Fiction (Music From The Motion Picture) [Explicit]', ['explicit', 'film_soundtrack']],
    ['Pulp Fiction (Music From The Motion Picture) [Clean]', ['clean', 'film_soundtrack']],
    ['Friday Night Lights (Original Television Soundtrack)', ['tv_soundtrack']],
    ['A Kind Of Magic (Deluxe Remastered Version)', ['deluxe', 'remaster']],
    ['Stoney (Deluxe) [Explicit]', ['deluxe', 'explicit']],
    ['Metropolis: The Chase Suite (Special Edition)', ['deluxe']],
    ['Blood Sugar (Single)', ['release_format']],
    ['In Bloom', []],
  ])('%s has %j', (input, flags) => {
    expect([...parseTitle(input).editions].sort()).toEqual([...flags].sort());
  });

  it('lists a kept live qualifier', () => {
    expect(parseTitle('I Might Be Wrong (Live Recordings)').keptQualifiers).toEqual(['live recordings']);
  });
});

describe('artistIdFor', () => {
  it.each([
    ['Beth Hart & Joe Bonamassa', 'beth_hart_&_joe_bonamassa'],
    ['Samuel L. Jackson & John Travolta', 'samuel_l._jackson_&_john_travolta'],
    ['Janelle Monae', 'janelle_monae'],
    ['Queensrÿche', 'queensrÿche'],
    ['이소라', '이소라'],
    ['TOOL', 'tool'],
    ['Post Malone feat. Quavo', 'post_malone'],
    ['Christophe Beck (feat. Cantus)', 'christophe_beck'],
    ['Rockabye Baby!', 'rockabye_baby!'],
    ['  Red  Hot Chili Peppers ', 'red_hot_chili_peppers'],
  ])('%s gives %s', (input, expected) => {
    expect(artistIdFor(input)).toBe(expected);
  });

  it('composes decomposed accents', () => {
    expect(artistIdFor('Yasmi\u0301n')).toBe('yasmín');
  });

  it('keeps the primary credit spelling', () => {
    expect(primaryCredit('Post Malone feat. Quavo')).toBe('Post Malone');
  });
});

describe('placeholders', () => {
  it.each(['ArtistOne', 'Artist One', 'artist1', 'Album Artist One', 'Unknown Artist', 'Various Artists', 'Test', 'Testcase', 'Soundtrack', ''])(
    'artist %j is a placeholder',
    (name) => {
      expect(isPlaceholderArtist(name)).toBe(true);
    },
  );

  it.each(['Explosions In The Sky', 'Yes', 'Tool', 'Sample Rate', 'Case Files', 'Artist Vs Poet'])('artist %j is real', (name) => {
    expect(isPlaceholderArtist(name)).toBe(false);
  });

  it.each(['title1', 'Track 01', 'https://www.example.com', '  ', 'album1'])('title %j is a placeholder', (title) => {
    expect(isPlaceholderTitle(title)).toBe(true);
  });

  it.each(['Title', 'One', '808', 'Test Case', 'Untitled'])('title %j is real', (title) => {
    expect(isPlaceholderTitle(title)).toBe(false);
  });
});

describe('searchTextFor', () => {
  it('gives duo spellings one string', () => {
    expect(searchTextFor('Beth Hart, Joe Bonamassa', "Sinner's Prayer")).toBe(searchTextFor('Beth Hart & Joe Bonamassa', "Sinner's Prayer"));
  });

  it('drops member and feat credits', () => {
    expect(searchTextFor('CANTUS (Tove Ramlo-Ystad) & Frode Fjellheim', 'Kyrie')).toBe('cantus & frode fjellheim kyrie');
  });

  it('folds case and accents', () => {
    expect(searchTextFor('Janelle Monáe', 'Suite II Overture')).toBe('janelle monae suite ii overture');
  });
});

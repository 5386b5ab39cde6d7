import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { guessFromPath } from '../src/worker/scanner/name-fallback.ts';

const ROOT = path.join(path.sep, 'music');

function guess(relativePath: string) {
  return guessFromPath(path.join(ROOT, relativePath), ROOT);
}

describe('guessFromPath', () => {
  it('reads Artist/Album/NN Title', () => {
    expect(guess('Nirvana/Nevermind/02 In Bloom.flac')).toEqual({
      title: 'In Bloom',
      artist: 'Nirvana',
      album: 'Nevermind',
      trackNumber: 2,
      discNumber: null,
    });
  });

  it('reads Artist - Title at the root', () => {
    expect(guess('Queen - A Kind of Magic.mp3')).toEqual({
      title: 'A Kind of Magic',
      artist: 'Queen',
      album: null,
      trackNumber: null,
      discNumber: null,
    });
  });

  it('reads a disc and track prefix', () => {
    const result = guess('MGMT/Congratulations/2-07 Brian Eno.flac');
    expect([result.discNumber, result.trackNumber, result.title]).toEqual([2, 7, 'Brian Eno']);
  });

  it.each([
    ['01. Make It Out Alive.flac', 1, 'Make It Out Alive'],
    ['04-Strawberry.mp3', 4, 'Strawberry'],
    ['29 - Dominator.mp3', 29, 'Dominator'],
  ])('strips the number of %j', (name, trackNumber, title) => {
    const result = guess(name);
    expect([result.trackNumber, result.title]).toEqual([trackNumber, title]);
  });

  it('leaves a leading year alone', () => {
    expect(guess('1999 - Prince.mp3')).toMatchObject({ trackNumber: null, artist: '1999', title: 'Prince' });
  });

  it('keeps a bare number as the title', () => {
    expect(guess('01.mp3')).toMatchObject({ title: '01', trackNumber: null });
  });

  it('reads an Artist - Album folder', () => {
    expect(guess('Muse - The Resistance/01 Uprising.m4a')).toMatchObject({ artist: 'Muse', album: 'The Resistance', title: 'Uprising' });
  });

  it('ignores a lone plain folder', () => {
    expect(guess('samples/notags.mp3')).toMatchObject({ artist: null, album: null, title: 'notags' });
  });

  it('prefers the file name artist to the folder', () => {
    expect(guess('Compilations/Now 50/03 - Blur - Song 2.mp3')).toMatchObject({ artist: 'Blur', album: 'Now 50', title: 'Song 2' });
  });
});

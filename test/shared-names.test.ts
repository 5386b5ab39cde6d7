import { describe, expect, it } from 'vitest';

import { comparableName } from '../src/shared/names.ts';

describe('comparableName', () => {
  it.each([
    ['Beyoncé', 'BEYONCE'],
    ['The Red Hot Chili Peppers', 'Red Hot Chili Peppers'],
    ['Beth Hart & Joe Bonamassa', 'Beth Hart and Joe Bonamassa'],
    ['Beth Hart, Joe Bonamassa', 'Beth Hart & Joe Bonamassa'],
    ['Explosions In The Sky', 'Explosions in the Sky'],
  ])('treats %s like %s', (left, right) => {
    expect(comparableName(left)).toBe(comparableName(right));
  });

  it.each([
    ['Van Halen', 'Van Halen II'],
    ['Nirvana', 'Nirvana (UK)'],
    ['The Aces', 'The Apers'],
  ])('tells %s from %s', (left, right) => {
    expect(comparableName(left)).not.toBe(comparableName(right));
  });
});

import type { Prng } from './prng.ts';
import { ADJECTIVES, EDITION_SUFFIXES, FIRST_NAMES, LAST_NAMES, NOUNS, PLACES, VERBS } from './words.ts';

type Compose = (rng: Prng) => string;

function plural(noun: string): string {
  if (noun.endsWith('s') || noun.endsWith('x')) return `${noun}es`;
  if (noun.endsWith('y') && !/[aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (noun.endsWith('f')) return `${noun.slice(0, -1)}ves`;
  return `${noun}s`;
}

function gerund(verb: string): string {
  const [head, ...rest] = verb.split(' ');
  const word = head ?? verb;
  let ing: string;
  if (word.endsWith('e') && !word.endsWith('ee')) ing = `${word.slice(0, -1)}ing`;
  else if (/^[^aeiou]*[aeiou][bdgmnprt]$/i.test(word)) ing = `${word}${word.slice(-1)}ing`;
  else ing = `${word}ing`;
  return [ing, ...rest].join(' ');
}

const person: Compose = (rng) => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;

/** Forms of artist names, roughly as common as in a real collection: solo names and bands. */
const ARTIST_FORMS: readonly Compose[] = [
  person,
  person,
  person,
  (rng) => `The ${rng.pick(ADJECTIVES)} ${plural(rng.pick(NOUNS))}`,
  (rng) => `The ${plural(rng.pick(NOUNS))}`,
  (rng) => `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`,
  (rng) => `${person(rng)} & the ${plural(rng.pick(NOUNS))}`,
  (rng) => `${rng.pick(NOUNS)} of ${rng.pick(PLACES)}`,
  (rng) => `${rng.pick(FIRST_NAMES)} ${rng.pick(NOUNS)}`,
  (rng) => `${rng.pick(LAST_NAMES)} Quartet`,
  (rng) => `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} Orchestra`,
];

const ALBUM_FORMS: readonly Compose[] = [
  (rng) => `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`,
  (rng) => `${rng.pick(ADJECTIVES)} ${plural(rng.pick(NOUNS))}`,
  (rng) => `The ${rng.pick(NOUNS)} and the ${rng.pick(NOUNS)}`,
  (rng) => `${rng.pick(NOUNS)} in ${rng.pick(PLACES)}`,
  (rng) => `Songs for a ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`,
  (rng) => `${gerund(rng.pick(VERBS))} the ${rng.pick(NOUNS)}`,
  (rng) => `Live in ${rng.pick(PLACES)}`,
  (rng) => `${rng.pick(PLACES)} ${plural(rng.pick(NOUNS))}`,
  (rng) => `${rng.pick(NOUNS)}`,
];

const TRACK_FORMS: readonly Compose[] = [
  (rng) => `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`,
  (rng) => `${gerund(rng.pick(VERBS))} ${rng.pick(NOUNS)}`,
  (rng) => `${rng.pick(VERBS)} Me ${rng.pick(['Home', 'Down', 'Back', 'Tonight', 'Slowly'])}`,
  (rng) => `The ${rng.pick(NOUNS)}`,
  (rng) => `${rng.pick(NOUNS)} Song`,
  (rng) => `Don't ${rng.pick(VERBS)} the ${rng.pick(NOUNS)}`,
  (rng) => `${rng.pick(ADJECTIVES)} ${rng.pick(['Heart', 'Eyes', 'Hands', 'Days', 'Nights'])}`,
  (rng) => `${rng.pick(NOUNS)} of ${rng.pick(PLACES)}`,
  (rng) => `When the ${rng.pick(NOUNS)} ${rng.pick(['Falls', 'Turns', 'Calls', 'Breaks', 'Sings'])}`,
  (rng) => `${rng.pick(VERBS)}`,
];

export function artistName(rng: Prng): string {
  return rng.pick(ARTIST_FORMS)(rng);
}

/** Composes an album title; about one in twelve carries an edition suffix, as real tags do. */
export function albumTitle(rng: Prng): string {
  const title = rng.pick(ALBUM_FORMS)(rng);
  return rng.chance(1 / 12) ? `${title}${rng.pick(EDITION_SUFFIXES)}` : title;
}

export function trackTitle(rng: Prng): string {
  return rng.pick(TRACK_FORMS)(rng);
}

/**
 * Composes a name not in `taken` and adds it. After a few collisions it
 * appends a Roman-style counter ("II", "III"…), as real namesakes do.
 */
export function uniqueName(taken: Set<string>, compose: () => string): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const name = compose();
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }

  const base = compose();
  for (let counter = 2; ; counter++) {
    const name = `${base} ${romanNumeral(counter)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function romanNumeral(value: number): string {
  const numerals: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let text = '';
  for (const [amount, symbol] of numerals) {
    while (rest >= amount) {
      text += symbol;
      rest -= amount;
    }
  }
  return text;
}

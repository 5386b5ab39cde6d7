import type { EntityType } from './entities.ts';

/** The Amazon Music web host of each storefront country; other countries use the US store. */
const HOST_OF_COUNTRY: Readonly<Record<string, string>> = {
  US: 'music.amazon.com',
  GB: 'music.amazon.co.uk',
  DE: 'music.amazon.de',
  FR: 'music.amazon.fr',
  IT: 'music.amazon.it',
  ES: 'music.amazon.es',
  JP: 'music.amazon.co.jp',
  CA: 'music.amazon.ca',
  AU: 'music.amazon.com.au',
  IN: 'music.amazon.in',
  BR: 'music.amazon.com.br',
  MX: 'music.amazon.com.mx',
};

const AMAZON_MUSIC_HOSTS: ReadonlySet<string> = new Set(Object.values(HOST_OF_COUNTRY));

/** Longest URL Liner opens in the browser, in characters. */
const MAX_URL_LENGTH = 2048;

/**
 * True for an `https://music.amazon.<tld>/…` page on a known storefront, with
 * no user name, password or port. These are the only links Liner opens outside
 * its window.
 */
export function isAmazonMusicUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return false;

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false;
  return AMAZON_MUSIC_HOSTS.has(url.hostname);
}

/**
 * Builds the Amazon Music page URL of a matched item. A track links to its album page
 * with the track selected when the album's ASIN is known, else to the track.
 */
export function amazonMusicUrl(
  entityType: EntityType,
  amazonId: string,
  country: string,
  albumAmazonId: string | null = null,
): string {
  const host = HOST_OF_COUNTRY[country.toUpperCase()] ?? 'music.amazon.com';
  const id = encodeURIComponent(amazonId);

  if (entityType === 'artist') return `https://${host}/artists/${id}`;
  if (entityType === 'album') return `https://${host}/albums/${id}`;
  if (albumAmazonId) return `https://${host}/albums/${encodeURIComponent(albumAmazonId)}?trackAsin=${id}`;
  return `https://${host}/tracks/${id}`;
}

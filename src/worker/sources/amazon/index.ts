/** Public surface of the T2Tunes (Amazon Music) source. */
export { T2TunesClient, DEFAULT_USER_AGENT, DEFAULT_FAILED_SEARCH_RETRY_DELAYS_MS } from './client.ts';
export type { T2TunesClientOptions, T2TunesStatus, MediaCodec } from './client.ts';
export { validateBaseUrl, validateCountry } from './config.ts';
export { T2TUNES_ENDPOINTS } from './endpoints.ts';
export type { T2TunesEndpoint } from './endpoints.ts';
export { parseRetryAfter } from './failure-classification.ts';
export { DEFAULT_TIMEOUTS } from './http-transport.ts';
export type { RequestCounts, T2TunesTimeouts } from './http-transport.ts';
export type { SourceLogger } from './logger.ts';
export { silentLogger } from './logger.ts';
export { primaryArtist, splitEdition, stripCredits } from './catalog-strings.ts';
export type { Edition, EditionSplit } from './catalog-strings.ts';
export { epochToIsoDate, parseReleaseDate } from './release-date.ts';
export type { T2TunesMedia } from './wire-media.ts';

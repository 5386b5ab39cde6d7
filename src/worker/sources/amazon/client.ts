/**
 * The T2Tunes client: status, track search, album metadata and media, with
 * every failure classified as a `SourceError`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describeNonJsonResponse, isHtmlBody } from '../../../shared/response-body.ts';
import { SourceError } from '../../../shared/source-errors.ts';
import type { CatalogAlbum, CatalogSearchResult, CatalogTrack } from '../types.ts';
import { validateBaseUrl, validateCountry } from './config.ts';
import type { T2TunesEndpoint } from './endpoints.ts';
import { classifyHttpStatus, isFailedSearchResponse, isNotInitializedBody } from './failure-classification.ts';
import { DEFAULT_TIMEOUTS, T2TunesTransport, type RawResponse, type RequestCounts, type T2TunesTimeouts } from './http-transport.ts';
import { isRecord, readString } from './json-read.ts';
import { silentLogger, type SourceLogger } from './logger.ts';
import { ShapeReporter } from './shape-reporter.ts';
import { mediaToTrack, parseMediaResponse, type T2TunesMedia } from './wire-media.ts';
import { parseMetadataResponse } from './wire-metadata.ts';
import { deriveAlbums, parseSearchResponse } from './wire-search.ts';
import { WireShapeError } from './wire-shape.ts';

export type MediaCodec = 'flac' | 'opus' | 'eac3';

export interface T2TunesClientOptions {
  /** http or https URL of the T2Tunes instance, for example `https://t2tunes.site`. */
  baseUrl: string;
  /** Catalog country as an ISO 3166 two-letter code (default `US`). */
  country?: string;
  userAgent?: string;
  timeouts?: Partial<T2TunesTimeouts>;
  /**
   * Waits in milliseconds before each retry of a search that failed with the
   * transient "Failed to search" 400. At most two entries (default 500, 1000).
   */
  failedSearchRetryDelaysMs?: readonly number[];
  /** Codec requested from media-from-asin (default `flac`). */
  codec?: MediaCodec;
  logger?: SourceLogger;
  /** Called before every HTTP request, for an outside rate monitor. */
  onRequest?: (endpoint: T2TunesEndpoint) => void;
}

export interface T2TunesStatus {
  /** `false` when the proxy responds but reports its Amazon backend down. */
  up: boolean;
  version: string | null;
}

export const DEFAULT_USER_AGENT = 'Liner/0.1 (T2Tunes client)';
export const DEFAULT_FAILED_SEARCH_RETRY_DELAYS_MS: readonly number[] = [500, 1000];
const MAX_FAILED_SEARCH_RETRIES = 2;
const ASIN_PATTERN = /^[A-Za-z0-9]{10}$/;

function resolveTimeouts(overrides: Partial<T2TunesTimeouts> = {}): T2TunesTimeouts {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...overrides };
  for (const [name, value] of Object.entries(timeouts)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new Error(`Invalid T2Tunes timeout ${name}=${value}: expected a positive number of milliseconds.`);
    }
  }
  return timeouts;
}

function resolveRetryDelays(delays: readonly number[] = DEFAULT_FAILED_SEARCH_RETRY_DELAYS_MS): readonly number[] {
  if (delays.length > MAX_FAILED_SEARCH_RETRIES) {
    throw new Error(
      `Invalid failedSearchRetryDelaysMs [${delays.join(', ')}]: at most ${MAX_FAILED_SEARCH_RETRIES} retries are allowed.`,
    );
  }
  for (const delay of delays) {
    if (!Number.isFinite(delay) || delay < 0) {
      throw new Error(`Invalid failedSearchRetryDelaysMs entry ${delay}: expected milliseconds >= 0.`);
    }
  }
  return [...delays];
}

function contentTypeOf(response: RawResponse): string | undefined {
  const header = response.headers['content-type'];
  return Array.isArray(header) ? header[0] : header;
}

export class T2TunesClient {
  readonly baseUrl: string;
  readonly country: string;
  private readonly codec: MediaCodec;
  private readonly retryDelaysMs: readonly number[];
  private readonly logger: SourceLogger;
  private readonly transport: T2TunesTransport;
  private readonly shapes: ShapeReporter;
  private readonly closing = new AbortController();

  constructor(options: T2TunesClientOptions) {
    this.baseUrl = validateBaseUrl(options.baseUrl);
    this.country = validateCountry(options.country ?? 'US');
    this.codec = options.codec ?? 'flac';
    this.retryDelaysMs = resolveRetryDelays(options.failedSearchRetryDelaysMs);
    this.logger = options.logger ?? silentLogger;
    this.shapes = new ShapeReporter(this.logger);
    this.transport = new T2TunesTransport({
      baseUrl: this.baseUrl,
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      timeouts: resolveTimeouts(options.timeouts),
      onRequest: options.onRequest,
    });
  }

  /**
   * Reads `/api/status`. A proxy that responds with its backend down gives
   * `up: false`. No response or a 5xx throws an outage `SourceError`.
   */
  async status(): Promise<T2TunesStatus> {
    const body = this.readJson('status', await this.transport.get('status', {}));

    const state = isRecord(body) ? readString(body.amazonMusic) : null;
    if (!isRecord(body) || state === null) {
      throw this.shapeFailure('status', new WireShapeError('response', 'status response has no "amazonMusic" field', body));
    }
    return { up: state.toLowerCase() === 'up', version: readString(body.version) };
  }

  /**
   * Searches tracks (`types=track`) and derives album candidates from the
   * hits. Retries the transient "Failed to search" 400 after the configured
   * waits, so one call sends at most three requests.
   */
  async searchTracks(query: string): Promise<CatalogSearchResult> {
    const trimmed = query.trim();
    if (trimmed === '') {
      throw new SourceError('item_error', 'T2Tunes search query is empty', { endpoint: 'search' });
    }

    const response = await this.searchWithRetries(trimmed);
    const body = this.readJson('search', response);

    try {
      const hits = parseSearchResponse(body, this.shapes.sinkFor('search'));
      return { query: trimmed, tracks: hits.tracks, albums: deriveAlbums(hits.tracks, hits.albums) };
    } catch (error) {
      throw this.shapeFailure('search', error);
    }
  }

  /** Fetches album metadata for an album or track ASIN. Throws `not_found` when there is none. */
  async getAlbum(asin: string): Promise<CatalogAlbum> {
    const id = this.checkAsin(asin, 'metadata');
    const response = await this.transport.get('metadata', { asin: id, country: this.country });
    const body = this.readJson('metadata', response);

    let result;
    try {
      result = parseMetadataResponse(body, this.shapes.sinkFor('metadata'));
    } catch (error) {
      throw this.shapeFailure('metadata', error);
    }

    if (!result.found) {
      throw new SourceError('not_found', `T2Tunes has no album for ASIN ${id}`, { endpoint: 'metadata', status: response.status });
    }
    return result.album;
  }

  /**
   * Lists an album's tracks: from the metadata track list when the instance
   * sends one, else from media-from-asin (one entry per track, no durations).
   * Pass an album already fetched to save the metadata request.
   */
  async getAlbumTracks(album: CatalogAlbum | string): Promise<CatalogTrack[]> {
    const resolved = typeof album === 'string' ? await this.getAlbum(album) : album;
    if (resolved.tracks !== null) {
      return resolved.tracks;
    }

    const media = await this.getMedia(resolved.id);
    const tracks: CatalogTrack[] = [];
    for (const entry of media) {
      const track = mediaToTrack(entry, resolved.id);
      if (track === null) continue;
      tracks.push({
        ...track,
        artistName: track.artistName === '' ? resolved.artistName : track.artistName,
        albumTitle: track.albumTitle ?? resolved.title,
        releaseDate: track.releaseDate ?? resolved.releaseDate,
      });
    }
    return tracks;
  }

  /** Fetches media entries (stream info and tags) for a track or album ASIN. */
  async getMedia(asin: string): Promise<T2TunesMedia[]> {
    const id = this.checkAsin(asin, 'media');
    const response = await this.transport.get('media', { asin: id, country: this.country, codec: this.codec });
    const body = this.readJson('media', response);

    try {
      return parseMediaResponse(body, this.shapes.sinkFor('media'));
    } catch (error) {
      throw this.shapeFailure('media', error);
    }
  }

  /** Returns the counts of HTTP requests sent, retries included, by endpoint name. */
  requestCounts(): RequestCounts {
    return this.transport.requestCounts();
  }

  /** Aborts retry waits and requests in flight, and closes connections. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.transport.close();
  }

  private async searchWithRetries(query: string): Promise<RawResponse> {
    const params = { query, types: 'track', country: this.country };

    for (let attempt = 0; ; attempt += 1) {
      const response = await this.transport.get('search', params);
      if (!isFailedSearchResponse(response.status, response.bodyText)) {
        return response;
      }

      const delayMs = this.retryDelaysMs[attempt];
      if (delayMs === undefined) {
        throw new SourceError('item_error', `T2Tunes search failed ${attempt + 1} times with "Failed to search"`, {
          status: response.status,
          endpoint: 'search',
        });
      }

      this.logger.info({ endpoint: 'search', attempt: attempt + 1, delayMs }, 'T2Tunes search failed transiently; retrying');
      await this.wait(delayMs);
    }
  }

  /** Checks the status and parses JSON; see `classifyHttpStatus` for non-2xx. */
  private readJson(endpoint: T2TunesEndpoint, response: RawResponse): unknown {
    if (response.status < 200 || response.status > 299) {
      throw classifyHttpStatus(response.status, response.bodyText, response.headers['retry-after'], endpoint, contentTypeOf(response));
    }

    let body: unknown;
    try {
      body = JSON.parse(response.bodyText);
    } catch (error) {
      // A captive portal or error page with status 200 lands here: no item
      // is at fault, so it counts as the source being down.
      const contentType = contentTypeOf(response);
      const detail = describeNonJsonResponse(response.status, response.bodyText, contentType);
      const hint = isHtmlBody(response.bodyText, contentType) ? '. Check the T2Tunes base URL, or sign in to the network if it shows a login page' : '';
      return this.throwOutage(endpoint, response, `${detail}${hint}`, error);
    }

    if (isNotInitializedBody(body)) {
      return this.throwOutage(endpoint, response, `HTTP ${response.status} with Amazon Music API is not initialized`, undefined);
    }
    return body;
  }

  private throwOutage(endpoint: T2TunesEndpoint, response: RawResponse, detail: string, cause: unknown): never {
    throw new SourceError('outage', `T2Tunes ${endpoint} returned ${detail}`, {
      status: response.status,
      endpoint,
      cause,
    });
  }

  private shapeFailure(endpoint: T2TunesEndpoint, error: unknown): SourceError {
    if (!(error instanceof WireShapeError)) {
      throw error;
    }
    this.shapes.report(endpoint, error.message, error.sample);
    const kind = error.scope === 'response' ? 'contract' : 'item_error';
    return new SourceError(kind, `T2Tunes ${endpoint}: ${error.message}`, { status: 200, endpoint, cause: error });
  }

  private checkAsin(asin: string, endpoint: T2TunesEndpoint): string {
    const id = asin.trim();
    if (!ASIN_PATTERN.test(id)) {
      throw new SourceError('item_error', `Invalid ASIN "${asin}": expected 10 letters or digits`, { endpoint });
    }
    return id;
  }

  private async wait(delayMs: number): Promise<void> {
    try {
      await sleep(delayMs, undefined, { signal: this.closing.signal });
    } catch (error) {
      throw new SourceError('outage', 'T2Tunes search retry cancelled because the client was closed', {
        endpoint: 'search',
        cause: error,
      });
    }
  }
}

/**
 * A fake T2Tunes instance on 127.0.0.1 that serves search, metadata, media
 * and status from a catalog fixture, with fault modes that tests switch while
 * it runs (in-process, or over `/__control/*` for a server in another process).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { indexCatalog, loadCatalog, type Catalog, type IndexedCatalog } from './catalog.ts';
import { handleControl, type ControlTarget } from './control.ts';
import { sendJson, writeFaultResponse, type FaultContext } from './fault-responses.ts';
import { FAKE_ENDPOINTS, FaultTable, validateFaultSpec, type FakeEndpoint, type FaultKind, type FaultMode, type FaultSpec } from './faults.ts';
import { SearchIndex } from './search-index.ts';
import {
  mediaBody,
  metadataBody,
  rotatingMediaStyle,
  rotatingMetadataStyle,
  searchBody,
  type MediaStyle,
  type MetadataStyle,
  type SearchShape,
} from './wire-bodies.ts';

export type MetadataStyleSetting = Partial<MetadataStyle> | 'rotate';
export type MediaStyleSetting = Partial<MediaStyle> | 'rotate';

export interface FakeT2TunesOptions {
  catalog?: Catalog;
  catalogPath?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Search response generation; default `graphql`. */
  shape?: SearchShape;
  /** Default `rotate`: artist field, date field and date form change with every response. */
  metadataStyle?: MetadataStyleSetting;
  /** Default `rotate`: list or lone object, old or new number fields, `stremeable` spelling. */
  mediaStyle?: MediaStyleSetting;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  endpoint: FakeEndpoint | null;
  /** ISO timestamp of arrival. */
  time: string;
  /** Status sent; `null` while no response was sent or when the fault sends none. */
  status: number | null;
  fault: FaultKind | null;
}

export interface RequestCountsSnapshot {
  total: number;
  byEndpoint: Record<FakeEndpoint, number>;
}

const HOST = '127.0.0.1';
const PATHS: Record<string, FakeEndpoint> = {
  '/api/status': 'status',
  '/api/amazon-music/search': 'search',
  '/api/amazon-music/metadata': 'metadata',
  '/api/amazon-music/media-from-asin': 'media',
};

const DEFAULT_METADATA_STYLE: MetadataStyle = { artistField: 'artistName', dateField: 'releaseDate', dateForm: 'iso', includeTracks: true };
const DEFAULT_MEDIA_STYLE: MediaStyle = { form: 'list', numbers: 'old', streamableKey: 'streamable' };

function emptyCounts(): Record<FakeEndpoint, number> {
  return Object.fromEntries(FAKE_ENDPOINTS.map((endpoint) => [endpoint, 0])) as Record<FakeEndpoint, number>;
}

export class FakeT2Tunes implements ControlTarget {
  private readonly catalog: IndexedCatalog;
  private readonly index: SearchIndex;
  private readonly server: Server;
  private readonly faults = new FaultTable();
  private readonly timers = new Set<NodeJS.Timeout>();
  private log: RequestLogEntry[] = [];
  private perEndpoint = emptyCounts();
  private searchShape: SearchShape;
  private metadataStyle: MetadataStyleSetting;
  private mediaStyle: MediaStyleSetting;
  private amazonMusicState: 'up' | 'down' = 'up';
  private metadataResponses = 0;
  private mediaResponses = 0;
  private listeningPort = 0;
  private refusing = false;
  private closed = false;
  private refusalTimer: NodeJS.Timeout | null = null;

  constructor(catalog: Catalog, options: FakeT2TunesOptions) {
    this.catalog = indexCatalog(catalog);
    this.index = new SearchIndex(this.catalog);
    this.searchShape = options.shape ?? 'graphql';
    this.metadataStyle = options.metadataStyle ?? 'rotate';
    this.mediaStyle = options.mediaStyle ?? 'rotate';
    this.server = createServer((req, res) => this.handle(req, res));
  }

  get port(): number {
    return this.listeningPort;
  }

  get url(): string {
    return `http://${HOST}:${this.listeningPort}`;
  }

  /** Starts listening; `port` 0 picks a free one. */
  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, HOST, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.listeningPort = (this.server.address() as AddressInfo).port;
  }

  shape(): SearchShape {
    return this.searchShape;
  }

  setShape(shape: SearchShape): void {
    this.searchShape = shape;
  }

  setMetadataStyle(style: MetadataStyleSetting): void {
    this.metadataStyle = style;
  }

  setMediaStyle(style: MediaStyleSetting): void {
    this.mediaStyle = style;
  }

  /** Sets what `/api/status` reports for the Amazon backend. */
  setAmazonMusicState(state: 'up' | 'down'): void {
    this.amazonMusicState = state;
  }

  /**
   * Adds a fault; earlier faults keep priority. `refused` stops listening at
   * once and resolves when the port is closed.
   */
  async setFault(spec: FaultSpec): Promise<void> {
    const valid = validateFaultSpec(spec);
    if (valid.mode.kind === 'refused') {
      await this.refuse(valid.mode.durationMs);
      return;
    }
    this.faults.add(valid);
  }

  /** Removes every fault and listens again if connections were being refused. */
  async clearFaults(): Promise<void> {
    this.faults.clear();
    await this.stopRefusing();
  }

  requests(): RequestLogEntry[] {
    return this.log.map((entry) => ({ ...entry, query: { ...entry.query } }));
  }

  counts(): RequestCountsSnapshot {
    const byEndpoint = { ...this.perEndpoint };
    const total = Object.values(byEndpoint).reduce((sum, count) => sum + count, 0);
    return { total, byEndpoint };
  }

  resetLog(): void {
    this.log = [];
    this.perEndpoint = emptyCounts();
  }

  /** Stops listening, drops every connection (hanging ones too) and cancels timers. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.refusalTimer !== null) clearTimeout(this.refusalTimer);
    this.refusalTimer = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (!this.refusing) {
      this.refusing = true;
      await this.closeListener();
    }
  }

  // ---- connection refusal ----

  private async closeListener(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async refuse(durationMs: number | undefined): Promise<void> {
    if (!this.refusing) {
      this.refusing = true;
      await this.closeListener();
    }
    if (durationMs !== undefined) {
      if (this.refusalTimer !== null) clearTimeout(this.refusalTimer);
      this.refusalTimer = setTimeout(() => void this.stopRefusing(), durationMs);
    }
  }

  private async stopRefusing(): Promise<void> {
    if (this.refusalTimer !== null) clearTimeout(this.refusalTimer);
    this.refusalTimer = null;
    if (this.refusing && !this.closed) {
      await this.listen(this.listeningPort);
      this.refusing = false;
    }
  }

  // ---- request handling ----

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (url.pathname.startsWith('/__control/')) {
      void handleControl(this, req, res, url);
      return;
    }

    const endpoint = PATHS[url.pathname] ?? null;
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      endpoint,
      time: new Date().toISOString(),
      status: null,
      fault: null,
    };
    this.log.push(entry);

    const context: FaultContext = { req, res, endpoint: endpoint ?? 'unknown', setStatus: (status) => (entry.status = status) };
    if (endpoint === null) {
      sendJson(context, 404, { error: true, statusCode: 404, message: `No route for ${url.pathname}` });
      return;
    }
    this.perEndpoint[endpoint] += 1;

    const fault = this.faults.next(endpoint);
    entry.fault = fault?.kind ?? null;
    this.respondWithFault(context, endpoint, url.searchParams, fault);
  }

  private respondWithFault(context: FaultContext, endpoint: FakeEndpoint, params: URLSearchParams, fault: FaultMode | null): void {
    if (fault === null) {
      this.respond(context, endpoint, params);
    } else if (fault.kind === 'hang') {
      // The request stays open until the client gives up or close() drops it.
    } else if (fault.kind === 'slow') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!context.res.destroyed) this.respond(context, endpoint, params);
      }, fault.delayMs);
      this.timers.add(timer);
    } else {
      writeFaultResponse(context, fault);
    }
  }

  private respond(context: FaultContext, endpoint: FakeEndpoint, params: URLSearchParams): void {
    switch (endpoint) {
      case 'status':
        sendJson(context, 200, { amazonMusic: this.amazonMusicState, version: 'fake-1' });
        return;
      case 'search':
        this.respondToSearch(context, params);
        return;
      case 'metadata':
        this.respondToMetadata(context, params);
        return;
      case 'media':
        this.respondToMedia(context, params);
        return;
    }
  }

  private respondToSearch(context: FaultContext, params: URLSearchParams): void {
    const query = params.get('query') ?? '';
    if (query.trim() === '') {
      sendJson(context, 400, { error: true, statusCode: 400, message: 'Missing "query" parameter' });
      return;
    }

    // Both spellings occur in the wild; with neither, tracks and albums are searched.
    const types = (params.get('types') ?? params.get('type') ?? 'track,album').split(',').map((type) => type.trim());
    const tracks = types.includes('track') ? this.index.searchTracks(query) : [];
    const albums = types.includes('album') ? this.index.searchAlbums(query) : null;
    sendJson(context, 200, searchBody(this.searchShape, tracks, albums));
  }

  private respondToMetadata(context: FaultContext, params: URLSearchParams): void {
    const asin = params.get('asin') ?? '';
    const album = this.catalog.albumByAsin.get(asin) ?? this.catalog.trackByAsin.get(asin)?.album;

    const setting = this.metadataStyle;
    const style = setting === 'rotate' ? rotatingMetadataStyle(this.metadataResponses, true) : { ...DEFAULT_METADATA_STYLE, ...setting };
    this.metadataResponses += 1;
    sendJson(context, 200, metadataBody(album, style));
  }

  private respondToMedia(context: FaultContext, params: URLSearchParams): void {
    const asin = params.get('asin') ?? '';
    const album = this.catalog.albumByAsin.get(asin);
    const single = this.catalog.trackByAsin.get(asin);
    const tracks = album !== undefined ? album.tracks.map((track) => ({ track, album })) : single !== undefined ? [single] : [];
    if (tracks.length === 0) {
      sendJson(context, 404, { error: true, statusCode: 404, message: `No media for ASIN ${asin}` });
      return;
    }

    const setting = this.mediaStyle;
    const style = setting === 'rotate' ? rotatingMediaStyle(this.mediaResponses) : { ...DEFAULT_MEDIA_STYLE, ...setting };
    this.mediaResponses += 1;
    sendJson(context, 200, mediaBody(tracks, album !== undefined, style));
  }
}

/** Starts a fake T2Tunes server from a catalog object or a catalog file. */
export async function startFakeT2Tunes(options: FakeT2TunesOptions): Promise<FakeT2Tunes> {
  let catalog = options.catalog;
  if (catalog === undefined) {
    if (options.catalogPath === undefined) {
      throw new Error('startFakeT2Tunes needs "catalog" or "catalogPath"');
    }
    catalog = await loadCatalog(options.catalogPath);
  }

  const fake = new FakeT2Tunes(catalog, options);
  await fake.listen(options.port ?? 0);
  return fake;
}

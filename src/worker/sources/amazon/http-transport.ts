/**
 * The HTTP layer of the T2Tunes client: one undici Agent with connect,
 * headers and body timeouts, request counting, and body reading with a size
 * cap. It returns every HTTP response as text and turns only network failures
 * into `SourceError`s. The caller handles status codes.
 */
import { Agent, request } from 'undici';
import { SourceError } from '../../../shared/source-errors.ts';
import { T2TUNES_ENDPOINTS, type T2TunesEndpoint } from './endpoints.ts';
import { classifyNetworkError } from './failure-classification.ts';

/** Timeouts in milliseconds. */
export interface T2TunesTimeouts {
  /** TCP (and TLS) connection set-up. */
  connectMs: number;
  /** From sending the request to the complete response headers. */
  headersMs: number;
  /** Maximum idle time between two body chunks. */
  bodyMs: number;
}

export const DEFAULT_TIMEOUTS: T2TunesTimeouts = { connectMs: 10_000, headersMs: 15_000, bodyMs: 30_000 };

// NOTE: an estimate. Album metadata with a track list is a few hundred KiB,
// so a body this large is not a T2Tunes response.
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
}

export interface RequestCounts {
  total: number;
  byEndpoint: Record<string, number>;
}

export interface TransportOptions {
  baseUrl: string;
  userAgent: string;
  timeouts: T2TunesTimeouts;
  onRequest?: (endpoint: T2TunesEndpoint) => void;
}

async function readBodyText(body: AsyncIterable<Buffer>, endpoint: T2TunesEndpoint): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;

  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new SourceError('outage', `T2Tunes ${endpoint} body exceeds ${MAX_BODY_BYTES} bytes`, { endpoint });
    }
    chunks.push(chunk);
  }

  return Buffer.concat(chunks).toString('utf8');
}

export class T2TunesTransport {
  private readonly agent: Agent;
  private readonly options: TransportOptions;
  private readonly counts = new Map<string, number>();
  private total = 0;
  private closed = false;

  constructor(options: TransportOptions) {
    this.options = options;
    this.agent = new Agent({
      connect: { timeout: options.timeouts.connectMs },
      headersTimeout: options.timeouts.headersMs,
      bodyTimeout: options.timeouts.bodyMs,
    });
  }

  /** Sends one GET and returns the response. Throws an outage `SourceError` on network failure. */
  async get(endpoint: T2TunesEndpoint, params: Readonly<Record<string, string>>): Promise<RawResponse> {
    if (this.closed) {
      throw new Error('T2Tunes client is closed. Create a new client to send requests.');
    }

    const url = new URL(`${this.options.baseUrl}${T2TUNES_ENDPOINTS[endpoint]}`);
    for (const [key, value] of Object.entries(params)) {
      url.searchParams.set(key, value);
    }

    this.count(endpoint);

    try {
      const response = await request(url, {
        method: 'GET',
        dispatcher: this.agent,
        headers: { accept: 'application/json', 'user-agent': this.options.userAgent },
      });
      const bodyText = await readBodyText(response.body, endpoint);
      return { status: response.statusCode, headers: response.headers, bodyText };
    } catch (error) {
      throw classifyNetworkError(error, endpoint);
    }
  }

  requestCounts(): RequestCounts {
    return { total: this.total, byEndpoint: Object.fromEntries(this.counts) };
  }

  /** Aborts requests in flight and releases every connection. */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    await this.agent.destroy();
  }

  private count(endpoint: T2TunesEndpoint): void {
    this.total += 1;
    this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1);
    this.options.onRequest?.(endpoint);
  }
}

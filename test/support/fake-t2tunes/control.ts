/**
 * The control endpoint of the fake server, for tests that drive a server in
 * another process (the CLI):
 *
 * - `POST /__control/fault` with a fault spec as JSON adds a fault;
 *   `refused` needs `mode.durationMs`, because a refusing server cannot be
 *   reached to clear it.
 * - `POST /__control/clear` removes every fault.
 * - `POST /__control/reset` removes every fault and clears the request log.
 * - `GET /__control/log` returns `{ requests, counts }`.
 * - `POST /__control/shape` with `{"shape": "legacy" | "graphql"}`.
 * - `POST /__control/amazon-music` with `{"state": "up" | "down"}`.
 * - `POST /__control/metadata-style` and `/__control/media-style` with
 *   `{"style": "rotate" | {...}}`.
 *
 * Control requests are neither logged nor counted, and faults never apply to them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateFaultSpec, type FaultSpec } from './faults.ts';
import type { MediaStyleSetting, MetadataStyleSetting, RequestCountsSnapshot, RequestLogEntry } from './server.ts';
import type { SearchShape } from './wire-bodies.ts';

export interface ControlTarget {
  setFault(spec: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  resetLog(): void;
  requests(): RequestLogEntry[];
  counts(): RequestCountsSnapshot;
  setShape(shape: SearchShape): void;
  setAmazonMusicState(state: 'up' | 'down'): void;
  setMetadataStyle(style: MetadataStyleSetting): void;
  setMediaStyle(style: MediaStyleSetting): void;
}

const MAX_CONTROL_BODY_BYTES = 64 * 1024;

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CONTROL_BODY_BYTES) throw new Error(`control body exceeds ${MAX_CONTROL_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function addFault(target: ControlTarget, body: unknown, res: ServerResponse): Promise<void> {
  const spec = validateFaultSpec(body);
  if (spec.mode.kind !== 'refused') {
    await target.setFault(spec);
    return;
  }

  if (spec.mode.durationMs === undefined) {
    throw new Error('Invalid fault: refused over the control endpoint needs mode.durationMs, or the server stays unreachable');
  }
  // Refusing drops every connection, this one too, so it starts after the reply is out.
  res.once('finish', () => void target.setFault(spec));
}

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

async function dispatch(target: ControlTarget, action: string, body: unknown, res: ServerResponse): Promise<unknown> {
  switch (action) {
    case 'POST fault':
      await addFault(target, body, res);
      return { ok: true };
    case 'POST clear':
      await target.clearFaults();
      return { ok: true };
    case 'POST reset':
      await target.clearFaults();
      target.resetLog();
      return { ok: true };
    case 'GET log':
      return { requests: target.requests(), counts: target.counts() };
    case 'POST shape': {
      const shape = field(body, 'shape');
      if (shape !== 'legacy' && shape !== 'graphql') throw new Error('shape must be "legacy" or "graphql"');
      target.setShape(shape);
      return { ok: true };
    }
    case 'POST amazon-music': {
      const state = field(body, 'state');
      if (state !== 'up' && state !== 'down') throw new Error('state must be "up" or "down"');
      target.setAmazonMusicState(state);
      return { ok: true };
    }
    case 'POST metadata-style':
      target.setMetadataStyle(field(body, 'style') as MetadataStyleSetting);
      return { ok: true };
    case 'POST media-style':
      target.setMediaStyle(field(body, 'style') as MediaStyleSetting);
      return { ok: true };
    default:
      return undefined;
  }
}

export async function handleControl(target: ControlTarget, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const action = `${req.method ?? 'GET'} ${url.pathname.slice('/__control/'.length)}`;
  try {
    const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
    const result = await dispatch(target, action, body, res);
    if (result === undefined) {
      reply(res, 404, { error: `unknown control action "${action}"` });
    } else {
      reply(res, 200, result);
    }
  } catch (error) {
    reply(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}

import type { FileStat, ScannedTrack, ScannerMessage, UnreadableFile } from '../../shared/scan-protocol.ts';
import { readTrack } from './read-track.ts';
import { walkFolder } from './walk.ts';

/**
 * Files parsed at the same time. Parsing mostly waits on the disk, so a few
 * reads in flight hide the latency of network shares and spinning disks
 * without holding many file handles open.
 */
const PARSE_CONCURRENCY = 4;

/**
 * One scan inside the scanner process: walks the root, sends each batch of
 * audio candidates to main, waits for the list of paths main wants parsed
 * (new or changed files), parses only those and sends the tracks back.
 */
export class ScanSession {
  private nextBatchId = 1;
  private readonly waiting = new Map<number, (paths: string[]) => void>();

  constructor(
    private readonly send: (message: ScannerMessage) => void,
    private readonly root: string,
    private readonly batchSize: number,
  ) {}

  /** Resolves the batch waiting for main's `parse` reply. */
  receiveParseList(batchId: number, paths: string[]): void {
    const resolve = this.waiting.get(batchId);
    this.waiting.delete(batchId);
    resolve?.(paths);
  }

  async run(): Promise<void> {
    let files: FileStat[] = [];
    let unreadable: UnreadableFile[] = [];

    for await (const found of walkFolder(this.root)) {
      if (found.kind === 'unreadable') unreadable.push(found.entry);
      else files.push(found.file);

      if (unreadable.length >= this.batchSize) {
        this.send({ type: 'unreadable', entries: unreadable });
        unreadable = [];
      }
      if (files.length >= this.batchSize) {
        await this.processBatch(files);
        files = [];
      }
    }

    if (unreadable.length > 0) this.send({ type: 'unreadable', entries: unreadable });
    if (files.length > 0) await this.processBatch(files);
    this.send({ type: 'done' });
  }

  private async processBatch(files: FileStat[]): Promise<void> {
    const batchId = this.nextBatchId++;
    const reply = new Promise<string[]>((resolve) => this.waiting.set(batchId, resolve));
    this.send({ type: 'files', batchId, files });

    const requested = new Set(await reply);
    const toParse = files.filter((file) => requested.has(file.path));
    // NOTE: no per-file time limit. A parse that never settles (a stalled
    // network share) stalls the scan until main stops the process.
    const results = await mapLimited(toParse, PARSE_CONCURRENCY, (file) => readTrack(file, this.root));

    const tracks: ScannedTrack[] = [];
    const unreadable: UnreadableFile[] = [];
    for (const result of results) {
      if (result.ok) tracks.push(result.track);
      else unreadable.push(result.unreadable);
    }
    this.send({ type: 'tracks', batchId, tracks, unreadable, parsed: toParse.length });
  }
}

/** Maps items through an async function with at most `limit` calls in flight; keeps input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;

  async function lane(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  }

  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

import path from 'node:path';

import type Database from 'better-sqlite3';

import type { ScannerMessage, ScannerRequest, UnreadableFile } from '../../../shared/scan-protocol.ts';
import type { ItemsAdded, ScanProgressEvent, ScanSummary, UnreadableEntry } from '../../../shared/scan-summary.ts';
import type { ChildProcessHandle } from '../process/child.ts';
import { loadKnownFiles, type KnownFile } from './known-files.ts';
import { libraryTotals, markLibraryScanned, type LibraryRecord } from './library-store.ts';
import { pruneEmptyEntities, removeTracks } from './track-removal.ts';
import { TrackWriter } from './track-writer.ts';

type ScannerHandle = ChildProcessHandle<ScannerRequest, ScannerMessage>;

export interface ScanRunHooks {
  onProgress?: (progress: ScanProgressEvent) => void;
  onItemsAdded?: (items: ItemsAdded) => void;
}

/**
 * Main's side of one scan. It replies to each file batch of the scanner with
 * the paths whose stored (size, mtime) differ, writes the parsed tracks, and
 * at the end removes the tracks whose files are gone.
 *
 * A stored track is removed when its file was not found, or was re-read and
 * is no longer audio. It is kept when the failure may pass (permission
 * denied, a broken link, a folder that could not be listed), so a drive
 * that is briefly missing does not cost the user their enrichment data.
 */
export class ScanRun {
  private readonly known: Map<string, KnownFile>;
  private readonly writer: TrackWriter;
  private readonly startedAt = Date.now();

  /** Stored tracks whose files changed and were sent for parsing, by path. */
  private readonly reparsed = new Map<string, number>();
  /** Tracks whose files were re-read and turned out unreadable for good. */
  private readonly dropped: number[] = [];
  /** Paths (files or folders) that failed in a way that may pass; tracks at or under them are kept. */
  private readonly protectedPaths: string[] = [];

  private readonly unreadable: UnreadableEntry[] = [];
  private filesSeen = 0;
  private parsed = 0;
  private added = 0;
  private updated = 0;
  private unchanged = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly library: LibraryRecord,
    private readonly hooks: ScanRunHooks,
  ) {
    this.known = loadKnownFiles(db, library.id);
    this.writer = new TrackWriter(db, library.id);
  }

  /** Handles one scanner message. Returns true on `done`; throws when the scanner failed. */
  handle(message: ScannerMessage, scanner: ScannerHandle): boolean {
    switch (message.type) {
      case 'files':
        scanner.send({ type: 'parse', batchId: message.batchId, paths: this.pathsToParse(message.files) });
        break;
      case 'tracks':
        this.writeTracks(message);
        break;
      case 'unreadable':
        this.filesSeen += message.entries.length;
        for (const entry of message.entries) this.recordUnreadable(entry);
        break;
      case 'done':
        return true;
      case 'failed':
        throw new Error(`The scanner failed: ${message.message}`);
    }

    this.emitProgress('scanning');
    return false;
  }

  /** Removes the tracks of files that are gone, prunes empty albums and artists, and returns the summary. */
  finish(): ScanSummary {
    const missingTrackIds = [...this.known].filter(([filePath]) => !this.isProtected(filePath)).map(([, file]) => file.trackId);
    const removed = removeTracks(this.db, [...missingTrackIds, ...this.dropped]);
    if (removed > 0 || this.updated > 0) pruneEmptyEntities(this.db, this.library.id);

    markLibraryScanned(this.db, this.library.id);
    const totals = libraryTotals(this.db, this.library.id);

    return {
      libraryId: this.library.id,
      rootPath: this.library.rootPath,
      filesSeen: this.filesSeen,
      added: this.added,
      updated: this.updated,
      unchanged: this.unchanged,
      removed,
      parsed: this.parsed,
      unreadable: this.unreadable,
      ...totals,
      durationMs: Date.now() - this.startedAt,
    };
  }

  emitProgress(phase: ScanProgressEvent['phase'], error: string | null = null): void {
    const elapsedMs = Date.now() - this.startedAt;
    this.hooks.onProgress?.({
      libraryId: this.library.id,
      rootPath: this.library.rootPath,
      phase,
      filesSeen: this.filesSeen,
      parsed: this.parsed,
      filesPerSecond: elapsedMs > 0 ? Math.round((this.filesSeen * 10_000) / elapsedMs) / 10 : 0,
      elapsedMs,
      error,
    });
  }

  /** Marks each file as seen and returns the paths that are new or changed (size or mtime differ). */
  private pathsToParse(files: readonly { path: string; size: number; mtimeMs: number }[]): string[] {
    const toParse: string[] = [];

    for (const file of files) {
      this.filesSeen++;
      const stored = this.known.get(file.path);
      this.known.delete(file.path);

      if (stored && stored.size === file.size && stored.mtimeMs === file.mtimeMs) {
        this.unchanged++;
        continue;
      }
      if (stored) this.reparsed.set(file.path, stored.trackId);
      toParse.push(file.path);
    }

    return toParse;
  }

  private writeTracks(message: Extract<ScannerMessage, { type: 'tracks' }>): void {
    const result = this.writer.write(message.tracks);
    this.added += result.addedTracks;
    this.updated += result.updatedTracks;
    this.parsed += message.parsed;

    for (const entry of message.unreadable) {
      this.recordUnreadable(entry);
      const trackId = this.reparsed.get(entry.path);
      if (trackId !== undefined && !entry.transient) this.dropped.push(trackId);
    }

    if (result.addedTracks + result.addedAlbums + result.addedArtists > 0) {
      this.hooks.onItemsAdded?.({
        libraryId: this.library.id,
        artists: result.addedArtists,
        albums: result.addedAlbums,
        tracks: result.addedTracks,
      });
    }
  }

  private recordUnreadable(entry: UnreadableFile): void {
    this.unreadable.push({ path: entry.path, reason: entry.reason });
    if (entry.transient) this.protectedPaths.push(entry.path);
  }

  private isProtected(filePath: string): boolean {
    return this.protectedPaths.some((kept) => filePath === kept || filePath.startsWith(kept + path.sep));
  }
}

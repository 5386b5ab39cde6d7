import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

import type { FileStat, UnreadableFile } from '../../shared/scan-protocol.ts';
import { classifyFile, NOT_AUDIO_REASON } from './audio-files.ts';
import { unreadableFrom } from './unreadable-reason.ts';

/** One thing the walk found: a file to consider, or an entry it could not use. */
export type WalkEntry = { kind: 'file'; file: FileStat } | { kind: 'unreadable'; entry: UnreadableFile };

/**
 * Walks a folder tree depth first, in name order, and yields each file it finds.
 *
 * - Symbolic links are followed. Each folder is entered once by its real path,
 *   so a link back to a parent (a loop) or a second link to the same folder
 *   is skipped.
 * - A folder or file that cannot be listed or read (EACCES, a broken link, a
 *   link loop) is yielded as unreadable and the walk goes on.
 * - Sidecar files (images, logs, playlists) are yielded as unreadable
 *   "not an audio file" without being opened.
 * - Sockets, FIFOs and devices are skipped: opening a FIFO would block.
 */
export async function* walkFolder(root: string): AsyncGenerator<WalkEntry> {
  const visited = new Set<string>();
  const pending: string[] = [root];

  while (pending.length > 0) {
    const folder = pending.pop() as string;

    let realFolder: string;
    try {
      realFolder = await fs.realpath(folder);
    } catch (error) {
      yield { kind: 'unreadable', entry: unreadableFrom(folder, error) };
      continue;
    }
    if (visited.has(realFolder)) continue;
    visited.add(realFolder);

    let entries: Dirent[];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      yield { kind: 'unreadable', entry: unreadableFrom(folder, error) };
      continue;
    }
    entries.sort(byName);

    const subfolders: string[] = [];
    for (const entry of entries) {
      const entryPath = path.join(folder, entry.name);
      const found = await inspectEntry(entry, entryPath);
      if (found === 'folder') subfolders.push(entryPath);
      else if (found !== null) yield found;
    }

    // Reversed so that popping from the end visits subfolders in name order.
    pending.push(...subfolders.reverse());
  }
}

async function inspectEntry(entry: Dirent, entryPath: string): Promise<WalkEntry | 'folder' | null> {
  if (entry.isDirectory()) return 'folder';
  if (!entry.isFile() && !entry.isSymbolicLink()) return null;
  if (entry.isFile() && classifyFile(entryPath) === 'sidecar') return notAudio(entryPath);

  const link = entry.isSymbolicLink();
  let stats;
  try {
    stats = await fs.stat(entryPath);
  } catch (error) {
    return { kind: 'unreadable', entry: unreadableFrom(entryPath, error, link) };
  }

  if (stats.isDirectory()) return 'folder';
  if (!stats.isFile()) return null;

  if (classifyFile(entryPath) === 'sidecar') return notAudio(entryPath);

  const file: FileStat = { path: entryPath, size: stats.size, mtimeMs: Math.floor(stats.mtimeMs) };
  return { kind: 'file', file };
}

/** Orders entries by UTF-16 code unit, the same on every platform and locale. */
function byName(a: Dirent, b: Dirent): number {
  if (a.name < b.name) return -1;
  if (a.name > b.name) return 1;
  return 0;
}

function notAudio(entryPath: string): WalkEntry {
  return { kind: 'unreadable', entry: { path: entryPath, reason: NOT_AUDIO_REASON, transient: false } };
}

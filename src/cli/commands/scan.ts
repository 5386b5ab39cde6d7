import path from 'node:path';
import type { Writable } from 'node:stream';

import { resolveScanFolder } from '../../main/core/library/scan-folder.ts';
import { launchNodeChild } from '../../main/core/process/node-child.ts';
import { scanLibrary } from '../../main/core/scan-service.ts';
import type { ScanProgressEvent, ScanSummary } from '../../shared/scan-summary.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_OK, UsageError, type Command, type CommandContext } from '../command.ts';
import { openHost } from '../host.ts';

/** Unreadable files listed in the human summary; `--json` lists them all. */
const MAX_LISTED_UNREADABLE = 20;

const USAGE = `Usage: liner scan <folder>... [--db FILE] [--json]

Reads the tags of every audio file under each folder and stores its artists,
albums and tracks, one library per folder. A rescan reads only new and
changed files and removes the tracks of deleted files.

Options:
  --db FILE   database file (default: $LINER_DB, else liner.db in the app data folder)
  --json      print one JSON object per folder on stdout instead of a summary`;

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Scan music folders into the library',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, json: { type: 'boolean' } }, true);
    if (positionals.length === 0) throw new UsageError('missing folder argument: name at least one music folder');
    if (positionals.some((folder) => folder.trim() === '')) {
      throw new UsageError('a folder argument is empty (an unset shell variable?); name the music folder to scan');
    }

    // Every folder is checked before the database is opened, so a typo in the
    // second folder does not leave the first one half scanned.
    const folders = positionals.map((folder) => resolveScanFolder(folder));

    const host = openHost({ db: values.db, env: context.env });
    try {
      for (const folder of folders) {
        const summary = await scanWithProgress(folder, host, context);
        context.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
      }
    } finally {
      host.close();
    }
    return EXIT_OK;
  },
};

async function scanWithProgress(folder: string, host: ReturnType<typeof openHost>, context: CommandContext): Promise<ScanSummary> {
  const progress = context.interactive ? progressLine(context.stderr) : null;
  try {
    return await scanLibrary({
      db: host.db,
      launcher: launchNodeChild,
      folder,
      logger: host.logger,
      signal: context.signal,
      onProgress: progress?.draw,
    });
  } finally {
    progress?.clear();
  }
}

/** Creates a one-line progress display that redraws itself in place on a terminal. */
function progressLine(stream: Writable): { draw: (progress: ScanProgressEvent) => void; clear: () => void } {
  let drawn = false;
  return {
    draw(progress) {
      const line = `Scanning ${progress.rootPath}: ${progress.filesSeen} files seen, ${progress.parsed} parsed, ${progress.filesPerSecond} files/s`;
      stream.write(`\r\x1b[K${line}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

function formatSummary(summary: ScanSummary): string {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const lines = [
    `Scanned ${summary.rootPath} in ${seconds} s`,
    `  ${summary.filesSeen} files: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.unreadable.length} unreadable`,
    `  ${summary.removed} tracks removed (files gone)`,
    `  Library now: ${summary.artists} artists, ${summary.albums} albums, ${summary.tracks} tracks`,
  ];

  if (summary.unreadable.length > 0) {
    lines.push('  Unreadable:');
    for (const entry of summary.unreadable.slice(0, MAX_LISTED_UNREADABLE)) {
      lines.push(`    ${path.relative(summary.rootPath, entry.path) || entry.path}: ${entry.reason}`);
    }
    const more = summary.unreadable.length - MAX_LISTED_UNREADABLE;
    if (more > 0) lines.push(`    … and ${more} more (--json lists them all)`);
  }
  return `${lines.join('\n')}\n`;
}

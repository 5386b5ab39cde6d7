import fs from 'node:fs';
import path from 'node:path';

import { listLibraries } from '../../main/core/items/library-queries.ts';
import { removeLibraryRows } from '../../main/core/library/library-removal.ts';
import type { LibrarySummary } from '../../shared/ipc-contract.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_OK, UsageError, type Command, type CommandContext } from '../command.ts';
import { openHost, type Host } from '../host.ts';

const USAGE = `Usage: liner library list [--db FILE] [--json]
       liner library remove <id|folder> [--db FILE]

list    prints each library: its id, track, album and artist totals, the
        time of its last scan and its folder.
remove  deletes one library's artists, albums and tracks from the
        database, with their enrichment data. The audio files are never
        touched. Name the library by the id \`list\` prints or by its folder.
        Do not remove a library while the app or \`liner scan\` scans it.

Options:
  --db FILE  database file (default: LINER_DB, else liner.db in the app data folder)
  --json     list: print one JSON array instead of a table`;

/** Finds a library by its id or its folder as typed, resolved, or with links resolved. */
function findLibrary(libraries: readonly LibrarySummary[], target: string): LibrarySummary | undefined {
  if (/^\d+$/.test(target)) return libraries.find((library) => library.id === Number(target));

  const resolved = path.resolve(target);
  const candidates = new Set([target, resolved]);
  try {
    candidates.add(fs.realpathSync(resolved));
  } catch {
    // The folder may be gone from disk, which is a common reason to remove its library.
  }
  return libraries.find((library) => candidates.has(library.rootPath));
}

function formatTable(libraries: readonly LibrarySummary[]): string {
  if (libraries.length === 0) return 'No libraries. Add one with `liner scan <folder>`.\n';

  const rows = libraries.map((library) => [
    String(library.id),
    String(library.totals.tracks),
    String(library.totals.albums),
    String(library.totals.artists),
    library.lastScanAt ?? 'never',
    library.rootPath,
  ]);
  const header = ['ID', 'TRACKS', 'ALBUMS', 'ARTISTS', 'LAST SCAN', 'FOLDER'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

function listCommand(host: Host, json: boolean, context: CommandContext): number {
  const libraries = listLibraries(host.db);
  context.stdout.write(json ? `${JSON.stringify(libraries, null, 2)}\n` : formatTable(libraries));
  return EXIT_OK;
}

async function removeCommand(host: Host, target: string, context: CommandContext): Promise<number> {
  const library = findLibrary(listLibraries(host.db), target);
  if (!library) {
    throw new Error(`no library has the id or folder "${target}"; run \`liner library list\` to see them`);
  }

  // NOTE: a scan in another process (the app, another `liner scan`) is not
  // detected. Rows it writes meanwhile go with the library row, and its later
  // batches fail because the library no longer exists.
  const removed = await removeLibraryRows(host.db, library.id);
  host.logger.child({ scope: 'library' }).info({ libraryId: library.id, rootPath: library.rootPath, removed }, 'library removed');
  context.stdout.write(
    `Removed library ${library.id} (${library.rootPath}) from the database: ` +
      `${removed.tracks} tracks, ${removed.albums} albums, ${removed.artists} artists.\n` +
      'The audio files were not touched; scan the folder again to add it back.\n',
  );
  return EXIT_OK;
}

export const libraryCommand: Command = {
  name: 'library',
  summary: 'List libraries or remove one from the database (audio files are never touched)',
  usage: USAGE,

  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, json: { type: 'boolean' } }, true);
    const [action, target, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (action !== 'list' && action !== 'remove') {
      throw new UsageError(action === undefined ? 'name an action: list or remove' : `unknown action "${action}"; use list or remove`);
    }
    if (action === 'list' && target !== undefined) throw new UsageError(`unexpected argument "${target}"`);
    if (action === 'remove' && target === undefined) throw new UsageError('name the library to remove by its id or folder');
    if (action === 'remove' && values.json) throw new UsageError('--json applies to list only');

    const host = openHost({ db: values.db, env: context.env });
    try {
      return action === 'list' ? listCommand(host, values.json === true, context) : await removeCommand(host, target!, context);
    } finally {
      host.close();
    }
  },
};

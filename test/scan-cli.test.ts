import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CommandContext } from '../src/cli/command.ts';
import { main } from '../src/cli/main.ts';
import type { ScanSummary } from '../src/shared/scan-summary.ts';
import { copyFixtureLibrary, countFilesOnDisk, FIXTURE_LIBRARY } from './support/scan-library.ts';
import { CORPUS_DIR, makeTempDir, removeTempDir, REPO_ROOT } from './support/temp.ts';

const CORPUS_LIBRARY = path.join(CORPUS_DIR, 'library');
const LINER_BIN = path.join(REPO_ROOT, 'bin/liner.js');
const NOBODY_UID = 65534;
const CAN_DROP_ROOT = process.getuid?.() === 0 && fs.existsSync('/usr/bin/setpriv');

let dir: string;

beforeEach(() => {
  dir = makeTempDir('liner-scan-cli-');
});

afterEach(() => {
  removeTempDir(dir);
});

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Runs `liner` in this process, with its log file and database in the test folder. */
async function runLiner(args: string[], interactive = false): Promise<RunResult> {
  const stdout = collector();
  const stderr = collector();
  const context: CommandContext = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { ...process.env, LINER_LOG_FILE: path.join(dir, 'liner.log'), LINER_DB: path.join(dir, 'default.db') },
    interactive,
    signal: new AbortController().signal,
  };
  const code = await main(args, context);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs `node bin/liner.js` as a separate process, optionally as another user. */
function spawnLiner(args: string[], uid?: number): RunResult {
  const command = uid === undefined ? [process.execPath, LINER_BIN, ...args] : ['/usr/bin/setpriv', `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', process.execPath, LINER_BIN, ...args];
  const result = spawnSync(command[0] as string, command.slice(1), {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, HOME: dir, LINER_LOG_FILE: path.join(dir, 'liner.log') },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('liner scan', () => {
  it('prints one JSON summary', async () => {
    const music = copyFixtureLibrary(dir);
    const result = await runLiner(['scan', music, '--db', path.join(dir, 'lib.db'), '--json']);
    expect(result.code).toBe(0);

    const summary = JSON.parse(result.stdout) as ScanSummary;
    expect(summary.filesSeen).toBe(countFilesOnDisk(music));
    expect(summary.unreadable).toEqual([{ path: path.join(summary.rootPath, 'not-an-audio-file.txt'), reason: 'not an audio file' }]);
    expect(Object.keys(summary)).toEqual(
      expect.arrayContaining(['filesSeen', 'added', 'updated', 'unchanged', 'removed', 'unreadable', 'artists', 'albums', 'tracks', 'durationMs']),
    );
  });

  it('prints a readable summary', async () => {
    const music = copyFixtureLibrary(dir);
    const result = await runLiner(['scan', music, '--db', path.join(dir, 'lib.db')]);
    expect(result.stdout).toContain(`Scanned ${music}`);
    expect(result.stdout).toContain('not-an-audio-file.txt: not an audio file');
  });

  it('uses LINER_DB without --db', async () => {
    const music = copyFixtureLibrary(dir);
    await runLiner(['scan', music, '--json']);
    expect(fs.existsSync(path.join(dir, 'default.db'))).toBe(true);
  });

  it('prints one JSON line per folder', async () => {
    const first = copyFixtureLibrary(dir);
    const second = path.join(dir, 'second');
    fs.mkdirSync(second);
    fs.copyFileSync(path.join(FIXTURE_LIBRARY, 'mp3/notags.mp3'), path.join(second, 'notags.mp3'));

    const result = await runLiner(['scan', first, second, '--db', path.join(dir, 'lib.db'), '--json']);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as ScanSummary);
    expect(lines.map((summary) => summary.rootPath)).toEqual([first, second]);
    expect(lines[1]?.tracks).toBe(1);
  });

  it('draws progress on a terminal', async () => {
    const music = copyFixtureLibrary(dir);
    const result = await runLiner(['scan', music, '--db', path.join(dir, 'lib.db'), '--json'], true);
    expect(result.stderr).toContain(`Scanning ${music}:`);
  });

  it('draws no progress into a pipe', async () => {
    const music = copyFixtureLibrary(dir);
    const result = await runLiner(['scan', music, '--db', path.join(dir, 'lib.db'), '--json'], false);
    expect(result.stderr).toBe('');
  });

  it('exits 2 without a folder', async () => {
    const result = await runLiner(['scan', '--db', path.join(dir, 'lib.db')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing folder argument');
  });

  it('exits 2 on an unknown flag', async () => {
    const result = await runLiner(['scan', dir, '--fast']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--fast');
  });

  it('exits 1 on a missing folder', async () => {
    const missing = path.join(dir, 'no-such-folder');
    const result = await runLiner(['scan', missing, '--db', path.join(dir, 'lib.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`liner scan: Folder not found: ${missing}. Check the path and try again.\n`);
  });

  it('opens no database for a missing folder', async () => {
    await runLiner(['scan', path.join(dir, 'no-such-folder'), '--db', path.join(dir, 'lib.db')]);
    expect(fs.existsSync(path.join(dir, 'lib.db'))).toBe(false);
  });

  it('exits 1 when the database is refused', async () => {
    const music = copyFixtureLibrary(dir);
    const notDatabase = path.join(dir, 'notes.txt');
    fs.writeFileSync(notDatabase, 'these are not the tables you are looking for');

    const result = await runLiner(['scan', music, '--db', notDatabase]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(notDatabase);
    expect(fs.readFileSync(notDatabase, 'utf8')).toBe('these are not the tables you are looking for');
  });

  it.skipIf(!fs.existsSync(CORPUS_LIBRARY))('accounts for every corpus file', () => {
    const result = spawnLiner(['scan', CORPUS_LIBRARY, '--db', path.join(dir, 'corpus.db'), '--json']);
    expect(result.code, result.stderr).toBe(0);

    const summary = JSON.parse(result.stdout) as ScanSummary;
    const onDisk = countFilesOnDisk(CORPUS_LIBRARY);
    expect(summary.filesSeen).toBe(onDisk);
    expect(summary.tracks + summary.unreadable.length).toBe(onDisk);
    expect(summary.unreadable.every((entry) => entry.reason.length > 0)).toBe(true);
  });

  // Root passes every permission check, so the scan runs as `nobody` to meet EACCES.
  it.skipIf(!CAN_DROP_ROOT)('reports permission errors as an unprivileged user', () => {
    const music = path.join(dir, 'music');
    fs.mkdirSync(path.join(music, 'locked'), { recursive: true });
    fs.copyFileSync(path.join(FIXTURE_LIBRARY, 'mp3/notags.mp3'), path.join(music, 'locked/notags.mp3'));
    fs.copyFileSync(path.join(FIXTURE_LIBRARY, 'mp3/notags.mp3'), path.join(music, 'private.mp3'));
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(path.join(music, 'locked'), 0o000);
    fs.chmodSync(path.join(music, 'private.mp3'), 0o000);

    const result = spawnLiner(['scan', music, '--db', path.join(dir, 'nobody.db'), '--json'], NOBODY_UID);
    fs.chmodSync(path.join(music, 'locked'), 0o755);
    expect(result.code, result.stderr).toBe(0);

    const summary = JSON.parse(result.stdout) as ScanSummary;
    expect(summary.unreadable).toEqual([
      { path: path.join(music, 'locked'), reason: 'permission denied' },
      { path: path.join(music, 'private.mp3'), reason: 'permission denied' },
    ]);
  });
});

import fs from 'node:fs';
import path from 'node:path';

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/main/core/db/connection.ts';
import { ScanFolderError } from '../src/main/core/library/scan-folder.ts';
import { launchNodeChild } from '../src/main/core/process/node-child.ts';
import type { ChildLauncher, WorkerEntry } from '../src/main/core/process/child.ts';
import { FIXTURE_LIBRARY, scanFolder, trackAt, unreadableByPath } from './support/scan-library.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

/** Root passes every permission check, so chmod cannot make a file unreadable for it. */
const RUNNING_AS_ROOT = process.getuid?.() === 0;

/** Starts the real scanner and kills it at once, as a crash would. */
const dyingLauncher: ChildLauncher = <Outgoing, Incoming>(entry: WorkerEntry) => {
  const child = launchNodeChild<Outgoing, Incoming>(entry);
  setImmediate(() => child.kill());
  return child;
};

let dir: string;
let music: string;
let db: Database.Database;

beforeEach(() => {
  dir = makeTempDir('liner-faults-');
  music = path.join(dir, 'music');
  fs.mkdirSync(music);
  db = openDatabase(path.join(dir, 'liner.db'));
});

afterEach(() => {
  db.close();
  fs.chmodSync(music, 0o755);
  removeTempDir(dir);
});

function addSample(sample: string, target: string = path.basename(sample)): string {
  const file = path.join(music, target);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(path.join(FIXTURE_LIBRARY, sample), file);
  return file;
}

describe('scan of damaged folders', () => {
  it('reports a truncated file', async () => {
    addSample('id3-multi-02.mp3');
    const whole = fs.readFileSync(path.join(FIXTURE_LIBRARY, 'id3-multi-02.mp3'));
    fs.writeFileSync(path.join(music, 'truncated.mp3'), whole.subarray(0, 500));

    const summary = await scanFolder(db, music);
    expect(unreadableByPath(summary).get('truncated.mp3')).toMatch(/^truncated or damaged file \(/);
    expect(summary.tracks).toBe(1);
  });

  it('reports an empty file', async () => {
    fs.writeFileSync(path.join(music, 'empty.flac'), '');
    const summary = await scanFolder(db, music);
    expect(unreadableByPath(summary).get('empty.flac')).toBe('empty file');
  });

  it('reports random bytes with an audio extension', async () => {
    fs.writeFileSync(path.join(music, 'noise.mp3'), Buffer.alloc(4096, 0x41));
    const summary = await scanFolder(db, music);
    expect(unreadableByPath(summary).get('noise.mp3')).toBe('no audio stream or tags found');
    expect(summary.tracks).toBe(0);
  });

  it('reports a broken symbolic link', async () => {
    fs.symlinkSync(path.join(dir, 'missing.mp3'), path.join(music, 'dangling.mp3'));
    const summary = await scanFolder(db, music);
    expect(unreadableByPath(summary).get('dangling.mp3')).toBe('broken symbolic link');
  });

  it('reports a link that points at itself', async () => {
    fs.symlinkSync('self.mp3', path.join(music, 'self.mp3'));
    const summary = await scanFolder(db, music);
    expect(unreadableByPath(summary).get('self.mp3')).toBe('symbolic link loop');
  });

  it('enters a folder loop once', async () => {
    addSample('mp3/notags.mp3', 'album/notags.mp3');
    fs.symlinkSync('..', path.join(music, 'album/back-to-root'));

    const summary = await scanFolder(db, music);
    expect(summary.filesSeen).toBe(1);
    expect(summary.tracks).toBe(1);
  });

  it('follows a link to a folder outside the library', async () => {
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    fs.copyFileSync(path.join(FIXTURE_LIBRARY, 'id3-multi-02.mp3'), path.join(outside, 'rain.mp3'));
    fs.symlinkSync(outside, path.join(music, 'linked'));

    const summary = await scanFolder(db, music);
    expect(trackAt(db, summary.rootPath, 'linked/rain.mp3')?.title).toBe('Rain');
  });

  it('keeps tracks behind a link that broke', async () => {
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    fs.copyFileSync(path.join(FIXTURE_LIBRARY, 'id3-multi-02.mp3'), path.join(outside, 'rain.mp3'));
    fs.symlinkSync(outside, path.join(music, 'linked'));
    await scanFolder(db, music);

    // The link target vanishing is what an unmounted drive looks like.
    fs.rmSync(outside, { recursive: true });
    const second = await scanFolder(db, music);
    expect(unreadableByPath(second).get('linked')).toBe('broken symbolic link');
    expect(second.removed).toBe(0);
    expect(trackAt(db, second.rootPath, 'linked/rain.mp3')?.title).toBe('Rain');
  });

  it('removes a track whose file became unreadable', async () => {
    const file = addSample('id3-multi-02.mp3');
    await scanFolder(db, music);

    fs.writeFileSync(file, Buffer.alloc(4096, 0x41));
    const second = await scanFolder(db, music);
    expect(second.removed).toBe(1);
    expect(second.tracks).toBe(0);
  });

  it.skipIf(RUNNING_AS_ROOT)('reports a folder without read permission', async () => {
    addSample('mp3/notags.mp3', 'locked/notags.mp3');
    fs.chmodSync(path.join(music, 'locked'), 0o000);
    try {
      const summary = await scanFolder(db, music);
      expect(unreadableByPath(summary).get('locked')).toBe('permission denied');
    } finally {
      fs.chmodSync(path.join(music, 'locked'), 0o755);
    }
  });
});

describe('scan failures', () => {
  it('rejects a missing folder', async () => {
    await expect(scanFolder(db, path.join(dir, 'nowhere'))).rejects.toThrow(ScanFolderError);
  });

  it('rejects a file as the folder', async () => {
    const file = addSample('mp3/notags.mp3');
    await expect(scanFolder(db, file)).rejects.toThrow(/^Not a folder: /);
  });

  it('creates no library for a missing folder', async () => {
    await scanFolder(db, path.join(dir, 'nowhere')).catch(() => undefined);
    expect((db.prepare('SELECT count(*) AS n FROM libraries').get() as { n: number }).n).toBe(0);
  });

  it('rejects when the scanner process dies', async () => {
    addSample('mp3/notags.mp3');
    await expect(scanFolder(db, music, { launcher: dyingLauncher })).rejects.toThrow(/scanner process ended/);
  });

  it('removes nothing after a failed scan', async () => {
    addSample('mp3/notags.mp3');
    const first = await scanFolder(db, music);
    await scanFolder(db, music, { launcher: dyingLauncher }).catch(() => undefined);
    expect((db.prepare('SELECT count(*) AS n FROM tracks').get() as { n: number }).n).toBe(first.tracks);
  });

  it('stops on abort', async () => {
    addSample('mp3/notags.mp3');
    const controller = new AbortController();
    const pending = scanFolder(db, music, { signal: controller.signal, onStart: () => controller.abort() });
    await expect(pending).rejects.toThrow(/cancelled/);
  });

  it('removes nothing when stopped mid-scan', async () => {
    addSample('mp3/notags.mp3', 'a/notags.mp3');
    addSample('id3-multi-02.mp3', 'b/rain.mp3');
    await scanFolder(db, music);
    fs.rmSync(path.join(music, 'a'), { recursive: true });

    const controller = new AbortController();
    const stopping = scanFolder(db, music, {
      batchSize: 1,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'scanning') controller.abort();
      },
    });
    await expect(stopping).rejects.toThrow(/cancelled/);
    expect((db.prepare('SELECT count(*) AS n FROM tracks').get() as { n: number }).n).toBe(2);
  });

  it('releases the hold when the scan fails', async () => {
    addSample('mp3/notags.mp3');
    const events: string[] = [];
    await scanFolder(db, music, {
      launcher: dyingLauncher,
      onStart: () => events.push('start'),
      onFinish: (_library, outcome) => events.push('error' in outcome ? 'failed' : 'finished'),
    }).catch(() => undefined);
    expect(events).toEqual(['start', 'failed']);
  });
});

import path from 'node:path';
import { Writable } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CommandContext } from '../src/cli/command.ts';
import { main } from '../src/cli/main.ts';
import { IpcError } from '../src/shared/ipc-error.ts';
import { validateCallArgs } from '../src/shared/ipc-validate.ts';
import { parseDecimalNumber, SETTINGS, validateBaseUrl } from '../src/shared/settings.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

let dir: string;

beforeEach(() => {
  dir = makeTempDir('liner-settings-');
});

afterEach(() => removeTempDir(dir));

/** Runs `liner` in this process on a database in the test folder. */
async function runLiner(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        output[key] += chunk.toString('utf8');
        callback();
      },
    });
  const context: CommandContext = {
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    env: { ...process.env, LINER_LOG_FILE: path.join(dir, 'liner.log'), LINER_DB: path.join(dir, 'liner.db') },
    interactive: false,
    signal: new AbortController().signal,
  };
  const code = await main(args, context);
  return { code, ...output };
}

function ipcError(run: () => unknown): unknown {
  try {
    run();
    return null;
  } catch (error) {
    return error;
  }
}

describe('validateBaseUrl query and fragment', () => {
  it.each(['http://127.0.0.1:8787?x=1#frag', 'http://127.0.0.1:8787?x=1', 'http://127.0.0.1:8787#frag', 'https://host/t2tunes/?'])(
    'rejects %s',
    (value) => {
      expect(() => validateBaseUrl(value)).toThrow(/query string or fragment is not allowed/);
    },
  );

  it('names the value', () => {
    expect(() => validateBaseUrl('http://127.0.0.1:8787?x=1#frag')).toThrow('"http://127.0.0.1:8787?x=1#frag"');
  });

  it('shows the fixed URL', () => {
    expect(() => validateBaseUrl('https://host/t2tunes/?x=1')).toThrow(/as in https:\/\/host\/t2tunes$/);
  });

  it('keeps a path prefix', () => {
    expect(validateBaseUrl('https://host/t2tunes/')).toBe('https://host/t2tunes');
  });

  it('rejects it in a settings change', () => {
    const error = ipcError(() => validateCallArgs('updateSourceSettings', ['amazon', { baseUrl: 'http://127.0.0.1:8787?x=1#frag' }]));
    expect(error).toBeInstanceOf(IpcError);
  });

  it('rejects it in a connection test', () => {
    const error = ipcError(() => validateCallArgs('testConnection', ['amazon', 'http://127.0.0.1:8787?x=1#frag']));
    expect(error).toBeInstanceOf(IpcError);
  });

  it('rejects it in config set', async () => {
    const run = await runLiner(['config', 'set', 'amazon.baseUrl', 'http://127.0.0.1:8787?x=1#frag']);
    expect(run.stderr).toContain('query string or fragment is not allowed');
  });
});

describe('parseDecimalNumber', () => {
  it.each([
    ['2', 2],
    [' 0.5 ', 0.5],
    ['.5', 0.5],
    ['3.', 3],
    ['-1', -1],
    ['+4', 4],
  ])('reads %j', (text, expected) => {
    expect(parseDecimalNumber(text)).toBe(expected);
  });

  it.each(['0x2', '1e1', '0b1', '0o7', 'Infinity', 'NaN', '', ' ', '1_000', '1,5', '2 3', '.', '-'])('rejects %j', (text) => {
    expect(parseDecimalNumber(text)).toBeUndefined();
  });
});

describe('numeric settings typed as text', () => {
  const rate = SETTINGS['amazon.requestsPerSecond'];

  it.each(['0x2', '1e1'])('keeps %j as text', (text) => {
    expect(rate.parse(text)).toBe(text);
  });

  it('rejects hex text with the fix', () => {
    expect(() => rate.validate(rate.parse('0x2'))).toThrow('invalid value "0x2": expected a plain decimal number such as 2, from 0.05 to 20');
  });

  it('rejects a text rate over IPC', () => {
    const error = ipcError(() => validateCallArgs('updateSourceSettings', ['amazon', { requestsPerSecond: '0x2' }]));
    expect(error).toBeInstanceOf(IpcError);
  });

  it.each(['0x2', '1e1'])('config set rejects %s', async (text) => {
    const run = await runLiner(['config', 'set', 'amazon.requestsPerSecond', text]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`invalid value "${text}": expected a plain decimal number`);
  });

  it('config set stores a decimal rate', async () => {
    const run = await runLiner(['config', 'set', 'amazon.requestsPerSecond', '0.5']);
    expect(run.stdout).toBe('amazon.requestsPerSecond=0.5\n');
  });
});

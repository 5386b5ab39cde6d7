import { EventEmitter } from 'node:events';
import path from 'node:path';

import { beforeEach, describe, expect, it, vi } from 'vitest';

import { silentLogger } from '../src/main/core/logging.ts';

/** A stand-in for Electron's UtilityProcess: its events, the messages it was sent, and whether it was killed. */
class FakeUtilityProcess extends EventEmitter {
  static nextPid = 100;
  readonly pid = FakeUtilityProcess.nextPid++;
  readonly posted: unknown[] = [];
  kills = 0;

  postMessage(message: unknown) {
    this.posted.push(message);
  }

  kill() {
    this.kills++;
    return true;
  }
}

const forks = vi.hoisted(() => ({ calls: [] as { modulePath: string; options: unknown; child: unknown }[] }));

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (modulePath: string, _args: string[], options: unknown) => {
      const child = new FakeUtilityProcess();
      forks.calls.push({ modulePath, options, child });
      return child;
    },
  },
}));

const { createUtilityLauncher } = await import('../src/main/utility-child.ts');

const bundleFolder = '/opt/liner/out/main';

beforeEach(() => {
  forks.calls.length = 0;
});

function launch(entry: 'enrichment' | 'scanner' = 'enrichment') {
  const launcher = createUtilityLauncher({ bundleFolder, logger: silentLogger() });
  const handle = launcher<{ type: string }, { type: string }>(entry);
  const child = forks.calls.at(-1)?.child as FakeUtilityProcess;
  return { launcher, handle, child };
}

describe('createUtilityLauncher', () => {
  it.each([
    ['enrichment', 'worker/enrichment.js'],
    ['scanner', 'worker/scanner.js'],
  ] as const)('forks %s from the built bundle', (entry, file) => {
    launch(entry);
    expect(forks.calls[0]?.modulePath).toBe(path.join(bundleFolder, file));
  });

  it('reports the process id', () => {
    const { handle, child } = launch();
    expect(handle.pid).toBe(child.pid);
  });

  it('posts messages to the process', () => {
    const { handle, child } = launch();
    handle.send({ type: 'wake' });
    expect(child.posted).toEqual([{ type: 'wake' }]);
  });

  it('passes messages from the process on', () => {
    const { handle, child } = launch();
    const received: unknown[] = [];
    handle.onMessage((message) => received.push(message));
    child.emit('message', { type: 'state' });
    expect(received).toEqual([{ type: 'state' }]);
  });

  it('reports a crash as its exit code', () => {
    const { handle, child } = launch();
    const exits: [number | null, string | null][] = [];
    handle.onExit((code, signal) => exits.push([code, signal]));
    child.emit('exit', 134);
    expect(exits).toEqual([[134, null]]);
  });

  it('reports an exit once', () => {
    const { handle, child } = launch();
    const exits: unknown[] = [];
    handle.onExit((code) => exits.push(code));
    child.emit('exit', 1);
    child.emit('exit', 1);
    expect(exits).toHaveLength(1);
  });

  it('drops messages after the exit', () => {
    const { handle, child } = launch();
    child.emit('exit', 1);
    handle.send({ type: 'wake' });
    expect(child.posted).toEqual([]);
  });

  it('does not kill an exited process', () => {
    const { handle, child } = launch();
    child.emit('exit', 0);
    handle.kill();
    expect(child.kills).toBe(0);
  });

  it('kills a running process', () => {
    const { handle, child } = launch();
    handle.kill();
    expect(child.kills).toBe(1);
  });

  it('forks a fresh process for a restart', () => {
    const { launcher, child } = launch();
    child.emit('exit', 1);
    launcher('enrichment');
    expect(forks.calls.map((call) => (call.child as FakeUtilityProcess).pid)).toHaveLength(2);
  });

  it('starts the restart with a new process id', () => {
    const { launcher, handle, child } = launch();
    child.emit('exit', 1);
    const restarted = launcher('enrichment');
    expect(restarted.pid).not.toBe(handle.pid);
  });

  it('survives a fatal error event', () => {
    const { child } = launch();
    expect(() => child.emit('error', 'FatalError', 'worker.js:1', '{}')).not.toThrow();
  });
});

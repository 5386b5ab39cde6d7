import { isIP } from 'node:net';

import { launchNodeChild } from '../../main/core/process/node-child.ts';
import { startServeApp } from '../../main/core/serve/serve-app.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_OK, UsageError, type Command } from '../command.ts';
import { openHost } from '../host.ts';

const OPTIONS = {
  db: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
} as const;

/** Accepts loopback addresses only, because the UI has no login beyond the token. */
function parseLoopbackHost(value: string | undefined): string {
  const host = value ?? '127.0.0.1';
  const loopback = (isIP(host) === 4 && host.startsWith('127.')) || host === '::1';
  if (!loopback) throw new UsageError(`--host must be a loopback address such as 127.0.0.1 or ::1, got "${host}"`);
  return host;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the Liner window to a browser on this computer',
  usage: `Usage: liner serve [--db FILE] [--port N] [--host 127.0.0.1]

Runs enrichment and scans like the desktop app and serves its window on a
loopback address. Open the printed URL in a browser; it carries a random
token that every request needs. Stop with Ctrl+C. The first run builds the
renderer into out/renderer, which takes a few seconds.

Options:
  --db FILE    database file (default: LINER_DB, else liner.db in the app data folder)
  --port N     TCP port (default 0: any free port)
  --host ADDR  loopback address to listen on (default 127.0.0.1)`,

  async run(args, context) {
    const { values } = parseCommandArgs(args, OPTIONS);
    const listenHost = parseLoopbackHost(values.host);
    const port = parsePort(values.port);

    const host = openHost({ db: values.db, env: context.env, stderrLevel: 'warn' });
    try {
      const app = await startServeApp({ db: host.db, settings: host.settings, logger: host.logger, launcher: launchNodeChild, host: listenHost, port });
      context.stdout.write(`${app.url}\n`);

      await waitForAbort(context.signal);
      await app.close();
      return EXIT_OK;
    } finally {
      host.close();
    }
  },
};

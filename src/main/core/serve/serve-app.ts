import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type Database from 'better-sqlite3';

import { createAppService, dispatchCall, type AppService } from '../app-service.ts';
import { EnrichmentController } from '../enrichment/controller.ts';
import type { Logger } from '../logging.ts';
import type { ChildLauncher } from '../process/child.ts';
import type { SettingsStore } from '../settings-store.ts';
import { ensureRendererBuild } from './renderer-build.ts';
import { startServeServer } from './serve-server.ts';
import { createServeToken } from './serve-token.ts';

const PACKAGE_JSON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../package.json');

export interface ServeAppOptions {
  db: Database.Database;
  settings: SettingsStore;
  logger: Logger;
  /** Starts the enrichment and scanner workers: `launchNodeChild` under Node. */
  launcher: ChildLauncher;
  /** A loopback address. */
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface ServeApp {
  /** The page URL with the token. */
  url: string;
  /** Stops the server, the scans and the worker; resolves when all ended. */
  close(): Promise<void>;
}

function readAppVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(PACKAGE_JSON, 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

/**
 * Runs the main-process core under Node for a browser: the enrichment
 * controller, the app service, and the HTTP and WebSocket server in front of
 * them. The renderer is built first when `out/renderer` is missing or stale.
 */
export async function startServeApp(options: ServeAppOptions): Promise<ServeApp> {
  const { db, settings, logger, launcher } = options;
  const rendererDir = await ensureRendererBuild(logger);

  const controller = new EnrichmentController({ db, settings, logger, launcher });
  let service: AppService | null = null;
  try {
    service = createAppService({
      db,
      settings,
      logger,
      controller,
      launcher,
      version: readAppVersion(),
      // The browser opens the link itself once main has validated it.
      openExternal: () => undefined,
    });
    await controller.start();

    const app = service;
    const server = await startServeServer({
      host: options.host,
      port: options.port,
      token: createServeToken(),
      rendererDir,
      logger: logger.child({ scope: 'serve' }),
      target: {
        dispatch: (name, args) => dispatchCall(app, name, args),
        on: (event, listener) => app.events.on(event, listener),
      },
    });
    logger.info({ origin: server.origin }, 'liner serve listening');

    return {
      url: server.url,
      async close() {
        await server.close();
        await app.close();
        await controller.stop();
        logger.info('liner serve stopped');
      },
    };
  } catch (error) {
    await service?.close();
    await controller.stop();
    throw error;
  }
}

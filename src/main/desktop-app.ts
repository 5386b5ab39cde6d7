import path from 'node:path';

import { app, BrowserWindow, net, powerMonitor, session, shell } from 'electron';

import { isAmazonMusicUrl } from '../shared/amazon-music-url.ts';
import { resolveAppLocation } from './app-location.ts';
import { createAppService, type AppService } from './core/app-service.ts';
import { openDatabase } from './core/db/connection.ts';
import { EnrichmentController } from './core/enrichment/controller.ts';
import { createLogger, type Logger } from './core/logging.ts';
import { resolveDatabasePath, resolveLogPath } from './core/paths.ts';
import { SettingsStore } from './core/settings-store.ts';
import { shouldCheckAfterReconnect, watchConnectivity } from './connectivity-watch.ts';
import { forwardEvents, registerIpcHandlers } from './ipc.ts';
import { createMainWindow } from './main-window.ts';
import { isTrustedSender } from './security.ts';
import { secureSession } from './session-security.ts';
import { createTray } from './tray.ts';
import type { TrayAction } from './tray-model.ts';
import { createUtilityLauncher } from './utility-child.ts';

/** How often the app looks whether the network came back, in ms. */
const CONNECTIVITY_POLL_MS = 15_000;

/** Paths of the built bundles, found from the main bundle's folder (`out/main`). */
export interface BundlePaths {
  bundleFolder: string;
  preloadPath: string;
  indexFile: string;
}

export function bundlePaths(bundleFolder: string): BundlePaths {
  return {
    bundleFolder,
    preloadPath: path.join(bundleFolder, '../preload/index.cjs'),
    indexFile: path.join(bundleFolder, '../renderer/index.html'),
  };
}

/** Everything `shutdown` must stop, in the order it stops them. */
interface Running {
  logger: Logger;
  stops: (() => void)[];
  service: AppService;
  controller: EnrichmentController;
  closeDatabase(): void;
}

function openExternalLink(url: string, logger: Logger): void {
  if (!isAmazonMusicUrl(url)) {
    logger.warn({ url }, 'rejected a link that is not an Amazon Music page');
    return;
  }
  shell.openExternal(url).catch((error: unknown) => logger.error({ err: error, url }, 'could not open the link in the browser'));
}

/**
 * Starts the desktop app after `ready`: database, enrichment controller, app
 * service, IPC, window and tray. Closing the window hides it; enrichment keeps
 * running in the tray until the user quits.
 */
export async function startDesktopApp(paths: BundlePaths): Promise<Running> {
  const logger = createLogger({ file: resolveLogPath(), stderrLevel: 'warn' });
  const db = openDatabase(resolveDatabasePath(undefined), { logger: logger.child({ scope: 'db' }) });
  const settings = new SettingsStore(db);
  const launcher = createUtilityLauncher({ bundleFolder: paths.bundleFolder, logger });
  const controller = new EnrichmentController({ db, settings, logger, launcher });
  const location = resolveAppLocation(paths.indexFile, app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);

  const service = createAppService({
    db,
    settings,
    logger,
    controller,
    launcher,
    version: app.getVersion(),
    openExternal: (url) => shell.openExternal(url),
  });
  await controller.start();

  secureSession(session.defaultSession, location, logger);
  let window: BrowserWindow | null = null;
  let quitting = false;

  const showWindow = () => {
    if (!window || window.isDestroyed()) window = openWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const openWindow = () => {
    const created = createMainWindow({ ...paths, app: location, openExternal: (url) => openExternalLink(url, logger), logger });
    created.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      created.hide();
    });
    return created;
  };

  const checkIfNeeded = () => {
    if (shouldCheckAfterReconnect(controller.status().sources.amazon)) controller.checkNow('amazon');
  };
  const runTrayAction = (action: TrayAction) => {
    if (action === 'pause') controller.pause('amazon');
    else if (action === 'resume') controller.resume('amazon');
    else if (action === 'check-now') controller.checkNow('amazon');
    else if (action === 'open') showWindow();
    else app.quit();
  };

  const stops = [
    registerIpcHandlers({
      service,
      logger,
      isTrusted: (sender) => isTrustedSender(sender, window && !window.isDestroyed() ? window.webContents.id : null, location),
    }),
    forwardEvents(service.events, () => (window && !window.isDestroyed() ? window.webContents : null)),
    createTray({ status: () => controller.status(), events: service.events, run: runTrayAction }),
    watchConnectivity({ isOnline: () => net.isOnline(), onOnline: checkIfNeeded, intervalMs: CONNECTIVITY_POLL_MS }),
  ];
  powerMonitor.on('resume', checkIfNeeded);
  stops.push(() => powerMonitor.off('resume', checkIfNeeded));

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('before-quit', () => {
    quitting = true;
  });
  // The tray keeps the app alive with no window; only "Quit" ends it.
  app.on('window-all-closed', () => undefined);

  showWindow();
  logger.info({ version: app.getVersion(), renderer: location.kind }, 'Liner started');
  return { logger, stops, service, controller, closeDatabase: () => db.close() };
}

/**
 * Stops everything in order: no new calls or events, running scans aborted,
 * the enrichment worker stopped after its write in flight, then the database
 * closed.
 */
export async function shutdown(running: Running): Promise<void> {
  for (const stop of running.stops) stop();
  await running.service.close();
  await running.controller.stop();
  running.closeDatabase();
  running.logger.info('Liner stopped');
  running.logger.flush();
}

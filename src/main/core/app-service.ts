import type Database from 'better-sqlite3';

import type { EntityType, SourceId } from '../../shared/entities.ts';
import type { EnrichmentStatus } from '../../shared/enrichment-state.ts';
import type { ItemDetail, LinerCallName, LinerCalls, SourceSettingsPatch, SourceSettingsView } from '../../shared/ipc-contract.ts';
import { IpcError } from '../../shared/ipc-error.ts';
import { isLinerCallName, validateCallArgs } from '../../shared/ipc-validate.ts';
import { checkConnection, DEFAULT_CHECK_TIMEOUT_MS } from './app/connection-check.ts';
import { EventHub, type AppEvents } from './app/event-hub.ts';
import { resolveLibraryFolder } from './app/library-folder.ts';
import { LibraryRemovals } from './app/library-removals.ts';
import { createLibraryScanRunner } from './app/library-scan-runner.ts';
import { ScanRuns, type ScanRunner } from './app/scan-runs.ts';
import { ChangeThrottle, type ThrottleTimers } from './app/status-throttle.ts';
import { dismissWhatsNew, readWhatsNew } from './app/whats-new.ts';
import type { EnrichmentController } from './enrichment/controller.ts';
import { getItem } from './items/item-detail.ts';
import { listItems } from './items/item-list.ts';
import { findLibrary, listLibraries } from './items/library-queries.ts';
import { ensureLibrary } from './library/library-store.ts';
import type { Logger } from './logging.ts';
import type { ChildLauncher } from './process/child.ts';
import type { SettingsStore } from './settings-store.ts';

export { IpcError } from '../../shared/ipc-error.ts';
export type { AppEvents } from './app/event-hub.ts';
export type { ScanRequest, ScanRunner } from './app/scan-runs.ts';

/** The part of the enrichment controller the app service drives. */
export type AppController = Pick<
  EnrichmentController,
  | 'status'
  | 'onStatus'
  | 'setEnabled'
  | 'pause'
  | 'resume'
  | 'checkNow'
  | 'pin'
  | 'holdForScan'
  | 'wake'
  | 'applySettings'
  | 'retryItem'
  | 'clearMatch'
  | 'setManualMatch'
>;

/** Every renderer call, implemented once for all transports. */
export type AppHandlers = {
  [K in LinerCallName]: (...args: LinerCalls[K]['args']) => Promise<LinerCalls[K]['result']>;
};

export interface AppServiceOptions {
  db: Database.Database;
  settings: SettingsStore;
  logger: Logger;
  controller: AppController;
  /** Starts the scanner processes of the default scan runner. */
  launcher: ChildLauncher;
  /** The app version, for "What's new". */
  version: string;
  /** Runs one library scan to its end; defaults to the scan service with `launcher`. */
  runScan?: ScanRunner;
  /** Opens a validated music.amazon.… link: Electron's `shell.openExternal`, or a no-op under `liner serve`. */
  openExternal?: (url: string) => Promise<void> | void;
  /** Timeout of the Settings screen's connection test, in ms. */
  connectionTimeoutMs?: number;
  /** Shortest gap between two `status` events, in ms. */
  statusIntervalMs?: number;
  /** Timers of the status throttle; tests pass their own. */
  timers?: ThrottleTimers;
}

export interface AppService {
  handlers: AppHandlers;
  events: AppEvents;
  logger: Logger;
  /** Stops the events, aborts running scans and waits for them and for library removals to end. */
  close(): Promise<void>;
}

/** At most four status events a second reach the renderer. */
export const STATUS_EVENT_INTERVAL_MS = 250;

function sourceSettingsView(settings: SettingsStore, source: SourceId): SourceSettingsView {
  const amazon = settings.amazon();
  return {
    source,
    enabled: amazon.enabled,
    baseUrl: amazon.baseUrl,
    country: amazon.country,
    requestsPerSecond: amazon.requestsPerSecond,
  };
}

function notFound(entityType: EntityType, id: number): IpcError {
  return new IpcError('not_found', `${entityType} ${id} not found; it may have been removed by a rescan`);
}

/**
 * Builds the main-process application service: every call of the renderer
 * contract, and the `status` and `scanProgress` events. It depends on no
 * transport. The Electron IPC handlers and the `liner serve` bridge both pass
 * raw calls through `dispatchCall`, which validates them first.
 */
export function createAppService(options: AppServiceOptions): AppService {
  const { db, settings, controller, version } = options;
  const logger = options.logger.child({ scope: 'app' });
  const events = new EventHub(logger);

  const statusThrottle = new ChangeThrottle<EnrichmentStatus>(
    options.statusIntervalMs ?? STATUS_EVENT_INTERVAL_MS,
    (status) => events.emit('status', status),
    options.timers,
  );
  const stopStatus = controller.onStatus((status) => statusThrottle.push(status));

  const runScan =
    options.runScan ??
    createLibraryScanRunner({ db, launcher: options.launcher, logger: options.logger, onItemsAdded: () => controller.wake() });
  const scans = new ScanRuns({
    runScan,
    holdForScan: () => controller.holdForScan(),
    emit: (progress) => events.emit('scanProgress', progress),
    logger,
  });

  const country = () => settings.get('amazon.country');

  const requireItem = (entityType: EntityType, id: number): ItemDetail => {
    const item = getItem(db, entityType, id, country());
    if (!item) throw notFound(entityType, id);
    return item;
  };

  const requireLibrary = (libraryId: number) => {
    const library = findLibrary(db, libraryId);
    if (!library) throw new IpcError('not_found', `library ${libraryId} not found; it may have been removed`);
    return library;
  };

  const removals = new LibraryRemovals({
    db,
    logger,
    isScanning: (libraryId) => scans.isRunning(libraryId),
    onRemoved: () => statusThrottle.push(controller.status()),
  });

  // A scan of a library that is being removed would add rows back.
  const startScan = (libraryId: number, folder: string) => {
    if (removals.isRemoving(libraryId)) {
      throw new IpcError('failed', `library ${libraryId} is being removed; add its folder again once the removal has finished`);
    }
    scans.start(libraryId, folder);
  };

  const applySettingsPatch = (source: SourceId, patch: SourceSettingsPatch) => {
    const write = db.transaction(() => {
      if (patch.baseUrl !== undefined) settings.set('amazon.baseUrl', patch.baseUrl);
      if (patch.country !== undefined) settings.set('amazon.country', patch.country);
      if (patch.requestsPerSecond !== undefined) settings.set('amazon.requestsPerSecond', patch.requestsPerSecond);
    });
    write();
    logger.info({ source, changed: Object.keys(patch) }, 'source settings changed');
    controller.applySettings();
  };

  const handlers: AppHandlers = {
    getStatus: async () => controller.status(),
    getSourceSettings: async (source) => sourceSettingsView(settings, source),
    updateSourceSettings: async (source, patch) => {
      applySettingsPatch(source, patch);
      return sourceSettingsView(settings, source);
    },
    setSourceEnabled: async (source, enabled) => {
      controller.setEnabled(source, enabled);
      return controller.status();
    },
    pause: async (source) => {
      controller.pause(source);
      return controller.status();
    },
    resume: async (source) => {
      controller.resume(source);
      return controller.status();
    },
    checkNow: async (source) => {
      controller.checkNow(source);
      return controller.status();
    },
    pinEntityType: async (source, entityType) => {
      controller.pin(source, entityType);
      return controller.status();
    },
    testConnection: async (_source, baseUrl) => checkConnection(baseUrl, options.connectionTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS),
    listLibraries: async () => listLibraries(db),
    addLibrary: async (folder) => {
      const root = resolveLibraryFolder(folder);
      const library = ensureLibrary(db, root);
      startScan(library.id, root);
      return requireLibrary(library.id);
    },
    rescanLibrary: async (libraryId) => {
      const library = requireLibrary(libraryId);
      startScan(library.id, library.rootPath);
      return null;
    },
    removeLibrary: async (libraryId) => {
      await removals.remove(requireLibrary(libraryId));
      return null;
    },
    listItems: async (query) => {
      requireLibrary(query.libraryId);
      return listItems(db, query);
    },
    getItem: async (entityType, id) => requireItem(entityType, id),
    retryItem: async (entityType, id) => {
      requireItem(entityType, id);
      controller.retryItem(entityType, id);
      return requireItem(entityType, id);
    },
    clearMatch: async (entityType, id) => {
      requireItem(entityType, id);
      controller.clearMatch(entityType, id);
      return requireItem(entityType, id);
    },
    setMatch: async (entityType, id, amazonId) => {
      requireItem(entityType, id);
      controller.setManualMatch(entityType, id, amazonId);
      logger.info({ entityType, id, amazonId }, 'match set by hand');
      return requireItem(entityType, id);
    },
    getWhatsNew: async () => readWhatsNew(settings, version),
    dismissWhatsNew: async () => {
      dismissWhatsNew(settings, version);
      return null;
    },
    openExternal: async (url) => {
      await options.openExternal?.(url);
      return null;
    },
  };

  return {
    handlers,
    events,
    logger,
    async close() {
      await removals.close();
      stopStatus();
      statusThrottle.dispose();
      await scans.close();
      events.clear();
    },
  };
}

/**
 * Runs one call as it arrived from a transport: checks the name and the
 * arguments, then calls the handler. Every failure is an `IpcError`:
 * `invalid_payload` for a bad name or arguments, `not_found` for a missing
 * library or item, `failed` (logged here) for anything else.
 */
export async function dispatchCall(service: AppService, name: string, args: unknown): Promise<unknown> {
  if (!isLinerCallName(name)) {
    throw new IpcError('invalid_payload', `unknown call ${JSON.stringify(name)}`);
  }
  const validArgs = validateCallArgs(name, args);
  const handler = service.handlers[name] as (...handlerArgs: unknown[]) => Promise<unknown>;

  try {
    return await handler(...validArgs);
  } catch (error) {
    if (error instanceof IpcError) throw error;

    service.logger.error({ err: error, call: name }, 'renderer call failed');
    const message = error instanceof Error ? error.message : String(error);
    throw new IpcError('failed', `${name} failed: ${message}`);
  }
}

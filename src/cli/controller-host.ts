import { EnrichmentController } from '../main/core/enrichment/controller.ts';
import { launchNodeChild } from '../main/core/process/node-child.ts';
import { openHost, type Host, type HostOptions } from './host.ts';

/** Opens the host and an enrichment controller on it, without starting the worker. */
export function openController(options: HostOptions): { host: Host; controller: EnrichmentController } {
  const host = openHost(options);
  try {
    const controller = new EnrichmentController({
      db: host.db,
      settings: host.settings,
      logger: host.logger,
      launcher: launchNodeChild,
    });
    controller.open();
    return { host, controller };
  } catch (error) {
    host.close();
    throw error;
  }
}

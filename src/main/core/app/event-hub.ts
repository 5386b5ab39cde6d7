import type { LinerEventName, LinerEvents } from '../../../shared/ipc-contract.ts';
import type { Logger } from '../logging.ts';

export type EventListener<E extends LinerEventName> = (payload: LinerEvents[E]) => void;

/** The events side of the app service: what every transport subscribes to. */
export interface AppEvents {
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends LinerEventName>(event: E, listener: EventListener<E>): () => void;
}

/**
 * A typed fan-out of the renderer events. A listener that throws is logged
 * and skipped, so one broken transport cannot stop the others.
 */
export class EventHub implements AppEvents {
  private readonly listeners = new Map<LinerEventName, Set<(payload: never) => void>>();
  private readonly logger: Logger;

  constructor(logger: Logger) {
    this.logger = logger;
  }

  on<E extends LinerEventName>(event: E, listener: EventListener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.listeners.set(event, set);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  }

  emit<E extends LinerEventName>(event: E, payload: LinerEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as EventListener<E>)(payload);
      } catch (error) {
        this.logger.error({ err: error, event }, 'event listener failed');
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

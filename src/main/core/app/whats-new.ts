import type { WhatsNew } from '../../../shared/ipc-contract.ts';
import type { SettingsStore } from '../settings-store.ts';

/** The changes of this release, in the words the "What's new" panel shows. */
export const WHATS_NEW_ITEMS: readonly string[] = [
  'Amazon enrichment is now opt-in: it stays off until you turn it on in Settings.',
  'When T2Tunes or Amazon Music is down, Liner pauses enrichment, shows the outage and tries again on its own. Your items are not marked as failed.',
  'The library view lists every artist, album and track with its match status. You can retry an item, clear a match or set an ASIN by hand.',
  'Scans run in the background and hold enrichment until they finish.',
];

/** Returns the notes of `version`; `show` stays true until the user dismisses them. */
export function readWhatsNew(settings: SettingsStore, version: string): WhatsNew {
  return { version, show: settings.get('app.lastSeenVersion') !== version, items: [...WHATS_NEW_ITEMS] };
}

export function dismissWhatsNew(settings: SettingsStore, version: string): void {
  settings.set('app.lastSeenVersion', version);
}

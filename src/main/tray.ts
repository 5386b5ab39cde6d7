import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';

import type { EnrichmentStatus } from '../shared/enrichment-state.ts';
import type { AppEvents } from './core/app/event-hub.ts';
import { trayIconBitmap, TRAY_ICON_SIZE } from './tray-icons.ts';
import { TRAY_ICON_STATES, trayModel, type TrayAction, type TrayIconState, type TrayMenuEntry } from './tray-model.ts';

export interface TrayOptions {
  /** The current status, for the first render. */
  status(): EnrichmentStatus;
  /** Throttled status events. */
  events: AppEvents;
  /** Runs a menu action: pause, resume, check now, open the window, quit. */
  run(action: TrayAction): void;
}

/** Turns the tray model's menu into Electron's menu template. */
export function menuTemplate(entries: readonly TrayMenuEntry[], run: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return entries.map((entry): MenuItemConstructorOptions => {
    if (entry.kind === 'separator') return { type: 'separator' };
    if (entry.kind === 'info') return { label: entry.label, enabled: false };
    return { label: entry.label, enabled: entry.enabled, click: () => run(entry.action) };
  });
}

function trayIcons(): Record<TrayIconState, NativeImage> {
  const icons = {} as Record<TrayIconState, NativeImage>;
  for (const state of TRAY_ICON_STATES) {
    icons[state] = nativeImage.createFromBitmap(trayIconBitmap(state), {
      width: TRAY_ICON_SIZE,
      height: TRAY_ICON_SIZE,
      scaleFactor: 2,
    });
  }
  return icons;
}

/**
 * Shows Liner in the system tray: an icon per state, a tooltip with the
 * Amazon source's state and progress, and a menu to pause or resume, check
 * now, open the window or quit. A click on the icon opens the window.
 * Returns the function that removes the tray.
 */
export function createTray(options: TrayOptions): () => void {
  const icons = trayIcons();
  const tray = new Tray(icons.idle);
  let shownIcon: TrayIconState = 'idle';

  const render = (status: EnrichmentStatus) => {
    const model = trayModel(status.sources.amazon);
    if (model.icon !== shownIcon) {
      tray.setImage(icons[model.icon]);
      shownIcon = model.icon;
    }
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(model.menu, options.run)));
  };

  tray.on('click', () => options.run('open'));
  render(options.status());
  const stop = options.events.on('status', render);

  return () => {
    stop();
    tray.destroy();
  };
}

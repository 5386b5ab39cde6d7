import { EventEmitter } from 'node:events';

import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { AppEvents } from '../src/main/core/app/event-hub.ts';
import { trayIconBitmap, TRAY_ICON_SIZE } from '../src/main/tray-icons.ts';
import { trayModel, type TrayAction, type TrayMenuEntry } from '../src/main/tray-model.ts';
import type { EnrichmentStatus, SourceStatus } from '../src/shared/enrichment-state.ts';
import { sourceStatus } from './support/source-status.ts';

const electron = vi.hoisted(() => {
  class FakeTray {
    static instances: FakeTray[] = [];
    readonly images: unknown[] = [];
    readonly tooltips: string[] = [];
    readonly menus: unknown[] = [];
    readonly listeners = new Map<string, () => void>();
    destroyed = false;

    constructor(image: unknown) {
      this.images.push(image);
      FakeTray.instances.push(this);
    }
    setImage(image: unknown) {
      this.images.push(image);
    }
    setToolTip(text: string) {
      this.tooltips.push(text);
    }
    setContextMenu(menu: unknown) {
      this.menus.push(menu);
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return {
    FakeTray,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
    nativeImage: { createFromBitmap: (buffer: Buffer, options: unknown) => ({ buffer, options }) },
  };
});

vi.mock('electron', () => ({ Tray: electron.Tray, Menu: electron.Menu, nativeImage: electron.nativeImage }));

const { createTray, menuTemplate } = await import('../src/main/tray.ts');

const fixedTime = (iso: string) => iso.slice(11, 16);

function actions(menu: TrayMenuEntry[]): string[] {
  return menu.flatMap((entry) => (entry.kind === 'action' ? [`${entry.action}:${entry.enabled ? 'on' : 'off'}`] : []));
}

describe('trayModel', () => {
  it.each([
    ['running', 'enriching'],
    ['rate_limited', 'enriching'],
    ['paused', 'paused'],
    ['idle', 'idle'],
    ['disabled', 'idle'],
    ['outage', 'unavailable'],
    ['contract', 'unavailable'],
    ['crashed', 'unavailable'],
  ] as const)('state %s shows the %s icon', (state, icon) => {
    expect(trayModel(sourceStatus({ state }), fixedTime).icon).toBe(icon);
  });

  it('shows progress in the tooltip', () => {
    expect(trayModel(sourceStatus(), fixedTime).tooltip).toBe('Liner: Enriching from Amazon: 1,200 of 5,000 items done');
  });

  it('shows the next check of an outage', () => {
    const outage = {
      kind: 'outage' as const,
      since: '2025-01-01T10:00:00.000Z',
      streak: 3,
      nextAttemptAt: '2025-01-01T10:02:00.000Z',
      lastError: 'HTTP 503',
      longOutage: false,
    };
    expect(trayModel(sourceStatus({ state: 'outage', outage }), fixedTime).tooltip).toBe(
      'Liner: Amazon Music unavailable, next check at 10:02',
    );
  });

  it('says when a scan holds enrichment', () => {
    expect(trayModel(sourceStatus({ state: 'paused', pausedBy: 'scan' }), fixedTime).tooltip).toContain('while a scan runs');
  });

  it('keeps the tooltip within 127 characters', () => {
    const status = sourceStatus({ state: 'crashed', problem: 'x'.repeat(300) });
    expect(trayModel(status, fixedTime).tooltip.length).toBeLessThanOrEqual(127);
  });

  it.each<[string, Partial<SourceStatus>, string[]]>([
    ['running', {}, ['pause:on', 'check-now:off', 'open:on', 'quit:on']],
    ['paused by the user', { state: 'paused', paused: true, pausedBy: 'user' }, ['resume:on', 'check-now:off', 'open:on', 'quit:on']],
    ['held by a scan', { state: 'paused', pausedBy: 'scan' }, ['pause:on', 'check-now:off', 'open:on', 'quit:on']],
    ['in an outage', { state: 'outage' }, ['pause:on', 'check-now:on', 'open:on', 'quit:on']],
    ['crashed', { state: 'crashed' }, ['pause:on', 'check-now:on', 'open:on', 'quit:on']],
    ['disabled', { state: 'disabled', enabled: false }, ['pause:off', 'check-now:off', 'open:on', 'quit:on']],
  ])('menu when %s', (_case, overrides, expected) => {
    expect(actions(trayModel(sourceStatus(overrides), fixedTime).menu)).toEqual(expected);
  });
});

describe('trayIconBitmap', () => {
  const pixel = (buffer: Buffer, x: number, y: number) => {
    const offset = (y * TRAY_ICON_SIZE + x) * 4;
    return [...buffer.subarray(offset, offset + 4)];
  };

  it('is BGRA of the icon size', () => {
    expect(trayIconBitmap('idle').length).toBe(TRAY_ICON_SIZE * TRAY_ICON_SIZE * 4);
  });

  it('leaves the corners transparent', () => {
    expect(pixel(trayIconBitmap('enriching'), 0, 0)[3]).toBe(0);
  });

  it('fills the centre of the enriching icon', () => {
    expect(pixel(trayIconBitmap('enriching'), 16, 16)).toEqual([0x6c, 0xa4, 0x30, 255]);
  });

  it('cuts a pause sign into the paused icon', () => {
    expect(pixel(trayIconBitmap('paused'), 12, 16)[3]).toBe(0);
  });

  it('draws each state differently', () => {
    const bitmaps = (['idle', 'enriching', 'paused', 'unavailable'] as const).map((state) => trayIconBitmap(state).toString('hex'));
    expect(new Set(bitmaps).size).toBe(4);
  });
});

describe('menuTemplate', () => {
  it('runs the action of a clicked item', () => {
    const run = vi.fn<(action: TrayAction) => void>();
    const template = menuTemplate(trayModel(sourceStatus(), fixedTime).menu, run);
    const pause = template.find((item) => item.label === 'Pause enrichment');
    (pause?.click as () => void)();
    expect(run).toHaveBeenCalledWith('pause');
  });

  it('shows the summary as a disabled item', () => {
    const [first] = menuTemplate(trayModel(sourceStatus(), fixedTime).menu, () => undefined);
    expect(first).toMatchObject({ enabled: false, label: 'Enriching from Amazon: 1,200 of 5,000 items done' });
  });
});

describe('createTray', () => {
  let events: EventEmitter;
  let appEvents: AppEvents;
  let ran: TrayAction[];

  beforeEach(() => {
    electron.FakeTray.instances.length = 0;
    events = new EventEmitter();
    appEvents = {
      on: (event, listener) => {
        events.on(event, listener);
        return () => events.off(event, listener);
      },
    };
    ran = [];
  });

  function statusOf(overrides: Partial<SourceStatus>): EnrichmentStatus {
    return { sources: { amazon: sourceStatus(overrides) } };
  }

  it('renders the current status at once', () => {
    createTray({ status: () => statusOf({}), events: appEvents, run: (action) => ran.push(action) });
    expect(electron.FakeTray.instances[0]?.tooltips).toHaveLength(1);
  });

  it('changes the icon on a status event', () => {
    createTray({ status: () => statusOf({}), events: appEvents, run: (action) => ran.push(action) });
    events.emit('status', statusOf({ state: 'outage' }));
    // Idle at creation, enriching at the first render, unavailable after the event.
    expect(electron.FakeTray.instances[0]?.images).toHaveLength(3);
  });

  it('opens the window on click', () => {
    createTray({ status: () => statusOf({}), events: appEvents, run: (action) => ran.push(action) });
    electron.FakeTray.instances[0]?.listeners.get('click')?.();
    expect(ran).toEqual(['open']);
  });

  it('stops listening when removed', () => {
    const remove = createTray({ status: () => statusOf({}), events: appEvents, run: (action) => ran.push(action) });
    remove();
    expect(events.listenerCount('status')).toBe(0);
  });
});

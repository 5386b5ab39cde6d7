import type { SourceStatus } from '../shared/enrichment-state.ts';

/** The tray icon of each situation the user should tell apart at a glance. */
export const TRAY_ICON_STATES = ['idle', 'enriching', 'paused', 'unavailable'] as const;
export type TrayIconState = (typeof TRAY_ICON_STATES)[number];

export type TrayAction = 'pause' | 'resume' | 'check-now' | 'open' | 'quit';

export type TrayMenuEntry =
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean }
  | { kind: 'info'; label: string }
  | { kind: 'separator' };

export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  menu: TrayMenuEntry[];
}

/** Windows cuts tray tooltips at 127 characters. */
const MAX_TOOLTIP_LENGTH = 127;

/** Formats an ISO time as the local clock time, such as "14:05". */
export type TimeFormatter = (iso: string) => string;

const localClockTime: TimeFormatter = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function trayIconState(status: SourceStatus): TrayIconState {
  switch (status.state) {
    case 'running':
    case 'rate_limited':
      return 'enriching';
    case 'paused':
      return 'paused';
    case 'outage':
    case 'contract':
    case 'crashed':
      return 'unavailable';
    case 'idle':
    case 'disabled':
      return 'idle';
  }
}

function progressText(status: SourceStatus): string {
  const { matched, notFound, error, pending } = status.counts;
  const done = matched + notFound + error;
  return `${done.toLocaleString('en-US')} of ${(done + pending).toLocaleString('en-US')} items done`;
}

/** Describes in one line what the Amazon source is doing, for the tooltip and the menu's first entry. */
export function sourceSummary(status: SourceStatus, formatTime: TimeFormatter = localClockTime): string {
  switch (status.state) {
    case 'disabled':
      return 'Amazon enrichment is off';
    case 'running':
      return `Enriching from Amazon: ${progressText(status)}`;
    case 'rate_limited':
      return status.rateLimit
        ? `Amazon rate limit: waiting until ${formatTime(status.rateLimit.resumeAt)}`
        : 'Amazon rate limit: waiting';
    case 'paused':
      return status.pausedBy === 'scan' ? 'Amazon enrichment paused while a scan runs' : 'Amazon enrichment paused';
    case 'idle':
      return `Amazon enrichment idle: ${progressText(status)}`;
    case 'outage':
    case 'contract':
      return status.outage
        ? `Amazon Music unavailable, next check at ${formatTime(status.outage.nextAttemptAt)}`
        : 'Amazon Music unavailable';
    case 'crashed':
      return status.problem ?? 'Amazon enrichment stopped after repeated crashes';
  }
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 3)}...`;
}

/**
 * Builds the tray icon, tooltip and menu for a source status. Pause and
 * resume follow the user's own pause only: a scan's hold is not the user's
 * to lift. "Check now" is offered while the source is unavailable.
 */
export function trayModel(status: SourceStatus, formatTime: TimeFormatter = localClockTime): TrayModel {
  const summary = sourceSummary(status, formatTime);
  const userPaused = status.pausedBy === 'user';
  const unavailable = trayIconState(status) === 'unavailable';

  const pauseEntry: TrayMenuEntry = userPaused
    ? { kind: 'action', action: 'resume', label: 'Resume enrichment', enabled: status.enabled }
    : { kind: 'action', action: 'pause', label: 'Pause enrichment', enabled: status.enabled };

  return {
    icon: trayIconState(status),
    tooltip: truncate(`Liner: ${summary}`, MAX_TOOLTIP_LENGTH),
    menu: [
      { kind: 'info', label: summary },
      { kind: 'separator' },
      pauseEntry,
      { kind: 'action', action: 'check-now', label: 'Check now', enabled: status.enabled && unavailable },
      { kind: 'separator' },
      { kind: 'action', action: 'open', label: 'Open Liner', enabled: true },
      { kind: 'action', action: 'quit', label: 'Quit Liner', enabled: true },
    ],
  };
}

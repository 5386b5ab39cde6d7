import { isAmazonMusicUrl } from '../shared/amazon-music-url.ts';
import { contentSecurityPolicy } from '../shared/content-security-policy.ts';
import { isAppUrl, type AppLocation } from './app-location.ts';

/** The sender of one IPC call, as main sees it. */
export interface IpcSender {
  /** `event.sender.id`: the web contents that sent the call. */
  webContentsId: number;
  /** `event.senderFrame.url`; null when the frame is gone. */
  frameUrl: string | null;
  /** True when the sending frame is the top frame (`senderFrame.parent === null`). */
  isMainFrame: boolean;
}

/**
 * Accepts a call only from the top frame of Liner's own window showing Liner's
 * own page. A frame that navigated away, an embedded frame, or any other web
 * contents is rejected.
 */
export function isTrustedSender(sender: IpcSender, windowWebContentsId: number | null, app: AppLocation): boolean {
  if (windowWebContentsId === null || sender.webContentsId !== windowWebContentsId) return false;
  if (!sender.isMainFrame || sender.frameUrl === null) return false;
  return isAppUrl(sender.frameUrl, app);
}

/**
 * Decides what happens to a navigation or a new window the page requests: Amazon
 * Music links open in the user's browser, and everything else is blocked.
 * The window never leaves the app's page.
 */
export function navigationAction(url: string): 'open-external' | 'deny' {
  return isAmazonMusicUrl(url) ? 'open-external' : 'deny';
}

/**
 * Builds the Content-Security-Policy of the desktop window. In production it is the
 * policy the serve bridge uses too. The Vite dev server injects an inline
 * script (React refresh) and inline styles, and pushes updates over a
 * WebSocket, so development adds exactly those.
 */
export function desktopContentSecurityPolicy(app: AppLocation): string {
  if (app.kind === 'file') return contentSecurityPolicy();

  const devSocket = app.origin.replace(/^http/, 'ws');
  return contentSecurityPolicy([app.origin, devSocket])
    .split('; ')
    .map((directive) => {
      if (directive.startsWith('script-src ')) return `${directive} 'unsafe-inline'`;
      if (directive.startsWith('style-src ')) return `${directive} 'unsafe-inline'`;
      return directive;
    })
    .join('; ');
}

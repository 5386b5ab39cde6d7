import type { Session } from 'electron';

import type { AppLocation } from './app-location.ts';
import type { Logger } from './core/logging.ts';
import { desktopContentSecurityPolicy } from './security.ts';

/**
 * Hardens the window's session: every response gets Liner's
 * Content-Security-Policy header, and every permission request (camera,
 * notifications, geolocation, ...) is denied, since Liner needs none.
 */
export function secureSession(session: Session, app: AppLocation, logger: Logger): void {
  const policy = desktopContentSecurityPolicy(app);

  // NOTE: Electron's docs say response headers cannot be set for file://
  // pages, so the built index.html should carry the same policy in a
  // <meta http-equiv="Content-Security-Policy"> tag as well.
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });

  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn({ permission }, 'denied a permission request from the renderer');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

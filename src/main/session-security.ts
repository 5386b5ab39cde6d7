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

  // Electron's security guide says a header cannot reach a page loaded from
  // file://, so the build also writes the policy into index.html as a <meta>
  // tag. The header still covers the dev server and every http response.
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

import { pathToFileURL } from 'node:url';

/**
 * The source the window loads the renderer from: the built `index.html` on disk,
 * or the Vite dev server that `electron-vite dev` starts.
 */
export type AppLocation = { kind: 'file'; indexUrl: string } | { kind: 'dev'; url: string; origin: string };

/**
 * Picks the renderer location. `devServerUrl` is `ELECTRON_RENDERER_URL`,
 * which electron-vite sets only in development. It must be an http URL on
 * the local machine, so a stray variable cannot point the window at the web.
 */
export function resolveAppLocation(indexFile: string, devServerUrl: string | undefined): AppLocation {
  if (devServerUrl) {
    const url = new URL(devServerUrl);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'http:' || !local) {
      throw new Error(`ELECTRON_RENDERER_URL must be an http URL on localhost, got ${devServerUrl}`);
    }
    return { kind: 'dev', url: url.toString(), origin: url.origin };
  }
  return { kind: 'file', indexUrl: pathToFileURL(indexFile).toString() };
}

/** True when `value` is the app's own page: the same file, or the dev server's origin. Hash and query are ignored. */
export function isAppUrl(value: string, app: AppLocation): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }

  if (app.kind === 'dev') return url.origin === app.origin;

  const index = new URL(app.indexUrl);
  return url.protocol === 'file:' && url.host === index.host && url.pathname === index.pathname;
}

import { BrowserWindow, type WebContents } from 'electron';

import type { AppLocation } from './app-location.ts';
import type { Logger } from './core/logging.ts';
import { navigationAction } from './security.ts';
import { mainWindowOptions } from './window-options.ts';

export interface MainWindowOptions {
  preloadPath: string;
  /** The built `index.html`, loaded when `app` is a file location. */
  indexFile: string;
  app: AppLocation;
  /** Opens a validated Amazon Music link in the user's browser. */
  openExternal(url: string): void;
  logger: Logger;
}

/**
 * Blocks every navigation and new window a page requests. Amazon Music links
 * open in the user's browser instead; anything else is logged and dropped.
 */
export function guardNavigation(contents: WebContents, openExternal: (url: string) => void, logger: Logger): void {
  const redirect = (url: string) => {
    if (navigationAction(url) === 'open-external') openExternal(url);
    else logger.warn({ url }, 'blocked a navigation away from the app');
  };

  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    redirect(url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    redirect(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Creates Liner's window, hidden until its first frame is ready, and loads the renderer. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  guardNavigation(window.webContents, options.openExternal, options.logger);
  window.once('ready-to-show', () => window.show());

  const loading = options.app.kind === 'dev' ? window.loadURL(options.app.url) : window.loadFile(options.indexFile);
  loading.catch((error: unknown) => options.logger.error({ err: error }, 'the window could not load the renderer'));
  return window;
}

import { app, dialog } from 'electron';

import { appDataFolder, APP_FOLDER_NAME } from './core/paths.ts';
import { bundlePaths, shutdown, startDesktopApp } from './desktop-app.ts';

// The CLI and the desktop app share one data folder, so both open the same database.
app.setName(APP_FOLDER_NAME);
app.setPath('userData', appDataFolder());

app.on('web-contents-created', (_event, contents) => {
  // Any web contents other than the window's own (which adds its own guards)
  // gets no new windows either.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void run();
}

async function run(): Promise<void> {
  await app.whenReady();

  let running: Awaited<ReturnType<typeof startDesktopApp>>;
  try {
    running = await startDesktopApp(bundlePaths(import.meta.dirname));
  } catch (error) {
    dialog.showErrorBox('Liner could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }

  let stopped = false;
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;

    shutdown(running)
      .catch((error: unknown) => running.logger.error({ err: error }, 'shutdown failed'))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });
}

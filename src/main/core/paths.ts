import os from 'node:os';
import path from 'node:path';

/** The product name Electron uses for `app.getPath('userData')`. */
export const APP_FOLDER_NAME = 'Liner';

/**
 * Returns the per-user app data folder, the same one Electron's `userData` resolves
 * to, so the CLI and the desktop app share one database: `%APPDATA%\Liner`
 * on Windows, `~/Library/Application Support/Liner` on macOS,
 * `$XDG_CONFIG_HOME/Liner` (default `~/.config/Liner`) elsewhere.
 */
export function appDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  }
  if (platform === 'darwin') {
    return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_FOLDER_NAME);
}

/** Resolves the database path: `--db`, then `LINER_DB`, then `liner.db` in the app data folder. */
export function resolveDatabasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag.trim() === '') {
    throw new Error('the database path given with --db is empty; pass a file path, or leave out --db for the default database');
  }
  if (flag) return path.resolve(flag);
  if (env.LINER_DB) return path.resolve(env.LINER_DB);
  return path.join(appDataFolder(env), 'liner.db');
}

/** Resolves the log file: `LINER_LOG_FILE`, else `logs/liner.log` in the app data folder. */
export function resolveLogPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LINER_LOG_FILE) return path.resolve(env.LINER_LOG_FILE);
  return path.join(appDataFolder(env), 'logs', 'liner.log');
}

import { homedir } from 'node:os';
import { join } from 'node:path';

export const DB_ENV_VAR = 'ROMTRACK_DB';
export const DB_FILE_NAME = 'romtrack.sqlite';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives for
 * "ROMtrack", so the desktop app and server mode open the same file by default.
 */
export function userDataFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'ROMtrack');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'ROMtrack');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'ROMtrack');
}

/** --db wins, then ROMTRACK_DB, then the per-user data folder. */
export function resolveDatabasePath(cliPath: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return cliPath ?? env[DB_ENV_VAR] ?? join(userDataFolder(process.platform, env), DB_FILE_NAME);
}

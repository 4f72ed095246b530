import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds the Electron executable without require('electron'), which would try to download it.
 * Returns the path, or the reason there is none.
 */
export function findElectronBinary(projectRoot: string, env: NodeJS.ProcessEnv = process.env): { path: string } | { reason: string } {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    for (const name of ['electron', 'electron.exe', 'Electron.app/Contents/MacOS/Electron']) {
      const candidate = join(override, name);
      if (existsSync(candidate)) return { path: candidate };
    }
    return { reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no Electron executable` };
  }
  const pkg = join(projectRoot, 'node_modules', 'electron');
  const pathTxt = join(pkg, 'path.txt');
  if (!existsSync(pathTxt)) {
    return { reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing; this machine cannot reach its download host)' };
  }
  const candidate = join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(candidate) ? { path: candidate } : { reason: `the Electron binary named in path.txt is missing (${candidate})` };
}

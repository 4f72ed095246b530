import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary } from '../shell/electron-binary';

const root = join(__dirname, '..', '..', '..', '..');
const SERVE_INSTEAD = 'Run "npm run serve" to use ROMtrack in a browser instead.';
// Electron is a development dependency: a clinic install made with `npm ci --omit=dev` has none, by design.
if (!existsSync(join(root, 'node_modules', 'electron', 'package.json'))) {
  console.error(`Cannot start the desktop app: Electron is not installed here (a production-only install, npm ci --omit=dev, leaves it out). ${SERVE_INSTEAD}`);
  process.exit(1);
}
const found = findElectronBinary(root);
if ('reason' in found) {
  console.error(`Cannot start the desktop app: ${found.reason}. ${SERVE_INSTEAD}`);
  process.exit(1);
}
const child = spawn(found.path, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

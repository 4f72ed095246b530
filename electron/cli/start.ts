import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findElectronBinary } from '../shell/electron-binary';

const root = join(__dirname, '..', '..', '..', '..');
const found = findElectronBinary(root);
if ('reason' in found) {
  console.error(`Cannot start the desktop app: ${found.reason}. Run "npm run serve" to use ROMtrack in a browser instead.`);
  process.exit(1);
}
const child = spawn(found.path, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

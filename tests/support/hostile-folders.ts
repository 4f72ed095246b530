import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function writable(dir: string): boolean {
  try {
    writeFileSync(join(dir, '.probe'), 'x');
    rmSync(join(dir, '.probe'));
    return true;
  } catch {
    return false;
  }
}

/**
 * A folder nobody can write to, even root (who ignores chmod): chmod first, then the immutable
 * attribute. Returns null where neither works, with the caller skipping and saying so.
 */
export function makeReadOnlyFolder(parent: string): { dir: string; release(): void } | null {
  const dir = join(parent, 'read-only');
  mkdirSync(dir);
  const release = () => {
    try {
      execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
    } catch {
      // not set
    }
    try {
      execFileSync('chmod', ['755', dir]);
    } catch {
      // ignore
    }
  };
  execFileSync('chmod', ['555', dir]);
  if (!writable(dir)) return { dir, release };
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
  } catch {
    // no chattr here
  }
  if (!writable(dir)) return { dir, release };
  release();
  return null;
}

/** A tiny file system that fills up at once (needs root to mount); null where it cannot be had. */
export function makeFullDisk(parent: string, sizeKiB = 64): { dir: string; release(): void } | null {
  const dir = join(parent, 'tiny-disk');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir], { stdio: 'ignore', timeout: 5000 });
  } catch {
    return null;
  }
  return { dir, release: () => execFileSync('umount', [dir], { stdio: 'ignore' }) };
}

/**
 * A named pipe: opening it for reading waits for a writer forever, so anything that opens a chosen file before
 * checking what it is hangs on it. Null where mkfifo is not available (Windows).
 */
export function makeFifo(path: string): string | null {
  try {
    execFileSync('mkfifo', [path], { stdio: 'ignore' });
    return path;
  } catch {
    return null;
  }
}

/** A folder that can never be created: under /proc, mkdir answers ENOENT although the parent exists. Null without /proc. */
export function uncreatableFolder(): string | null {
  return process.platform === 'linux' ? '/proc/romtrack-backups' : null;
}

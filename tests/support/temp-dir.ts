import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test, removed afterwards; every test gets its own real SQLite file. */
export function makeTempDir(prefix = 'romtrack-test-'): { dir: string; dbPath: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dbPath: join(dir, 'romtrack.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The source files under `dir` (relative to `root`), as paths relative to `root` with forward slashes, for the
 * tests that scan the code itself (messages by id, no English on screens). Folders named in `skip` are left out.
 */
export function sourceFiles(root: string, dir: string, name: RegExp = /\.ts$/, skip: readonly string[] = []): string[] {
  return readdirSync(join(root, dir)).flatMap((entry) => {
    const path = `${dir}/${entry}`;
    if (statSync(join(root, path)).isDirectory()) return skip.includes(entry) ? [] : sourceFiles(root, path, name, skip);
    return name.test(entry) ? [path] : [];
  });
}

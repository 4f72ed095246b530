// Which parts of build/ are missing or older than their sources, judged by file times alone, so that
// `npm run serve` can start the existing build in well under a second and rebuild only after a change.
// Plain Node with no dependencies: it must run where only production dependencies are installed.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The three build outputs, as `npm run build` makes them (package.json "build:*"), with what each is made
 * from. The node part is compiled file by file, so each source has its own output to compare; the two Vite
 * bundles are rewritten whole, so one output file stands for the bundle.
 */
export const PARTS = {
  node: {
    script: 'build:node',
    // tsconfig.node.json: shared/ and electron/ except the preload, which Vite bundles.
    sourceDirs: ['shared', 'electron'],
    skip: ['electron/preload.ts'],
    configs: ['tsconfig.json', 'tsconfig.node.json'],
    outputOf: (source) => join('build', 'node', source.replace(/\.ts$/, '.js')),
  },
  renderer: {
    script: 'build:renderer',
    sourceDirs: ['renderer', 'shared'],
    skip: [],
    // package-lock.json: a new version of a bundled library (React, recharts) changes the bundle.
    configs: ['vite.config.mts', 'tsconfig.json', 'package-lock.json'],
    output: join('build', 'renderer', 'index.html'),
  },
  preload: {
    script: 'build:preload',
    sourceDirs: ['shared'],
    sources: ['electron/preload.ts'],
    skip: [],
    configs: ['vite.preload.config.mts'],
    output: join('build', 'preload', 'preload.js'),
  },
};

/** What each command loads: server mode and the sample-data command never need the desktop preload. */
export const NEEDS = {
  serve: ['node', 'renderer'],
  'sample-data': ['node'],
  certificates: ['node'],
  start: ['node', 'renderer', 'preload'],
};

/**
 * For each named part: `missing` (no build at all), `stale` with the first source found newer than the
 * build (a reason to show), or `fresh`.
 * @returns {{ part: string, state: 'missing' | 'stale' | 'fresh', newer?: string }[]}
 */
export function buildState(root, partNames) {
  return partNames.map((name) => ({ part: name, ...partState(root, PARTS[name]) }));
}

function partState(root, part) {
  const sources = [...part.sourceDirs.flatMap((dir) => filesUnder(root, dir)), ...(part.sources ?? [])].filter(
    (file) => !part.skip.includes(file) && !file.endsWith('.d.ts'),
  );
  if (part.outputOf) {
    let oldestOutput = Infinity;
    let anyOutput = false;
    let missing;
    for (const source of sources.filter((f) => f.endsWith('.ts'))) {
      const out = mtime(root, part.outputOf(source));
      if (out === undefined) {
        missing ??= source;
        continue;
      }
      anyOutput = true;
      oldestOutput = Math.min(oldestOutput, out);
      if (out < mtime(root, source)) return { state: 'stale', newer: source };
    }
    if (!anyOutput) return { state: 'missing' };
    // A source added since the last build has no output yet.
    if (missing) return { state: 'stale', newer: missing };
    return newerConfig(root, part.configs, oldestOutput);
  }
  const out = mtime(root, part.output);
  if (out === undefined) return { state: 'missing' };
  const newer = sources.find((file) => mtime(root, file) > out);
  return newer ? { state: 'stale', newer } : newerConfig(root, part.configs, out);
}

function newerConfig(root, configs, builtAt) {
  const newer = configs.find((file) => (mtime(root, file) ?? 0) > builtAt);
  return newer ? { state: 'stale', newer } : { state: 'fresh' };
}

function mtime(root, file) {
  try {
    return statSync(join(root, file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Files under `dir`, as forward-slash paths relative to root (the form PARTS uses on every system). */
function filesUnder(root, dir) {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

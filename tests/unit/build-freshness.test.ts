import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildState, NEEDS } from '../../scripts/build-freshness.mjs';
import { makeTempDir } from '../support/temp-dir';

// `npm run serve` starts the existing build unless this says it is missing or older than its sources.
const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

const SOURCES = ['shared/domain/dates.ts', 'electron/cli/serve.ts', 'electron/preload.ts', 'renderer/index.html', 'renderer/src/App.tsx'];
const CONFIGS = ['tsconfig.json', 'tsconfig.node.json', 'vite.config.mts', 'vite.preload.config.mts', 'package-lock.json'];
const OUTPUTS = ['build/node/shared/domain/dates.js', 'build/node/electron/cli/serve.js', 'build/renderer/index.html', 'build/preload/preload.js'];

/** A checkout whose files were written at `at` seconds (by file), default 1000. */
function checkout(files: string[], at: Record<string, number> = {}): string {
  const t = makeTempDir('romtrack-build-');
  temps.push(t);
  for (const file of files) {
    const path = join(t.dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    const seconds = at[file] ?? 1000;
    utimesSync(path, seconds, seconds);
  }
  return t.dir;
}

const built = (at: Record<string, number> = {}) => checkout([...SOURCES, ...CONFIGS, ...OUTPUTS], { ...Object.fromEntries(OUTPUTS.map((o) => [o, 2000])), ...at });
const states = (root: string) => Object.fromEntries(buildState(root, NEEDS.start).map((p) => [p.part, p.newer ? `${p.state} ${p.newer}` : p.state]));

describe('build freshness', () => {
  it('finds nothing built in a fresh clone', () => {
    expect(states(checkout([...SOURCES, ...CONFIGS]))).toEqual({ node: 'missing', renderer: 'missing', preload: 'missing' });
  });

  it('finds a build newer than every source fresh', () => {
    expect(states(built())).toEqual({ node: 'fresh', renderer: 'fresh', preload: 'fresh' });
  });

  it('names the source changed since the build, and only its parts are stale', () => {
    expect(states(built({ 'electron/cli/serve.ts': 3000 }))).toEqual({ node: 'stale electron/cli/serve.ts', renderer: 'fresh', preload: 'fresh' });
    expect(states(built({ 'renderer/src/App.tsx': 3000 }))).toEqual({ node: 'fresh', renderer: 'stale renderer/src/App.tsx', preload: 'fresh' });
    // shared/ goes into all three.
    expect(states(built({ 'shared/domain/dates.ts': 3000 }))).toEqual({
      node: 'stale shared/domain/dates.ts',
      renderer: 'stale shared/domain/dates.ts',
      preload: 'stale shared/domain/dates.ts',
    });
  });

  it('finds a source added since the build, which has no output yet', () => {
    const root = built();
    writeFileSync(join(root, 'electron/cli/new-command.ts'), '');
    utimesSync(join(root, 'electron/cli/new-command.ts'), 1000, 1000);
    expect(states(root).node).toBe('stale electron/cli/new-command.ts');
  });

  it('finds a changed compiler or bundler configuration', () => {
    expect(states(built({ 'tsconfig.node.json': 3000 })).node).toBe('stale tsconfig.node.json');
    expect(states(built({ 'package-lock.json': 3000 })).renderer).toBe('stale package-lock.json');
  });

  it('serve and sample-data never wait for the desktop preload', () => {
    expect(NEEDS.serve).toEqual(['node', 'renderer']);
    expect(NEEDS['sample-data']).toEqual(['node']);
    const root = built({ 'electron/preload.ts': 3000 });
    expect(buildState(root, NEEDS.serve).every((p) => p.state === 'fresh')).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Packaging cannot run here (it downloads Electron), so the configuration is checked as data: against
// electron-builder's own schema, and against the choices the installers must keep.
const root = join(__dirname, '..', '..');
const requireHere = createRequire(join(root, 'package.json'));
// js-yaml and app-builder-lib come with electron-builder (no types of their own are installed).
const yaml = requireHere('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = requireHere('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};

interface Target {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  publish: unknown;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: Target[]; icon: string; maintainer?: string };
  mac: { target: Target[]; icon: string };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; productName: string; scripts: Record<string, string>; build?: unknown };

describe('electron-builder.yml', () => {
  it('is valid for the electron-builder that is installed', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it('is the only configuration (package.json has no "build" key to merge over it)', () => {
    expect(pkg.build).toBeUndefined();
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder');
  });

  it('names the app', () => {
    expect(config.appId).toBe('org.romtrack.app');
    expect(config.productName).toBe('ROMtrack');
    expect(pkg.productName).toBe('ROMtrack');
    expect(config.publish).toBeNull();
  });

  it('builds an NSIS installer for Windows, AppImage and .deb for Linux, a dmg for macOS', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.maintainer, 'a .deb needs a maintainer').toBeTruthy();
  });

  it('installs per user on Windows, with no administrator, and never deletes the data on uninstall', () => {
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.allowElevation).toBe(false);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('packs only the compiled app: no sources, no tests, no source maps', () => {
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'resources' });
    const included = config.files.filter((f) => !f.startsWith('!'));
    for (const pattern of included) expect(pattern, pattern).toMatch(/^(package\.json|build\/(node\/(electron|shared)|preload|renderer)\/\*\*)$/);
    expect(config.files).toContain('!**/*.map');
    // What package.json starts, and what main.ts loads, is inside what is packed.
    expect(pkg.main).toMatch(/^build\/node\/electron\//);
    expect(included).toEqual(expect.arrayContaining(['package.json', 'build/node/electron/**', 'build/node/shared/**', 'build/preload/**', 'build/renderer/**']));
  });

  it('rebuilds better-sqlite3 for Electron and keeps it outside the asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('flips the Electron fuses that close the ways around the app’s own code', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('uses the icons in resources/: an SVG and a 512×512 PNG made from it', () => {
    for (const icon of [config.win.icon, config.linux.icon, config.mac.icon]) expect(icon).toBe('resources/icon.png');
    expect(readFileSync(join(root, 'resources', 'icon.svg'), 'utf8')).toMatch(/<svg[^>]*viewBox="0 0 512 512"/);
    const png = readFileSync(join(root, 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BRIDGE_NAME, IPC_CHANNEL, MENU_COMMAND_CHANNEL, MENU_COMMANDS, PRINT_TO_PDF_CHANNEL, SAVE_EXPORT_CHANNEL } from '../../shared/api/transport';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

// What ships, not what the sources say: the built page and the bundled preload. `npm test` builds
// before vitest runs; run alone, these tests say what to do first.
const root = join(__dirname, '..', '..');
const rendererDir = join(root, 'build', 'renderer');
const preloadFile = join(root, 'build', 'preload', 'preload.js');

function readBuilt(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first (npm test does it before vitest).`);
  return readFileSync(file, 'utf8');
}

function decodeEntities(text: string): string {
  return text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('the built page (build/renderer/index.html)', () => {
  const html = readBuilt(join(rendererDir, 'index.html'));

  it('carries exactly the policy of shared/security/csp.ts, first in <head>', () => {
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
    expect(metas, 'one CSP meta tag').toHaveLength(1);
    expect(decodeEntities(metas[0]![1]!)).toBe(CONTENT_SECURITY_POLICY);
    // Before any script or stylesheet, so it applies to them.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link/i));
  });

  it('has a policy with no remote hosts, no eval, nothing inline', () => {
    const policy = CONTENT_SECURITY_POLICY;
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|unsafe-hashes/);
    for (const directive of policy.split(';').map((d) => d.trim())) {
      const [, ...sources] = directive.split(/\s+/);
      for (const source of sources) {
        expect(["'self'", "'none'", 'data:'], `${directive}: ${source}`).toContain(source);
      }
    }
  });

  it('loads only its own files: no remote URL, no inline script', () => {
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]*)"/gi)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url, url).toMatch(/^\.\//);
      expect(existsSync(join(rendererDir, url)), `${url} is in the build`).toBe(true);
    }
    for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      expect(body!.trim(), 'inline script (the CSP would block it)').toBe('');
    }
  });

  it('has bundles that name no remote script or stylesheet host', () => {
    const assets = readdirSync(join(rendererDir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    expect(assets.length).toBeGreaterThan(0);
    for (const file of assets) {
      const text = readFileSync(join(rendererDir, 'assets', file), 'utf8');
      // Libraries mention URLs in comments and messages; what matters is importing code or styles from one.
      expect(text, file).not.toMatch(/import\s*\(\s*["']https?:|@import\s+(?:url\()?["']?https?:|<script[^>]+src=["']?https?:/i);
    }
  });
});

describe('the built preload (build/preload/preload.js)', () => {
  /** Runs the bundle against a stand-in for electron, as a sandboxed preload runs it, and returns what it exposed. */
  function loadPreload() {
    const code = readBuilt(preloadFile);
    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: unknown[][] = [];
    const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.set(name, api) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: null });
        },
        on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
        removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
          listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener)),
      },
    };
    const required: string[] = [];
    const require = (id: string): unknown => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require "${id}"`);
    };
    runInNewContext(code, { require, module: { exports: {} }, exports: {} });
    const emit = (channel: string, ...args: unknown[]) => (listeners.get(channel) ?? []).forEach((l) => l({ sender: electron.ipcRenderer }, ...args));
    return { exposed, invoked, listeners, required, emit };
  }

  it('requires nothing but electron and exposes one bridge with four named functions', () => {
    const { exposed, required } = loadPreload();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual([BRIDGE_NAME]);
    const bridge = exposed.get(BRIDGE_NAME)!;
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onMenuCommand', 'printToPdf', 'saveExport']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('call() goes over the one API channel', async () => {
    const { exposed, invoked } = loadPreload();
    const call = exposed.get(BRIDGE_NAME)!.call as (op: string, input: unknown) => Promise<unknown>;
    await call('patients.list', { query: 'x' });
    expect(invoked).toEqual([[IPC_CHANNEL, 'patients.list', { query: 'x' }]]);
  });

  it('printToPdf() goes over the one print channel with the request alone', async () => {
    const { exposed, invoked } = loadPreload();
    const printToPdf = exposed.get(BRIDGE_NAME)!.printToPdf as (request: unknown) => Promise<unknown>;
    await printToPdf({ paper: 'A4', familyName: 'Mensah' });
    expect(invoked).toEqual([[PRINT_TO_PDF_CHANNEL, { paper: 'A4', familyName: 'Mensah' }]]);
  });

  it('saveExport() goes over the one save channel with the request alone', async () => {
    const { exposed, invoked } = loadPreload();
    const saveExport = exposed.get(BRIDGE_NAME)!.saveExport as (request: unknown) => Promise<unknown>;
    const request = { kind: 'csv', fileName: 'measurements.csv', content: 'a,b' };
    await saveExport(request);
    expect(invoked).toEqual([[SAVE_EXPORT_CHANNEL, request]]);
  });

  it('onMenuCommand() passes on known commands only, never the IPC event, and unsubscribes', () => {
    const { exposed, listeners, emit } = loadPreload();
    const onMenuCommand = exposed.get(BRIDGE_NAME)!.onMenuCommand as (cb: (...args: unknown[]) => void) => () => void;
    const heard: unknown[][] = [];
    const stop = onMenuCommand((...args) => heard.push(args));
    for (const command of MENU_COMMANDS) emit(MENU_COMMAND_CHANNEL, command);
    emit(MENU_COMMAND_CHANNEL, 'delete-everything');
    emit(MENU_COMMAND_CHANNEL, { command: 'new-patient' });
    expect(heard).toEqual(MENU_COMMANDS.map((c) => [c]));
    stop();
    expect(listeners.get(MENU_COMMAND_CHANNEL)).toEqual([]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../electron/api/dispatch';
import { handleIpcCall } from '../../electron/shell/ipc-handler';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { MAX_REQUEST_BYTES } from '../../shared/api/transport';
import { APP_START_URL, decideNavigation, decideWindowOpen, isAppUrl, isTrustedIpcSender } from '../../electron/shell/trusted-url';
import { guardWebContents, type GuardedContents } from '../../electron/shell/web-contents-guards';
import { mainWindowOptions } from '../../electron/shell/window-options';

describe('desktop window options', () => {
  const prefs = mainWindowOptions('/app/preload.js').webPreferences!;
  it('follow Electron’s security checklist', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.preload).toBe('/app/preload.js');
  });

  it('keep the checklist whatever bounds were remembered, and show the window only once it is drawn', () => {
    const options = mainWindowOptions('/app/preload.js', { x: 10, y: 20, width: 900, height: 600 });
    expect(options).toMatchObject({ x: 10, y: 20, width: 900, height: 600, show: false });
    expect(options.webPreferences).toEqual(prefs);
  });
});

describe('URL trust', () => {
  it('trusts only the app’s own pages', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://romtrack/index.html#/patients/1')).toBe(true);
    for (const url of ['app://romtrack.evil.com/', 'app://evil/romtrack', 'https://romtrack/', 'file:///app/index.html', 'app://user:pw@romtrack/', 'not a url', 'javascript:alert(1)']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('keeps navigation inside the app, sends https to the system browser, and drops other schemes', () => {
    expect(decideNavigation('app://romtrack/index.html#/patients')).toBe('allow');
    expect(decideNavigation('https://www.aapmr.org/')).toBe('open-external');
    expect(decideNavigation('http://example.com/')).toBe('deny');
    expect(decideNavigation('file:///etc/passwd')).toBe('deny');
    expect(decideNavigation('javascript:alert(1)')).toBe('deny');
    expect(decideNavigation('smb://share/x')).toBe('deny');
    expect(decideWindowOpen('app://romtrack/index.html')).toBe('deny');
    expect(decideWindowOpen('https://pubmed.ncbi.nlm.nih.gov/')).toBe('open-external');
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/', 'about:blank', 'data:text/html,<b>x</b>']) {
      expect(decideWindowOpen(url), url).toBe('deny');
    }
    // Credentials in a link are a phishing trick; the system browser does not get those either.
    expect(decideNavigation('https://user:pw@example.com/')).toBe('deny');
    expect(decideNavigation('app://romtrack.evil.com/index.html')).toBe('deny');
  });

  it('answers IPC only from the app’s own top frame', () => {
    expect(isTrustedIpcSender('app://romtrack/index.html', true)).toBe(true);
    expect(isTrustedIpcSender('app://romtrack/index.html', false)).toBe(false);
    expect(isTrustedIpcSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedIpcSender(undefined, true)).toBe(false);
    expect(isTrustedIpcSender('app://romtrack.evil.com/index.html', true)).toBe(false);
  });
});

describe('the guards on every web contents', () => {
  type Listener = (event: { preventDefault(): void }, url?: string) => void;
  function guarded() {
    const listeners = new Map<string, Listener>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: Listener) => {
        listeners.set(name, listener);
        return contents;
      },
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
    };
    const opened: string[] = [];
    guardWebContents(contents as unknown as GuardedContents, (url) => opened.push(url));
    const fire = (name: string, url?: string): boolean => {
      let prevented = false;
      listeners.get(name)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { fire, opened, open: (url: string) => openHandler!({ url }) };
  }

  it('lets the app move between its own pages and stops every other navigation', () => {
    const g = guarded();
    expect(g.fire('will-navigate', 'app://romtrack/index.html#/patients/new')).toBe(false);
    expect(g.fire('will-navigate', 'https://www.aapmr.org/')).toBe(true);
    expect(g.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(g.fire('will-navigate', 'http://192.168.1.10/')).toBe(true);
    expect(g.opened).toEqual(['https://www.aapmr.org/']);
    expect(g.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(g.fire('will-redirect', 'app://romtrack/index.html')).toBe(false);
    expect(g.fire('will-attach-webview')).toBe(true);
  });

  it('never opens a window: https goes to the system browser, the rest nowhere', () => {
    const g = guarded();
    expect(g.open('https://pubmed.ncbi.nlm.nih.gov/')).toEqual({ action: 'deny' });
    expect(g.open('app://romtrack/index.html')).toEqual({ action: 'deny' });
    expect(g.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(g.opened).toEqual(['https://pubmed.ncbi.nlm.nih.gov/']);
  });
});

describe('the IPC handler', () => {
  const trusted = ['app://romtrack/index.html#/patients', true] as const;
  const answering = () => vi.fn<Dispatch>(async (operation, input) => ({ ok: true, value: { operation, input } }));

  it('passes a call from our own top frame to dispatch, as JSON like server mode', async () => {
    const dispatch = answering();
    const result = await handleIpcCall(dispatch, ...trusted, 'patients.list', { query: 'men', at: new Date('2026-01-02T03:04:05Z'), skip: undefined });
    expect(result).toEqual({ ok: true, value: { operation: 'patients.list', input: { query: 'men', at: '2026-01-02T03:04:05.000Z' } } });
    expect(dispatch).toHaveBeenCalledTimes(1);
    await handleIpcCall(dispatch, ...trusted, 'app.info', undefined);
    expect(dispatch).toHaveBeenLastCalledWith('app.info', undefined);
  });

  it.each([
    ['another origin', 'https://evil.example/', true],
    ['a look-alike host', 'app://romtrack.evil.com/index.html', true],
    ['a subframe of our page', 'app://romtrack/index.html', false],
    ['a frame with no URL', undefined, true],
  ] as const)('refuses %s without calling dispatch', async (_what, url, isMainFrame) => {
    const dispatch = answering();
    const result = await handleIpcCall(dispatch, url, isMainFrame, 'patients.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses an operation name that is not text', async () => {
    const dispatch = answering();
    for (const operation of [undefined, 42, { name: 'patients.list' }, ['patients.list']]) {
      expect(await handleIpcCall(dispatch, ...trusted, operation, {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses input over the size limit, counted in UTF-8 bytes, and accepts input just under it', async () => {
    const dispatch = answering();
    const overhead = JSON.stringify({ note: '' }).length;
    const justFits = { note: 'a'.repeat(MAX_REQUEST_BYTES - overhead) };
    expect((await handleIpcCall(dispatch, ...trusted, 'patients.create', justFits)).ok).toBe(true);
    const tooBig = { note: 'a'.repeat(MAX_REQUEST_BYTES - overhead + 1) };
    expect(await handleIpcCall(dispatch, ...trusted, 'patients.create', tooBig)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than/) } });
    // "é" is two bytes: half as many characters already reach the limit.
    const multiByte = { note: 'é'.repeat(Math.ceil(MAX_REQUEST_BYTES / 2)) };
    expect(await handleIpcCall(dispatch, ...trusted, 'patients.create', multiByte)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('refuses input that is not JSON (a cycle, a BigInt) instead of throwing', async () => {
    const dispatch = answering();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await handleIpcCall(dispatch, ...trusted, 'patients.create', cyclic)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handleIpcCall(dispatch, ...trusted, 'patients.create', { n: 1n })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('content security policy', () => {
  it('starts from nothing and names no remote host or eval', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
  // The built page's copy of it is checked in desktop-build.test.ts.
});

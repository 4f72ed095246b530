import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { APP_START_URL, decideNavigation, decideWindowOpen, isAppUrl, isTrustedIpcSender } from '../../electron/shell/trusted-url';
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
    expect(prefs.preload).toBe('/app/preload.js');
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
  });

  it('answers IPC only from the app’s own top frame', () => {
    expect(isTrustedIpcSender('app://romtrack/index.html', true)).toBe(true);
    expect(isTrustedIpcSender('app://romtrack/index.html', false)).toBe(false);
    expect(isTrustedIpcSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedIpcSender(undefined, true)).toBe(false);
  });
});

describe('content security policy', () => {
  it('starts from nothing and names no remote host or eval', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});

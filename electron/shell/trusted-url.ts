// URL trust is decided by parsing, never by substring checks ("app://romtrack.evil.com" must fail).

export const APP_SCHEME = 'app';
export const APP_HOST = 'romtrack';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for the app's own pages, served by its own protocol from its own files. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/**
 * What to do when the page tries to go somewhere: stay inside the app, hand a plain https
 * link to the system browser, or nothing at all (file:, javascript:, http:, custom schemes).
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  const u = parse(url);
  if (u && u.protocol === 'https:' && u.username === '' && u.password === '') return 'open-external';
  return 'deny';
}

/** New windows are never opened by the app itself; https links go to the system browser. */
export function decideWindowOpen(url: string): 'open-external' | 'deny' {
  const u = parse(url);
  return u && u.protocol === 'https:' && u.username === '' && u.password === '' ? 'open-external' : 'deny';
}

/** The IPC handler answers only our own top-level page. */
export function isTrustedIpcSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

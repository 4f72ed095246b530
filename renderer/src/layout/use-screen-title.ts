// Each screen names itself in the window title ("Visit — MENSAH, Kofi — ROMtrack"), so the task bar, the
// window switcher and a screen reader say where the person is; and after a change of screen the focus goes
// to the new screen's heading (or to its confirmation), not to the page body, so the keyboard and the screen
// reader carry on from the top of what changed.
import { useEffect } from 'react';
import { STATUS_ID } from '../forms/return-focus';
import { parseRoute, type Route } from '../router';
import { dropFlashUnlessFor, flashFor } from './flash';

const APP = 'ROMtrack';

/** The title of each kind of screen before its data is loaded; a screen refines it with useScreenTitle. */
const ROUTE_TITLES: Partial<Record<Route['name'], string>> = {
  patients: 'Patients',
  'patient-new': 'New patient',
  patient: 'Patient',
  'patient-edit': 'Edit patient',
  'patient-mobility': 'Mobility',
  'series-detail': 'Mobility chart',
  'visit-new': 'Visit',
  'visit-add': 'Add to visit',
  'event-new': 'New event',
  'patient-report': 'Progress report',
  'patient-plans': 'Therapy plans',
  settings: 'Settings',
  worklist: 'Worklist',
  'patient-referral': 'Referral letter',
  'patient-access': 'Who opened this record',
  account: 'Your PIN or password',
  'not-found': 'Page not found',
};

export function windowTitle(screen: string): string {
  return `${screen} — ${APP}`;
}

function routeTitle(hash: string): string {
  const screen = ROUTE_TITLES[parseRoute(hash).name];
  return screen ? windowTitle(screen) : APP;
}

/**
 * After a change of screen, once its heading is drawn: the focus goes to the screen's confirmation if it has
 * one, else to its heading; a screen that placed the focus itself (the search box, the first box of the
 * grid) keeps it.
 */
function focusNewScreen(hash: string): void {
  const before = document.querySelector('main h1');
  const started = performance.now();
  const tick = (): void => {
    if (window.location.hash !== hash) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading || heading === before) {
      if (performance.now() - started < 5000) requestAnimationFrame(tick);
      return;
    }
    const main = document.getElementById('main');
    const active = document.activeElement;
    if (active && active !== document.body && active !== main && main?.contains(active)) return;
    const status = flashFor(hash) ? document.getElementById(STATUS_ID) : null;
    if (status?.textContent) {
      status.focus();
      return;
    }
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  };
  requestAnimationFrame(tick);
}

let installed = false;

/** Follows the route: the default title of each screen, the focus after a change. Installed once, on load. */
function followRoutes(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  document.title = routeTitle(window.location.hash);
  window.addEventListener('hashchange', () => {
    const hash = window.location.hash;
    dropFlashUnlessFor(hash);
    document.title = routeTitle(hash);
    focusNewScreen(hash);
  });
}

// Registered before the app's own route listener, so a screen's refined title (set after it renders) wins.
followRoutes();

/** Names the screen in the window title, e.g. useScreenTitle(`Visit — ${name}`); null while it loads. */
export function useScreenTitle(screen: string | null): void {
  useEffect(() => {
    if (screen) document.title = windowTitle(screen);
  }, [screen]);
}

/**
 * For a screen shown over the route rather than at it (the sign-in page before the app): when it goes, the title
 * goes back to the route's, which no change of address would otherwise set. A screen the app then draws refines it.
 */
export function useRouteTitleAfter(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    return () => {
      document.title = routeTitle(window.location.hash);
    };
  }, [active]);
}

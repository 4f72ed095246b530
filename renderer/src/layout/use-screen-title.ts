// Each screen names itself in the window title ("Visit — MENSAH, Kofi — ROMtrack"), so the task bar, the
// window switcher and a screen reader say where the person is; and after a change of screen the focus goes
// to the new screen's heading (or to its confirmation), not to the page body, so the keyboard and the screen
// reader carry on from the top of what changed.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_ID } from '../forms/return-focus';
import { i18next } from '../i18n/i18n';
import { parseRoute, type Route } from '../router';
import { dropFlashUnlessFor, flashFor } from './flash';

const APP = 'ROMtrack';

/**
 * The title of each kind of screen before its data is loaded, in the screen's language; a screen refines it with
 * useScreenTitle. Read at each change of screen, so a change of language shows at the next one (and at once on
 * the screens that refine it, which draw again in the new language).
 */
function routeTitles(): Partial<Record<Route['name'], string>> {
  return {
    patients: i18next.t('screenTitle.patients'),
    'patient-new': i18next.t('screenTitle.newPatient'),
    patient: i18next.t('screenTitle.patient'),
    'patient-edit': i18next.t('screenTitle.editPatient'),
    'patient-mobility': i18next.t('screenTitle.mobility'),
    'series-detail': i18next.t('screenTitle.mobilityChart'),
    'visit-new': i18next.t('screenTitle.visit'),
    'visit-add': i18next.t('screenTitle.addToVisit'),
    'event-new': i18next.t('screenTitle.newEvent'),
    'patient-report': i18next.t('screenTitle.report'),
    'patient-plans': i18next.t('screenTitle.plans'),
    settings: i18next.t('screenTitle.settings'),
    worklist: i18next.t('screenTitle.worklist'),
    'patient-referral': i18next.t('screenTitle.referral'),
    'patient-access': i18next.t('screenTitle.recordAccess'),
    account: i18next.t('screenTitle.account'),
    'not-found': i18next.t('screenTitle.notFound'),
  };
}

export function windowTitle(screen: string): string {
  return `${screen} — ${APP}`;
}

function routeTitle(hash: string): string {
  const screen = routeTitles()[parseRoute(hash).name];
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
  // The clinic's language arrives with the session, after the first title: the title follows it. A screen that
  // refines its title draws again in the new language and sets it after this.
  i18next.on('languageChanged', () => {
    document.title = routeTitle(window.location.hash);
  });
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
  // Again after a change of language, which puts back the route's title (above) even where `screen` is a name.
  const { i18n } = useTranslation();
  useEffect(() => {
    if (screen) document.title = windowTitle(screen);
  }, [screen, i18n.language]);
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

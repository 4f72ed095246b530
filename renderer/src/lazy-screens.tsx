// Screens whose code loads apart from the start: those that draw with the chart library (Recharts, about half of
// the renderer's code), the report and the letter. The worklist and the patient list, the first screens of the
// day, start without them (issue 21). The dashboard is not among them: it draws no chart library, and its
// 15 KB cost less in the start script than the wait for a chunk.
import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadEveryLanguage } from './i18n/i18n';
import { Loading } from './layout/Status';
import { whenIdle } from './layout/when-idle';

/**
 * A screen whose code loads apart. React holds a lazy screen back until 300 ms after its loading line was shown
 * (its fallback throttle), however soon the code arrives; so the code is fetched ahead while the app is idle
 * (usePreloadScreenCode), and a screen whose code is already here is drawn at once, without suspending.
 */
export function loadedApart<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const code = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (err: unknown) => {
        loading = null; // a failed fetch (server mode's network) is tried again at the next opening
        throw err;
      },
    ));
  const Lazy = lazy(() => code().then((component) => ({ default: component })));
  function Screen(props: P) {
    // Chosen once per mount: changing from the lazy wrapper to the component itself would mount the screen twice.
    const [Component] = useState<ComponentType<P> | LazyExoticComponent<ComponentType<P>>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return Object.assign(Screen, { preload: () => code().then(() => undefined, () => undefined) });
}

export const SeriesDetailWithPlans = loadedApart(() => import('./SeriesDetailWithPlans').then((m) => m.SeriesDetailWithPlans));
// A report or a letter can be in any language (the patient's), and their pages write words from it outside
// DocumentLanguage too: every language loads with the screen's code (i18n/i18n.ts), not after it.
export const ReportPage = loadedApart(() => Promise.all([import('./report/ReportPage'), loadEveryLanguage()]).then(([m]) => m.ReportPage));
export const ReferralLetterPage = loadedApart(() => Promise.all([import('./referral/ReferralLetterPage'), loadEveryLanguage()]).then(([m]) => m.ReferralLetterPage));
export const AlpChart = loadedApart(() => import('./patients/AlpChart').then((m) => m.AlpChart));

const AHEAD = [AlpChart, SeriesDetailWithPlans, ReportPage, ReferralLetterPage];

/** Once the first screen is drawn and the app idle, each screen's code in turn, one idle moment each. */
export function usePreloadScreenCode(): void {
  useEffect(() => {
    let cancelled = false;
    let cancel = () => {};
    const next = (i: number) => {
      if (!cancelled && i < AHEAD.length) cancel = whenIdle(() => void AHEAD[i]!.preload().then(() => next(i + 1)), 10_000);
    };
    next(0);
    return () => {
      cancelled = true;
      cancel();
    };
  }, []);
}

/** While a screen's code loads: the usual loading line, so the wait reads like any other. */
export function ScreenCode({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<Loading what={t('charts.loadingScreen')} />}>{children}</Suspense>;
}

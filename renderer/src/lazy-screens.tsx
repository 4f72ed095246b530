// Screens loaded when first opened: those that draw with the chart library (Recharts, about half of the
// renderer's code), the dashboard, the report and the letter. The worklist and the patient list, the first
// screens of the day, start without them (issue 21).
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadEveryLanguage } from './i18n/i18n';
import { Loading } from './layout/Status';

export const SeriesDetailWithPlans = lazy(() => import('./SeriesDetailWithPlans').then((m) => ({ default: m.SeriesDetailWithPlans })));
// The dashboard draws no chart library, but its cards' code is none of the first screen's business either.
export const MobilityPage = lazy(() => import('./mobility/MobilityPage').then((m) => ({ default: m.MobilityPage })));
// A report or a letter can be in any language (the patient's), and their pages write words from it outside
// DocumentLanguage too: every language loads with the screen's code (i18n/i18n.ts), not after it.
export const ReportPage = lazy(() => Promise.all([import('./report/ReportPage'), loadEveryLanguage()]).then(([m]) => ({ default: m.ReportPage })));
export const ReferralLetterPage = lazy(() => Promise.all([import('./referral/ReferralLetterPage'), loadEveryLanguage()]).then(([m]) => ({ default: m.ReferralLetterPage })));

/** While a screen's code loads: the usual loading line, so the wait reads like any other. */
export function ScreenCode({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<Loading what={t('charts.loadingScreen')} />}>{children}</Suspense>;
}

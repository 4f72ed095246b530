// The screens that draw with the chart library (Recharts, about half of the renderer's code), loaded when first
// opened: the worklist and the patient list, the first screens of the day, start without it (issue 21).
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './layout/Status';

export const SeriesDetailWithPlans = lazy(() => import('./SeriesDetailWithPlans').then((m) => ({ default: m.SeriesDetailWithPlans })));
export const ReportPage = lazy(() => import('./report/ReportPage').then((m) => ({ default: m.ReportPage })));
export const ReferralLetterPage = lazy(() => import('./referral/ReferralLetterPage').then((m) => ({ default: m.ReferralLetterPage })));

/** While a screen's code loads: the usual loading line, so the wait reads like any other. */
export function ScreenCode({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<Loading what={t('charts.loadingScreen')} />}>{children}</Suspense>;
}

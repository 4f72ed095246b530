import { useTranslation } from 'react-i18next';
import { parseSeriesKey } from '../../shared/analysis/patient-series';
import { useOperation } from './api/use-operation';
import { Loading } from './layout/Status';
import { SeriesDetailPage } from './mobility/SeriesDetailPage';
import { planOverlays } from './plans/chart-overlays';

/**
 * The mobility detail chart with the patient's therapy plans on it: each plan version as a hatched period,
 * each goal of this series as a target line. Composed here, beside the router, so that neither mobility/ nor
 * plans/ imports the other (eslint.config.mjs): the chart takes the periods and goals as props and knows
 * nothing of plans. If the plans cannot be read, the chart still shows, without them.
 */
export function SeriesDetailWithPlans({ patientId, seriesKey }: { patientId: string; seriesKey: string }) {
  const { t } = useTranslation();
  // The dashboard reads the plans ahead (mobility/use-patient-analysis.ts), so from there this is at once.
  const [plans] = useOperation('plans.list', { patientId });
  if (plans.state === 'loading') return <Loading what={t('mobility.loadingChart')} />;
  const series = parseSeriesKey(seriesKey);
  const overlays = plans.state === 'ready' && series ? planOverlays(plans.value, series) : { periods: [], goals: [] };
  return <SeriesDetailPage patientId={patientId} seriesKey={seriesKey} goals={overlays.goals} periods={overlays.periods} />;
}

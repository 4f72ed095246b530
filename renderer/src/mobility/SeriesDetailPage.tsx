import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { eventsForJoint, parseSeriesKey, seriesKeyOf } from '../../../shared/analysis/patient-series';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { todayLocal } from '../../../shared/domain/dates';
import { patientDisplayName } from '../../../shared/domain/patient';
import { ErrorMessage, Loading } from '../layout/Status';
import { useScreenTitle } from '../layout/use-screen-title';
import { href } from '../router';
import { ChartLegend, StrataLegend } from './ChartLegend';
import { dayNumber, DRAW_BUDGET, eventMarkers, pointsToDraw, styleOf, type GoalLine } from '../charts/chart-model';
import { chartStrata } from './chart-strata';
import { DetailChart } from './DetailChart';
import { MobilityBreadcrumb } from './MobilityBreadcrumb';
import { PlanResponses } from './PlanResponses';
import { EventList, PointsTable } from './PointsTable';
import { SeriesFacts, SeriesVerdict } from './SeriesFacts';
import { usePatientMobility, type PatientMobility } from './use-patient-analysis';
import type { PlanPeriod } from '../charts/plan-periods';
import { badgeOf } from '../clinical/VerdictBadge';
import { useChartWords } from '../charts/chart-words';
import { useSeriesNames } from '../charts/series-names';
import { useVerdictText } from '../clinical/use-verdict-text';

/** Events further back than this before the first measurement would squash the chart; they are listed instead. */
const EVENT_LOOKBACK_DAYS = 90;

/** Links to the same motion's other sides and modes, so comparing is one step. */
function SeriesSwitcher({ patientId, focus, available }: { patientId: string; focus: AnalysedSeries; available: readonly AnalysedSeries[] }) {
  const words = useChartWords();
  const { t } = useTranslation();
  if (available.length < 2) return null;
  return (
    <nav aria-label={t('mobility.switcherLabel')} className="series-switcher">
      {available.map((s) => (
        <a key={s.key} href={href.seriesDetail(patientId, s.key)} aria-current={s.key === focus.key ? 'page' : undefined}>
          {words.seriesStyle(s.side, s.mode)}
        </a>
      ))}
    </nav>
  );
}

function Detail({ patientId, seriesKey, mobility, goals, periods }: { patientId: string; seriesKey: string; mobility: PatientMobility; goals?: readonly GoalLine[]; periods?: readonly PlanPeriod[] }) {
  const { t } = useTranslation();
  const verdictText = useVerdictText();
  const words = useChartWords();
  const names = useSeriesNames();
  const { file, analysis, nameOf } = mobility;
  const parsed = parseSeriesKey(seriesKey);
  const key = parsed ? seriesKeyOf(parsed.side, parsed.motion, parsed.mode) : null;
  const focus = [...analysis.series, ...analysis.unmeasured].find((s) => s.key === key);
  const focusName = focus ? names.series(focus.side, focus.motion, focus.mode) : null;
  useScreenTitle(t('mobility.detail.title', { series: focusName ?? t('mobility.detail.titleUnknown'), name: patientDisplayName(file.patient) }));
  const siblings = useMemo(() => (focus ? analysis.series.filter((s) => s.motion === focus.motion) : []), [analysis, focus]);
  const drawn = useMemo(() => pointsToDraw(siblings), [siblings]);
  const strata = useMemo(() => (focus ? chartStrata(focus.points, styleOf(focus.side, focus.mode).shape, focus.verdict.strata) : null), [focus]);
  const { markers, hidden } = useMemo(() => {
    if (!focus) return { markers: [], hidden: 0 };
    const all = eventMarkers(eventsForJoint(file.events, focus.joint), words);
    const firstDay = Math.min(...siblings.flatMap((s) => s.points.map((p) => dayNumber(p.date))));
    const from = firstDay - EVENT_LOOKBACK_DAYS;
    const to = dayNumber(todayLocal());
    const shown = all.filter((m) => m.day >= from && m.day <= to);
    return { markers: shown, hidden: all.length - shown.length };
  }, [file.events, focus, siblings, words]);

  if (!parsed || !focus) {
    return (
      <>
        <MobilityBreadcrumb patient={file.patient} current={t('mobility.detail.unknownCrumb')} />
        <p className="error-box" role="alert">
          {t('mobility.detail.unknown', { key: seriesKey })} <a href={href.mobility(patientId)}>{t('mobility.detail.backToAll')}</a>
        </p>
      </>
    );
  }

  const verdict = focus.verdict;
  const badge = badgeOf(verdict);
  const total = siblings.reduce((n, s) => n + s.points.length, 0);
  const drawnCount = [...drawn.values()].reduce((n, list) => n + list.length, 0);
  return (
    <section aria-labelledby="series-heading" className="series-detail">
      <MobilityBreadcrumb patient={file.patient} current={focusName ?? ''} />
      <h1 id="series-heading">{focusName}</h1>
      <SeriesVerdict focus={focus} nameOf={nameOf} />
      <SeriesSwitcher patientId={patientId} focus={focus} available={siblings} />
      <SeriesFacts focus={focus} />
      {focus.points.length === 0 ? (
        <p className="empty">{t('mobility.detail.empty')}</p>
      ) : (
        <figure className="chart-figure" aria-describedby="series-reason series-threshold">
          <ChartLegend focus={focus} series={siblings} hasEvents={markers.length > 0} goals={goals} periods={periods} />
          {strata && <StrataLegend focus={focus} strata={strata} nameOf={nameOf} />}
          <DetailChart
            focus={focus}
            series={siblings}
            drawn={drawn}
            markers={markers}
            goals={goals}
            periods={periods}
            nameOf={nameOf}
            strata={strata}
            label={t('mobility.detail.chartLabel', { series: focusName ?? '', verdict: t(`verdict.${badge.name}`), reason: verdictText.reason(verdict) })}
          />
          <figcaption className="muted small">
            {t('mobility.detail.pointAt')}{' '}
            {drawnCount < total ? t('mobility.detail.drawnSome', { drawn: drawnCount, total, budget: DRAW_BUDGET }) : t('mobility.detail.drawnAll')}
          </figcaption>
        </figure>
      )}
      <PlanResponses responses={focus.planResponses} />
      {focus.points.length > 0 && <PointsTable focus={focus} series={siblings} nameOf={nameOf} />}
      <EventList markers={markers} hidden={hidden} />
    </section>
  );
}

/** One motion over time, for the series named in the address: '#/patients/:id/mobility/right.elbow.flexion.active'. */
export function SeriesDetailPage({ patientId, seriesKey, goals, periods }: { patientId: string; seriesKey: string; goals?: readonly GoalLine[]; periods?: readonly PlanPeriod[] }) {
  const loaded = usePatientMobility(patientId);
  const { t } = useTranslation();
  if (loaded.state === 'loading') return <Loading what={t('mobility.loadingChart')} />;
  if (loaded.state === 'error') return <ErrorMessage error={loaded.error} retry={loaded.retry} />;
  return <Detail patientId={patientId} seriesKey={seriesKey} mobility={loaded.value} goals={goals} periods={periods} />;
}

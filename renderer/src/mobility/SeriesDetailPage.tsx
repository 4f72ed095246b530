import { useMemo } from 'react';
import { eventsForJoint, parseSeriesKey, seriesKeyOf, type PatientSeries } from '../../../shared/analysis/patient-series';
import { modeLabel, motionSpec, sideLabel } from '../../../shared/domain/catalogue';
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

/** Events further back than this before the first measurement would squash the chart; they are listed instead. */
const EVENT_LOOKBACK_DAYS = 90;

/** Links to the same motion's other sides and modes, so comparing is one step. */
function SeriesSwitcher({ patientId, focus, available }: { patientId: string; focus: PatientSeries; available: readonly PatientSeries[] }) {
  if (available.length < 2) return null;
  return (
    <nav aria-label="Other series of this motion" className="series-switcher">
      {available.map((s) => (
        <a key={s.key} href={href.seriesDetail(patientId, s.key)} aria-current={s.key === focus.key ? 'page' : undefined}>
          {sideLabel(s.side)}, {modeLabel(s.mode).toLowerCase()}
        </a>
      ))}
    </nav>
  );
}

function Detail({ patientId, seriesKey, mobility, goals, periods }: { patientId: string; seriesKey: string; mobility: PatientMobility; goals?: readonly GoalLine[]; periods?: readonly PlanPeriod[] }) {
  const { file, analysis, nameOf } = mobility;
  const parsed = parseSeriesKey(seriesKey);
  const key = parsed ? seriesKeyOf(parsed.side, parsed.motion, parsed.mode) : null;
  const focus = [...analysis.series, ...analysis.unmeasured].find((s) => s.key === key);
  useScreenTitle(`${focus?.label ?? 'Mobility chart'} — ${patientDisplayName(file.patient)}`);
  const siblings = useMemo(() => (focus ? analysis.series.filter((s) => s.motion === focus.motion) : []), [analysis, focus]);
  const drawn = useMemo(() => pointsToDraw(siblings), [siblings]);
  const strata = useMemo(() => (focus ? chartStrata(focus.points, styleOf(focus.side, focus.mode).shape, focus.verdict.strata) : null), [focus]);
  const { markers, hidden } = useMemo(() => {
    if (!focus) return { markers: [], hidden: 0 };
    const all = eventMarkers(eventsForJoint(file.events, focus.joint));
    const firstDay = Math.min(...siblings.flatMap((s) => s.points.map((p) => dayNumber(p.date))));
    const from = firstDay - EVENT_LOOKBACK_DAYS;
    const to = dayNumber(todayLocal());
    const shown = all.filter((m) => m.day >= from && m.day <= to);
    return { markers: shown, hidden: all.length - shown.length };
  }, [file.events, focus, siblings]);

  if (!parsed || !focus) {
    return (
      <>
        <MobilityBreadcrumb patient={file.patient} current="Unknown series" />
        <p className="error-box" role="alert">
          There is no series “{seriesKey}” for this patient. <a href={href.mobility(patientId)}>Back to all series.</a>
        </p>
      </>
    );
  }

  const verdict = focus.verdict;
  const badge = badgeOf(verdict);
  const total = siblings.reduce((n, s) => n + s.points.length, 0);
  const drawnCount = [...drawn.values()].reduce((n, list) => n + list.length, 0);
  const motion = motionSpec(focus.motion).label.toLowerCase();
  return (
    <section aria-labelledby="series-heading" className="series-detail">
      <MobilityBreadcrumb patient={file.patient} current={focus.label} />
      <h1 id="series-heading">{focus.label}</h1>
      <SeriesVerdict focus={focus} nameOf={nameOf} />
      <SeriesSwitcher patientId={patientId} focus={focus} available={siblings} />
      <SeriesFacts focus={focus} />
      {focus.points.length === 0 ? (
        <p className="empty">No measurement of this series yet: record a visit to start it.</p>
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
            label={`Chart of ${motion}, left and right, active and passive, over time. ${focus.label}: ${badge.text}. ${verdict.reason}`}
          />
          <figcaption className="muted small">
            Point at a marker for its details.{' '}
            {drawnCount < total
              ? `Drawn with ${drawnCount} of ${total} measurements (about ${DRAW_BUDGET}; baseline, best, latest, lowest and highest always drawn); the table lists every one.`
              : 'The table under the chart lists every measurement.'}
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
  if (loaded.state === 'loading') return <Loading what="the chart" />;
  if (loaded.state === 'error') return <ErrorMessage error={loaded.error} retry={loaded.retry} />;
  return <Detail patientId={patientId} seriesKey={seriesKey} mobility={loaded.value} goals={goals} periods={periods} />;
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SeriesPoint } from '../../../shared/analysis/patient-series';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { useFormatter } from '../session/session-context';
import type { EventMarker } from '../charts/chart-model';
import { useCatalogueWords } from '../i18n/catalogue-words';
import { useInstrumentLabel } from './PointTooltip';
import { useSeriesNames } from '../charts/series-names';
import { ScrollBox } from '../layout/ScrollBox';

/** Baseline, best and latest of the series the page is about, and points a reset left behind. */
function roleOf(t: TFunction, p: SeriesPoint, s: AnalysedSeries, focus: AnalysedSeries): string {
  const reset = s.analysis.summary.resetDate;
  if (reset !== null && p.date <= reset) return t('mobility.role.beforeReset');
  if (s.key !== focus.key) return '';
  const { baseline, best, bestPair, latest } = s.analysis.summary;
  // The best is the average of two consecutive readings: both are marked.
  const inBest = bestPair ? bestPair.some((r) => r.id === p.id) : best?.id === p.id;
  return [baseline?.id === p.id ? t('mobility.role.baseline') : null, inBest ? (bestPair ? t('mobility.role.bestOfTwo') : t('mobility.role.best')) : null, latest?.id === p.id ? t('mobility.role.latest') : null]
    .filter(Boolean)
    .join(', ');
}

type TableProps = { focus: AnalysedSeries; series: readonly AnalysedSeries[]; nameOf: (id: string | null) => string };

function Table({ focus, series, nameOf }: TableProps) {
  const { t } = useTranslation();
  const format = useFormatter();
  const instrumentLabel = useInstrumentLabel();
  const words = useCatalogueWords();
  const names = useSeriesNames();
  const rows = series
    .flatMap((s) => s.points.map((p) => ({ s, p })))
    .sort((a, b) => (a.p.date < b.p.date ? 1 : a.p.date > b.p.date ? -1 : 0));
  return (
    <ScrollBox label={t('mobility.table.label')}>
      <table className="data-table points-table">
        <caption className="visually-hidden">{t('mobility.table.caption', { name: names.motionAtSite(focus.side, focus.motion) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mobility.table.date')}</th>
            <th scope="col">{t('mobility.table.side')}</th>
            <th scope="col">{t('mobility.table.mode')}</th>
            <th scope="col" className="num">
              {t('mobility.table.degrees')}
            </th>
            <th scope="col">{t('mobility.table.rater')}</th>
            <th scope="col">{t('mobility.table.instrument')}</th>
            <th scope="col">{t('mobility.table.endFeel')}</th>
            <th scope="col" className="num">
              {t('mobility.table.pain')}
            </th>
            <th scope="col">{t('mobility.table.note')}</th>
            <th scope="col">{t('mobility.table.inVerdict')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ s, p }) => (
            <tr key={p.id} className={s.key === focus.key ? 'points-focus' : undefined}>
              <td className="num-date">{format.date(p.date)}</td>
              <td>{t(`side.${s.side}`)}</td>
              <td>{t(`mode.${s.mode}`)}</td>
              <td className="num">{format.degrees(p.value)}</td>
              <td>{nameOf(p.raterId)}</td>
              <td>{instrumentLabel(p.instrument)}</td>
              <td>{p.endFeel ? words.endFeel(p.endFeel) : '—'}</td>
              <td className="num">{p.pain === null ? '—' : t('mobility.painScore', { pain: p.pain })}</td>
              <td>{p.note ?? ''}</td>
              <td>{roleOf(t, p, s, focus)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Every measurement of the motion, newest first: the chart's numbers for keyboard and screen reader users. */
export function PointsTable(props: TableProps) {
  const { t } = useTranslation();
  // Rows are built once the table is first opened: a long history is thousands of cells nobody asked for yet.
  const [opened, setOpened] = useState(false);
  const count = props.series.reduce((n, s) => n + s.points.length, 0);
  return (
    <details className="chart-data" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{t('mobility.table.open', { count })}</summary>
      {opened && <Table {...props} />}
    </details>
  );
}

/** The clinical events drawn as markers, in words. */
export function EventList({ markers, hidden }: { markers: readonly EventMarker[]; hidden: number }) {
  const { t } = useTranslation();
  const format = useFormatter();
  if (markers.length === 0 && hidden === 0) return null;
  return (
    <section aria-labelledby="chart-events-heading" className="chart-events">
      <h2 id="chart-events-heading">{t('mobility.events.heading')}</h2>
      {markers.length > 0 && (
        <ul>
          {markers.map((m) => (
            <li key={m.key}>
              <span className="num-date">{format.date(m.date)}</span> {m.detail}
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <p className="muted small">
          {t('mobility.events.hidden', { count: hidden })}
        </p>
      )}
    </section>
  );
}

import { useState } from 'react';
import type { PatientSeries, SeriesPoint } from '../../../shared/analysis/patient-series';
import { formatDegrees, modeLabel, sideLabel } from '../../../shared/domain/catalogue';
import { END_FEEL_LABELS } from '../../../shared/domain/visit';
import { useFormatDate } from '../session/session-context';
import type { EventMarker } from '../charts/chart-model';
import { instrumentLabel } from './PointTooltip';
import { ScrollBox } from '../layout/ScrollBox';

/** Baseline, best and latest of the series the page is about, and points a reset left behind. */
function roleOf(p: SeriesPoint, s: PatientSeries, focus: PatientSeries): string {
  const reset = s.analysis.summary.resetDate;
  if (reset !== null && p.date <= reset) return 'Before the reset';
  if (s.key !== focus.key) return '';
  const { baseline, best, bestPair, latest } = s.analysis.summary;
  // The best is the average of two consecutive readings: both are marked.
  const inBest = bestPair ? bestPair.some((r) => r.id === p.id) : best?.id === p.id;
  return [baseline?.id === p.id ? 'Baseline' : null, inBest ? (bestPair ? 'Best (one of two)' : 'Best') : null, latest?.id === p.id ? 'Latest' : null].filter(Boolean).join(', ');
}

type TableProps = { focus: PatientSeries; series: readonly PatientSeries[]; nameOf: (id: string | null) => string };

function Table({ focus, series, nameOf }: TableProps) {
  const formatDate = useFormatDate();
  const rows = series
    .flatMap((s) => s.points.map((p) => ({ s, p })))
    .sort((a, b) => (a.p.date < b.p.date ? 1 : a.p.date > b.p.date ? -1 : 0));
  return (
    <ScrollBox label="Every measurement">
      <table className="data-table points-table">
        <caption className="visually-hidden">{focus.label.replace(/ \((active|passive)\)$/, '')}: every measurement, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Side</th>
            <th scope="col">Mode</th>
            <th scope="col" className="num">
              Degrees
            </th>
            <th scope="col">Rater</th>
            <th scope="col">Instrument</th>
            <th scope="col">End-feel</th>
            <th scope="col" className="num">
              Pain
            </th>
            <th scope="col">Note</th>
            <th scope="col">In the verdict</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ s, p }) => (
            <tr key={p.id} className={s.key === focus.key ? 'points-focus' : undefined}>
              <td className="num-date">{formatDate(p.date)}</td>
              <td>{sideLabel(s.side)}</td>
              <td>{modeLabel(s.mode)}</td>
              <td className="num">{formatDegrees(p.value)}</td>
              <td>{nameOf(p.raterId)}</td>
              <td>{instrumentLabel(p.instrument)}</td>
              <td>{p.endFeel ? END_FEEL_LABELS[p.endFeel] : '—'}</td>
              <td className="num">{p.pain === null ? '—' : `${p.pain}/10`}</td>
              <td>{p.note ?? ''}</td>
              <td>{roleOf(p, s, focus)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Every measurement of the motion, newest first: the chart's numbers for keyboard and screen reader users. */
export function PointsTable(props: TableProps) {
  // Rows are built once the table is first opened: a long history is thousands of cells nobody asked for yet.
  const [opened, setOpened] = useState(false);
  const count = props.series.reduce((n, s) => n + s.points.length, 0);
  return (
    <details className="chart-data" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>All {count} measurements as a table</summary>
      {opened && <Table {...props} />}
    </details>
  );
}

/** The clinical events drawn as markers, in words. */
export function EventList({ markers, hidden }: { markers: readonly EventMarker[]; hidden: number }) {
  const formatDate = useFormatDate();
  if (markers.length === 0 && hidden === 0) return null;
  return (
    <section aria-labelledby="chart-events-heading" className="chart-events">
      <h2 id="chart-events-heading">Clinical events on the chart</h2>
      {markers.length > 0 && (
        <ul>
          {markers.map((m) => (
            <li key={m.key}>
              <span className="num-date">{formatDate(m.date)}</span> {m.detail}
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <p className="muted small">
          {hidden === 1 ? '1 earlier event is' : `${hidden} earlier events are`} more than 90 days before the first measurement and not drawn; the patient page lists it.
        </p>
      )}
    </section>
  );
}

import type { PatientSeries, SeriesPoint } from '../../../shared/analysis/patient-series';
import { formatDegrees } from '../../../shared/domain/catalogue';
import { END_FEEL_LABELS, INSTRUMENT_LABELS, type Instrument } from '../../../shared/domain/visit';
import { useFormatDate } from '../session/session-context';

/** One drawn point: chart coordinates plus the measurement and its series, for the tooltip. */
export interface ChartDatum {
  x: number;
  y: number;
  point: SeriesPoint;
  series: PatientSeries;
}

export function instrumentLabel(instrument: string | null): string {
  return instrument === null ? 'Not recorded' : (INSTRUMENT_LABELS[instrument as Instrument] ?? instrument);
}

/** Everything recorded with the measurement under the pointer. */
export function PointTooltip({ active, payload, nameOf }: { active?: boolean; payload?: readonly { payload?: unknown }[]; nameOf: (id: string | null) => string }) {
  const formatDate = useFormatDate();
  const datum = payload?.[0]?.payload as ChartDatum | undefined;
  if (!active || !datum) return null;
  const p = datum.point;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-head">
        <strong>{formatDate(p.date)}</strong> · {datum.series.label}
      </p>
      <p className="chart-tooltip-value">{formatDegrees(p.value)}</p>
      <dl>
        <dt>Rater</dt>
        <dd>{nameOf(p.raterId)}</dd>
        <dt>Instrument</dt>
        <dd>{instrumentLabel(p.instrument)}</dd>
        <dt>End-feel</dt>
        <dd>{p.endFeel ? END_FEEL_LABELS[p.endFeel] : 'Not recorded'}</dd>
        <dt>Pain</dt>
        <dd>{p.pain === null ? 'Not recorded' : `${p.pain}/10`}</dd>
        {p.note && (
          <>
            <dt>Note</dt>
            <dd>{p.note}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

import type { PatientSeries, SeriesPoint } from '../../../shared/analysis/patient-series';
import { useTranslation } from 'react-i18next';
import type { EndFeel, Instrument } from '../../../shared/domain/visit';
import { useFormatter } from '../session/session-context';
import { useSeriesNames } from '../charts/series-names';

/** One drawn point: chart coordinates plus the measurement and its series, for the tooltip. */
export interface ChartDatum {
  x: number;
  y: number;
  point: SeriesPoint;
  series: PatientSeries;
}

// Keys written out in full, so the key check (tests/unit/i18n-keys.test.ts) reads each one in the source.
const INSTRUMENT_KEYS = {
  goniometer: 'visits.instrument.goniometer',
  inclinometer: 'visits.instrument.inclinometer',
  smartphone: 'visits.instrument.smartphone',
  visual: 'visits.instrument.visual',
} as const satisfies Record<Instrument, string>;
export const END_FEEL_KEYS = { soft: 'visits.endFeel.soft', firm: 'visits.endFeel.firm', hard: 'visits.endFeel.hard', empty: 'visits.endFeel.empty' } as const satisfies Record<EndFeel, string>;

const isInstrument = (value: string): value is Instrument => Object.hasOwn(INSTRUMENT_KEYS, value);

/** An instrument in the screen's language; one this version does not know (from a newer one) as it was stored. */
export function useInstrumentLabel(): (instrument: string | null) => string {
  const { t } = useTranslation();
  return (instrument) => (instrument === null ? t('mobility.notRecorded') : isInstrument(instrument) ? t(INSTRUMENT_KEYS[instrument]) : instrument);
}

/** Everything recorded with the measurement under the pointer. */
export function PointTooltip({ active, payload, nameOf }: { active?: boolean; payload?: readonly { payload?: unknown }[]; nameOf: (id: string | null) => string }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const names = useSeriesNames();
  const instrumentLabel = useInstrumentLabel();
  const datum = payload?.[0]?.payload as ChartDatum | undefined;
  if (!active || !datum) return null;
  const p = datum.point;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-head">
        <strong>{format.date(p.date)}</strong> · {names.series(datum.series.side, datum.series.motion, datum.series.mode)}
      </p>
      <p className="chart-tooltip-value">{format.degrees(p.value)}</p>
      <dl>
        <dt>{t('mobility.rater')}</dt>
        <dd>{nameOf(p.raterId)}</dd>
        <dt>{t('mobility.instrument')}</dt>
        <dd>{instrumentLabel(p.instrument)}</dd>
        <dt>{t('mobility.endFeel')}</dt>
        <dd>{p.endFeel ? t(END_FEEL_KEYS[p.endFeel]) : t('mobility.notRecorded')}</dd>
        <dt>{t('mobility.pain')}</dt>
        <dd>{p.pain === null ? t('mobility.notRecorded') : t('mobility.painScore', { pain: p.pain })}</dd>
        {p.note && (
          <>
            <dt>{t('mobility.note')}</dt>
            <dd>{p.note}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

import type { SeriesPoint } from '../../../shared/analysis/patient-series';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { useTranslation } from 'react-i18next';
import { useCatalogueWords } from '../i18n/catalogue-words';
import { useFormatter } from '../session/session-context';
import { useSeriesNames } from '../charts/series-names';

/** One drawn point: chart coordinates plus the measurement and its series, for the tooltip. */
export interface ChartDatum {
  x: number;
  y: number;
  point: SeriesPoint;
  series: AnalysedSeries;
}

/** An instrument in the screen's language; one this version does not know (from a newer one) as it was stored. */
export function useInstrumentLabel(): (instrument: string | null) => string {
  const { t } = useTranslation();
  const words = useCatalogueWords();
  return (instrument) => (instrument === null ? t('mobility.notRecorded') : words.instrument(instrument));
}

/** Everything recorded with the measurement under the pointer. */
export function PointTooltip({ active, payload, nameOf }: { active?: boolean; payload?: readonly { payload?: unknown }[]; nameOf: (id: string | null) => string }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const names = useSeriesNames();
  const instrumentLabel = useInstrumentLabel();
  const words = useCatalogueWords();
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
        <dd>{p.endFeel ? words.endFeel(p.endFeel) : t('mobility.notRecorded')}</dd>
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

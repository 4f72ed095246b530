import { useId, useMemo, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SparklineSeries } from '../../../shared/api/operations/analysis';
import type { Formatter } from '../../../shared/format';
import { href } from '../router';
import { useFormatter } from '../session/session-context';
import { useSeriesNames, type SeriesNames } from '../charts/series-names';
import { Sparkline, SparklineFrame, type SparklineInput } from '../charts/Sparkline';
import { useInView } from '../charts/use-in-view';
import { VerdictBadge } from '../clinical/VerdictBadge';
import { otherSideWords } from '../clinical/verdict-text';
import { useVerdictText, type VerdictText } from '../clinical/use-verdict-text';

/** What every card writes with: made once for the page, not once per card (the largest patient has dozens). */
export interface CardWords {
  t: TFunction;
  format: Formatter;
  names: SeriesNames;
  verdictText: VerdictText;
}

export function useCardWords(): CardWords {
  const { t } = useTranslation();
  const format = useFormatter();
  const names = useSeriesNames();
  const verdictText = useVerdictText();
  return useMemo(() => ({ t, format, names, verdictText }), [t, format, names, verdictText]);
}

/** One series: its verdict first, the reason, the latest numbers; the whole card opens the detail chart. */
export function SeriesCard({ patientId, series, words }: { patientId: string; series: SparklineSeries; words: CardWords }) {
  const { t, format, names, verdictText } = words;
  const id = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const inView = useInView(chartRef);
  const { summary } = series.analysis;
  const verdict = series.verdict;
  const latest = summary.latest;
  const otherSide = verdictText.text(otherSideWords(summary, series.side));
  const sparkline = useMemo((): SparklineInput => ({ points: series.sparkline, normal: series.normal, resetDate: summary.resetDate }), [series, summary]);
  return (
    <li className={`series-card ${verdict.kind === 'losing' ? 'series-card-losing' : ''}`}>
      <h3 id={`${id}-title`}>
        {/* The link's ::after covers the card, so a click anywhere opens the chart; its name stays short. */}
        <a className="series-card-link" href={href.seriesDetail(patientId, series.key)} aria-describedby={`${id}-verdict ${id}-reason`}>
          {names.series(series.side, series.motion, series.mode)}
        </a>
        {!series.watched && <span className="tag">{t('mobility.notWatched')}</span>}
      </h3>
      <p id={`${id}-verdict`} className="series-card-verdict">
        <VerdictBadge verdict={verdict} />
      </p>
      <p id={`${id}-reason`} className="series-card-reason">
        {/* The card's title names the series: the reason starts after it. */}
        {verdictText.reasonBody(verdict)}
      </p>
      <div className="series-card-chart" aria-hidden="true" ref={chartRef}>
        {inView ? <Sparkline input={sparkline} degrees={format.degrees} /> : <SparklineFrame />}
      </div>
      <dl className="series-card-facts">
        <div>
          <dt>{t('mobility.latest')}</dt>
          <dd>{latest ? t('mobility.valueOnDate', { value: format.degrees(latest.value), date: format.date(latest.date) }) : t('mobility.noneSinceReset')}</dd>
        </div>
        {/* A normal of 0 (elbow extension) has no meaningful ratio, so the normal itself is shown. */}
        <div>
          <dt>{summary.percentOfNormal === null ? t('mobility.normal') : t('mobility.ofNormal')}</dt>
          <dd>{summary.percentOfNormal === null ? format.degrees(series.normal) : t('mobility.percentOfNormal', { percent: format.number(summary.percentOfNormal), normal: format.degrees(series.normal) })}</dd>
        </div>
        {/* A percentage only where the analysis gives one; otherwise the difference in degrees. */}
        {otherSide && (
          <div>
            <dt>{t('mobility.otherSide')}</dt>
            <dd>{otherSide}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

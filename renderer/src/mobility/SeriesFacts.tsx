import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { useChartWords } from '../charts/chart-words';
import { useFormatter } from '../session/session-context';
import { chartTrend } from './DetailChart';
import { VerdictBadge } from '../clinical/VerdictBadge';
import { basisSentence, otherSideWords, otherThresholds, thresholdSentence } from '../clinical/verdict-text';
import { useVerdictText } from '../clinical/use-verdict-text';

/**
 * The verdict, its reason, and under them the threshold actually applied and what the verdict rests on, so a
 * therapist can check the claim against the chart: "Threshold 12°, same therapist and goniometer (catalogue
 * default). Judged on readings by Abena Owusu with the goniometer."
 */
export function SeriesVerdict({ focus, nameOf }: { focus: AnalysedSeries; nameOf: (id: string | null) => string }) {
  const verdict = focus.verdict;
  const verdictText = useVerdictText();
  const threshold = verdictText.text(thresholdSentence(verdict, focus.threshold));
  const others = verdictText.text(otherThresholds(verdict));
  const basis = verdictText.text(basisSentence(verdict, nameOf));
  return (
    <div className="series-verdict-block">
      <p className="series-verdict">
        {/* The heading names the series: the reason starts after it. */}
        <VerdictBadge verdict={verdict} /> <span id="series-reason">{verdictText.reasonBody(verdict)}</span>
      </p>
      {threshold && (
        <p className="series-threshold" id="series-threshold">
          <strong>{threshold}</strong>
          {others ? `; ${others}` : ''}.{basis ? ` ${basis}.` : ''}
        </p>
      )}
    </div>
  );
}

/** Latest, baseline and best with their dates, the changes and the comparisons: the numbers behind the verdict. */
export function SeriesFacts({ focus }: { focus: AnalysedSeries }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const verdictText = useVerdictText();
  const words = useChartWords();
  const s = focus.analysis.summary;
  const at = (p: { value: number; date: string } | null) => (p ? t('mobility.valueOnDate', { value: format.degrees(p.value), date: format.date(p.date) }) : '—');
  const pair = s.bestPair;
  const trend = chartTrend(focus);
  const rows: [string, ReactNode][] = [
    [t('mobility.facts.latest'), at(s.latest)],
    [t('mobility.facts.baseline'), at(s.baseline)],
    // The best is the highest average of two consecutive readings by the same therapist and instrument.
    [
      t('mobility.facts.best'),
      s.best
        ? t('mobility.valueOnDate', { value: format.degrees(s.best.value), date: pair ? t('mobility.facts.twoDates', { first: format.date(pair[0].date), second: format.date(pair[1].date) }) : format.date(s.best.date) })
        : '—',
    ],
    [t('mobility.facts.changeSinceBaseline'), s.changeSinceBaseline === null ? '—' : format.change(s.changeSinceBaseline)],
    [t('mobility.facts.changeSinceBest'), s.changeSinceBest == null ? '—' : format.change(Math.round(s.changeSinceBest * 10) / 10)],
    // The same trend the chart draws: the verdict's own where it has one, so the two never disagree.
    [trend?.fromVerdict ? t('mobility.facts.trendVerdict') : t('mobility.facts.trendRecent'), trend ? words.slope(trend.trend.slopePerWeek, format.degrees) : '—'],
    [
      t('mobility.ofNormal'),
      s.percentOfNormal === null ? t('mobility.facts.normalIs', { normal: format.degrees(focus.normal) }) : t('mobility.percentOfNormal', { percent: format.number(s.percentOfNormal), normal: format.degrees(focus.normal) }),
    ],
    [t('mobility.otherSide'), verdictText.text(otherSideWords(s, focus.side)) ?? (focus.otherSideLatest === null ? '—' : t('mobility.facts.otherSideNotWithin'))],
  ];
  const reset = focus.verdict.resetBy ?? s.resetBy;
  // Readings before the joint's latest operation describe another joint: the series restarts after it.
  if (reset)
    rows.push([
      t('mobility.facts.restarted'),
      <>
        {format.date(reset.date)}
        {reset.title && <span className="fact-note">{reset.title}</span>}
      </>,
    ]);
  else if (s.resetDate) rows.push([t('mobility.facts.restarted'), format.date(s.resetDate)]);
  return (
    <dl className="facts series-facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}


import type { ReactNode } from 'react';
import { formatSlope } from '../../../shared/analysis/format';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { formatDegrees } from '../../../shared/domain/catalogue';
import { formatChange } from '../clinical/format';
import { useFormatDate } from '../session/session-context';
import { chartTrend } from './DetailChart';
import { VerdictBadge } from '../clinical/VerdictBadge';
import { basisSentence, otherSideWords, otherThresholds, reasonAfterLabel, thresholdSentence } from '../clinical/verdict-text';

/**
 * The verdict, its reason, and under them the threshold actually applied and what the verdict rests on, so a
 * therapist can check the claim against the chart: "Threshold 12°, same therapist and goniometer (catalogue
 * default). Judged on readings by Abena Owusu with the goniometer."
 */
export function SeriesVerdict({ focus, nameOf }: { focus: AnalysedSeries; nameOf: (id: string | null) => string }) {
  const verdict = focus.verdict;
  const threshold = thresholdSentence(verdict, focus.threshold);
  const others = otherThresholds(verdict);
  const basis = basisSentence(verdict, nameOf);
  return (
    <div className="series-verdict-block">
      <p className="series-verdict">
        {/* The heading names the series: the reason starts after it. */}
        <VerdictBadge verdict={verdict} /> <span id="series-reason">{reasonAfterLabel(verdict.reason, focus.analysis.summary.label)}</span>
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
  const formatDate = useFormatDate();
  const s = focus.analysis.summary;
  const at = (p: { value: number; date: string } | null) => (p ? `${formatDegrees(p.value)}, ${formatDate(p.date)}` : '—');
  const pair = s.bestPair;
  const trend = chartTrend(focus);
  const rows: [string, ReactNode][] = [
    ['Latest', at(s.latest)],
    ['Baseline', at(s.baseline)],
    // The best is the highest average of two consecutive readings by the same therapist and instrument.
    ['Best (average of two)', s.best ? `${formatDegrees(s.best.value)}, ${pair ? `${formatDate(pair[0].date)} and ${formatDate(pair[1].date)}` : formatDate(s.best.date)}` : '—'],
    ['Change since baseline', s.changeSinceBaseline === null ? '—' : formatChange(s.changeSinceBaseline)],
    ['Change since best', s.changeSinceBest == null ? '—' : formatChange(Math.round(s.changeSinceBest * 10) / 10)],
    // The same trend the chart draws: the verdict's own where it has one, so the two never disagree.
    [trend?.fromVerdict ? 'Trend the verdict weighed' : 'Trend, recent', trend ? formatSlope(trend.trend.slopePerWeek) : '—'],
    ['Of normal', s.percentOfNormal === null ? `normal is ${formatDegrees(focus.normal)}` : `${s.percentOfNormal}% of ${formatDegrees(focus.normal)}`],
    ['Other side', otherSideWords(s, focus.side) ?? (focus.otherSideLatest === null ? '—' : 'not measured within 4 weeks of this side')],
  ];
  const reset = focus.verdict.resetBy ?? s.resetBy;
  // Readings before the joint's latest operation describe another joint: the series restarts after it.
  if (reset)
    rows.push([
      'Restarted after operation',
      <>
        {formatDate(reset.date)}
        {reset.title && <span className="fact-note">{reset.title}</span>}
      </>,
    ]);
  else if (s.resetDate) rows.push(['Restarted after operation', formatDate(s.resetDate)]);
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


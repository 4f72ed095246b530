import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { downsampleSeries } from '../../../shared/analysis/downsample';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { formatDegrees } from '../../../shared/domain/catalogue';
import { href } from '../router';
import { useFormatDate } from '../session/session-context';
import { dayNumber, valueAxis } from '../charts/chart-model';
import { VerdictBadge } from '../clinical/VerdictBadge';
import { otherSideWords, reasonAfterLabel } from '../clinical/verdict-text';

const SMALL_CHART_POINTS = 80;

/** A small picture of the series: decorative, since the badge, the sentence and the numbers say it all. */
function SmallChart({ series }: { series: AnalysedSeries }) {
  // A 280-pixel picture cannot show more than this many points apart; the verdict's points stay in.
  const points = series.points.length > SMALL_CHART_POINTS ? downsampleSeries(series.points, SMALL_CHART_POINTS, series.verdict.keepIds) : series.points;
  const data = points.map((p) => ({ x: dayNumber(p.date), y: p.value }));
  const axis = valueAxis([...data.map((d) => d.y), series.normal]);
  const reset = series.analysis.summary.resetDate;
  return (
    <div className="series-card-chart" aria-hidden="true">
      <LineChart responsive width="100%" height={96} data={data} margin={{ top: 8, right: 8, bottom: 6, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e2e2" vertical={false} />
        <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} hide />
        <YAxis type="number" domain={axis.domain} ticks={[axis.domain[0], axis.domain[1]]} width={34} interval={0} tick={{ fontSize: 10 }} tickFormatter={(v: number) => `${v}°`} />
        <ReferenceLine y={series.normal} stroke="#767676" strokeDasharray="2 3" />
        {reset && <ReferenceLine x={dayNumber(reset)} stroke="#767676" />}
        <Line dataKey="y" stroke="#1a1a1a" strokeWidth={1.5} dot={{ r: 2.5, fill: '#1a1a1a' }} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}

/** One series: its verdict first, the reason, the latest numbers; the whole card opens the detail chart. */
export function SeriesCard({ patientId, series }: { patientId: string; series: AnalysedSeries }) {
  const formatDate = useFormatDate();
  const id = useId();
  const { summary } = series.analysis;
  const verdict = series.verdict;
  const latest = summary.latest;
  const otherSide = otherSideWords(summary, series.side);
  return (
    <li className={`series-card ${verdict.kind === 'losing' ? 'series-card-losing' : ''}`}>
      <h3 id={`${id}-title`}>
        {/* The link's ::after covers the card, so a click anywhere opens the chart; its name stays short. */}
        <a className="series-card-link" href={href.seriesDetail(patientId, series.key)} aria-describedby={`${id}-verdict ${id}-reason`}>
          {series.label}
        </a>
        {!series.watched && <span className="tag">Not a watched site</span>}
      </h3>
      <p id={`${id}-verdict`} className="series-card-verdict">
        <VerdictBadge verdict={verdict} />
      </p>
      <p id={`${id}-reason`} className="series-card-reason">
        {/* The card's title names the series: the reason starts after it. */}
        {reasonAfterLabel(verdict.reason, summary.label)}
      </p>
      <SmallChart series={series} />
      <dl className="series-card-facts">
        <div>
          <dt>Latest</dt>
          <dd>{latest ? `${formatDegrees(latest.value)}, ${formatDate(latest.date)}` : 'None since the reset'}</dd>
        </div>
        {/* A normal of 0 (elbow extension) has no meaningful ratio, so the normal itself is shown. */}
        <div>
          <dt>{summary.percentOfNormal === null ? 'Normal' : 'Of normal'}</dt>
          <dd>{summary.percentOfNormal === null ? formatDegrees(series.normal) : `${summary.percentOfNormal}% of ${formatDegrees(series.normal)}`}</dd>
        </div>
        {/* A percentage only where the analysis gives one; otherwise the difference in degrees. */}
        {otherSide && (
          <div>
            <dt>Other side</dt>
            <dd>{otherSide}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

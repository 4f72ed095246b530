import type { PatientSeries } from '../../../shared/analysis/patient-series';
import type { PointRef } from '../../../shared/analysis/series-summary';
import { formatDegrees } from '../../../shared/domain/catalogue';
import { formatChange } from '../clinical/format';
import { badgeOf } from '../mobility/VerdictBadge';
import { useFormatDate } from '../session/session-context';

/** A value with its date under it, as a flowsheet writes it. */
function At({ p }: { p: PointRef | null }) {
  const formatDate = useFormatDate();
  if (!p) return <>—</>;
  return (
    <>
      <strong>{formatDegrees(p.value)}</strong>
      <br />
      <span className="report-small nowrap">{formatDate(p.date)}</span>
    </>
  );
}

/** The threshold the verdict used: doubled when the compared readings differ in rater or instrument. */
function thresholdText(s: PatientSeries): string {
  const c = s.analysis.verdict.comparison;
  if (!c || c.doubledBecause.length === 0) return formatDegrees(s.threshold);
  return `${formatDegrees(c.threshold)} (×2)`;
}

/**
 * Every measured series of the period: baseline, best, latest, change, threshold and verdict, with the verdict's
 * reason on its own line beneath. Each series is its own <tbody> so the two lines never part at a page break,
 * and the header row repeats on every page the table runs to.
 */
export function SummaryTable({ series }: { series: readonly PatientSeries[] }) {
  return (
    <table className="report-table summary-table">
      <caption className="report-caption">Watched motions: measurements in the period, losses first</caption>
      <thead>
        <tr>
          <th scope="col">Motion</th>
          <th scope="col" className="num">Baseline</th>
          <th scope="col" className="num">Best</th>
          <th scope="col" className="num">Latest</th>
          <th scope="col" className="num">Change</th>
          <th scope="col" className="num">Threshold</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      {series.map((s) => {
        const { summary, verdict } = s.analysis;
        const badge = badgeOf(verdict);
        return (
          <tbody key={s.key} className="report-keep">
            <tr className="summary-values">
              <th scope="row">
                {s.label}
                {!s.watched && <span className="report-small"> (not a watched site)</span>}
              </th>
              <td className="num">
                <At p={summary.baseline} />
              </td>
              <td className="num">
                <At p={summary.best} />
              </td>
              <td className="num">
                <At p={summary.latest} />
              </td>
              <td className="num">{summary.changeSinceBaseline === null ? '—' : formatChange(summary.changeSinceBaseline)}</td>
              <td className="num">{thresholdText(s)}</td>
              <td className="report-verdict">
                <span aria-hidden="true">{badge.icon}</span> {badge.text}
              </td>
            </tr>
            <tr className="summary-reason">
              <td colSpan={7}>{verdict.reason}</td>
            </tr>
          </tbody>
        );
      })}
    </table>
  );
}

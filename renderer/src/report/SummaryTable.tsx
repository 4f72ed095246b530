import type { PointRef } from '../../../shared/analysis/series-summary';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { formatDegrees } from '../../../shared/domain/catalogue';
import { formatChange } from '../clinical/format';
import { badgeOf } from '../clinical/VerdictBadge';
import { instrumentWord, otherSideWords, reasonAfterLabel } from '../clinical/verdict-text';
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

/** The threshold the verdict applied, "(×2)" when doubled, and whose it is (clinic setting or catalogue default). */
function Threshold({ s }: { s: AnalysedSeries }) {
  const t = s.verdict.threshold;
  if (!t) return <>{formatDegrees(s.threshold)}</>;
  return (
    <>
      {formatDegrees(t.degrees)}
      {t.basis === 'doubled' ? ' (×2)' : ''}
      <br />
      <span className="report-small nowrap">{t.source === 'clinic' ? 'clinic' : 'catalogue'}</span>
    </>
  );
}

/**
 * Who took the readings the verdict weighs, when more than one therapist or instrument did: "Readings since the
 * operation: 9 by Abena Owusu, 5 by Daniel Okafor, all with the goniometer."
 */
function whoMeasured(s: AnalysedSeries, nameOf: (id: string | null) => string): string {
  const strata = s.verdict.strata ?? [];
  if (strata.length < 2) return '';
  const instruments = new Set(strata.map((st) => st.instrument));
  const one = instruments.size === 1;
  const parts = strata.map((st) => `${st.readings} by ${nameOf(st.raterId)}${one ? '' : ` (${instrumentWord(st.instrument)})`}`);
  const since = s.analysis.summary.resetDate ? ' since the operation' : '';
  return ` Readings${since}: ${parts.join(', ')}${one ? `, all with the ${instrumentWord([...instruments][0])}` : ''}.`;
}

/**
 * Every series measured in the period: baseline, best, latest, changes, threshold and verdict, with the verdict's
 * reason on its own line beneath. Each series is its own <tbody> so the two lines never part at a page break,
 * and the header row repeats on every page the table runs to.
 */
export function SummaryTable({ series, to, nameOf }: { series: readonly AnalysedSeries[]; to: string; nameOf: (id: string | null) => string }) {
  const formatDate = useFormatDate();
  return (
    <table className="report-table summary-table">
      <caption className="report-caption">Watched motions measured in the period, verdicts as at {formatDate(to)}, losses first</caption>
      {/* The motion names need room: the value columns are narrow and never wrap. */}
      <colgroup>
        <col className="summary-col-motion" />
      </colgroup>
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
        const { summary } = s.analysis;
        const verdict = s.verdict;
        const badge = badgeOf(verdict);
        const other = otherSideWords(summary, s.side);
        const compared = [summary.percentOfNormal === null ? null : `${summary.percentOfNormal}% of normal`, other].filter(Boolean).join('; ');
        return (
          <tbody key={s.key} className="report-keep">
            <tr className="summary-values">
              <th scope="row">
                {s.label}
                {!s.watched && <span className="report-small"> (not a watched site)</span>}
                {compared && <span className="report-small summary-compared">{compared}</span>}
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
              <td className="num">
                {summary.changeSinceBaseline === null ? '—' : formatChange(summary.changeSinceBaseline)}
                {summary.changeSinceBest != null && (
                  <>
                    <br />
                    <span className="report-small nowrap">{formatChange(Math.round(summary.changeSinceBest * 10) / 10)} since best</span>
                  </>
                )}
              </td>
              <td className="num">
                <Threshold s={s} />
              </td>
              <td className="report-verdict">
                <span aria-hidden="true">{badge.icon}</span> {badge.text}
              </td>
            </tr>
            <tr className="summary-reason">
              <td colSpan={7}>
                {reasonAfterLabel(verdict.reason, summary.label)}
                {whoMeasured(s, nameOf)}
              </td>
            </tr>
          </tbody>
        );
      })}
    </table>
  );
}

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PointRef } from '../../../shared/analysis/series-summary';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import type { Formatter } from '../../../shared/format';
import { badgeOf } from '../clinical/VerdictBadge';
import { catalogueWords } from '../i18n/catalogue-words';
import { useVerdictText } from '../clinical/use-verdict-text';
import { useFormatter } from '../session/session-context';
import { useSeriesName } from './series-name';

/** A value with its date under it, as a flowsheet writes it. */
function At({ p }: { p: PointRef | null }) {
  const f = useFormatter();
  if (!p) return <>—</>;
  return (
    <>
      <strong>{f.degrees(p.value)}</strong>
      <br />
      <span className="report-small nowrap">{f.date(p.date)}</span>
    </>
  );
}

/** The threshold the verdict applied, "(×2)" when doubled, and whose it is (clinic setting or catalogue default). */
function Threshold({ s }: { s: AnalysedSeries }) {
  const { t } = useTranslation();
  const f = useFormatter();
  const th = s.verdict.threshold;
  if (!th) return <>{f.degrees(s.threshold)}</>;
  return (
    <>
      {f.degrees(th.degrees)}
      {th.basis === 'doubled' ? ' (×2)' : ''}
      <br />
      <span className="report-small nowrap">{th.source === 'clinic' ? t('report.thresholdClinic') : t('report.thresholdCatalogue')}</span>
    </>
  );
}

/** The instrument inside a sentence ("all with the universal goniometer"), in the document's language. */
function instrumentName(t: TFunction, instrument: string | null): string {
  const name = catalogueWords(t).instrument(instrument);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * Who took the readings the verdict weighs, when more than one therapist or instrument did: "Readings since the
 * operation: 9 by Abena Owusu, 5 by Daniel Okafor, all with the goniometer."
 */
function whoMeasured(t: TFunction, s: AnalysedSeries, nameOf: (id: string | null) => string): string {
  const strata = s.verdict.strata ?? [];
  if (strata.length < 2) return '';
  const instruments = new Set(strata.map((st) => st.instrument));
  const one = instruments.size === 1;
  const parts = strata.map((st) => {
    const who = st.raterId === null ? t('report.notRecorded') : nameOf(st.raterId);
    return one ? t('report.readingsBy', { n: st.readings, who }) : t('report.readingsByWith', { n: st.readings, who, instrument: instrumentName(t, st.instrument) });
  });
  const list = parts.join(', ');
  const sentence = s.analysis.summary.resetDate ? t('report.readingsSinceOperation', { list }) : t('report.readings', { list });
  return ` ${one ? t('report.allWith', { readings: sentence, instrument: instrumentName(t, [...instruments][0] ?? null) }) : t('report.sentenceEnd', { sentence })}`;
}

/** "85% of normal; 12° less than the left", in the document's language. */
function compared(t: TFunction, f: Formatter, s: AnalysedSeries): string {
  const { summary } = s.analysis;
  const other = s.side === 'left' ? t('report.otherSide.right') : t('report.otherSide.left');
  const parts: string[] = [];
  if (summary.percentOfNormal != null) parts.push(t('report.percentOfNormal', { percent: f.number(summary.percentOfNormal) }));
  if (summary.percentOfOtherSide != null) parts.push(t('report.percentOfOther', { percent: f.number(summary.percentOfOtherSide), other }));
  else if (summary.otherSideDifference != null) {
    const d = summary.otherSideDifference;
    if (Math.abs(d) < 0.05) parts.push(t('report.sameAsOther', { other }));
    else {
      const values = { degrees: f.degrees(Math.abs(d)), other };
      parts.push(d < 0 ? t('report.lessThanOther', values) : t('report.moreThanOther', values));
    }
  }
  return parts.join('; ');
}

/**
 * Every series measured in the period: baseline, best, latest, changes, threshold and verdict, with the verdict's
 * reason on its own line beneath. Each series is its own <tbody> so the two lines never part at a page break,
 * and the header row repeats on every page the table runs to.
 */
export function SummaryTable({ series, to, nameOf }: { series: readonly AnalysedSeries[]; to: string; nameOf: (id: string | null) => string }) {
  const { t } = useTranslation();
  const verdictText = useVerdictText();
  const f = useFormatter();
  const name = useSeriesName();
  return (
    <table className="report-table summary-table">
      <caption className="report-caption">{t('report.summaryCaption', { date: f.date(to) })}</caption>
      {/* The motion names need room: the value columns are narrow and never wrap. */}
      <colgroup>
        <col className="summary-col-motion" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('report.colMotion')}</th>
          <th scope="col" className="num">
            {t('report.colBaseline')}
          </th>
          <th scope="col" className="num">
            {t('report.colBest')}
          </th>
          <th scope="col" className="num">
            {t('report.colLatest')}
          </th>
          <th scope="col" className="num">
            {t('report.colChange')}
          </th>
          <th scope="col" className="num">
            {t('report.colThreshold')}
          </th>
          <th scope="col">{t('report.colVerdict')}</th>
        </tr>
      </thead>
      {series.map((s) => {
        const { summary } = s.analysis;
        const verdict = s.verdict;
        const badge = badgeOf(verdict);
        const comparedText = compared(t, f, s);
        return (
          <tbody key={s.key} className="report-keep">
            <tr className="summary-values">
              <th scope="row">
                {name.series(s.side, s.motion, s.mode)}
                {!s.watched && <span className="report-small"> {t('report.notWatched')}</span>}
                {comparedText && <span className="report-small summary-compared">{comparedText}</span>}
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
                {summary.changeSinceBaseline === null ? '—' : f.change(summary.changeSinceBaseline)}
                {summary.changeSinceBest != null && (
                  <>
                    <br />
                    <span className="report-small nowrap">{t('report.sinceBest', { change: f.change(Math.round(summary.changeSinceBest * 10) / 10) })}</span>
                  </>
                )}
              </td>
              <td className="num">
                <Threshold s={s} />
              </td>
              <td className="report-verdict">
                <span aria-hidden="true">{badge.icon}</span> {t(`verdict.${badge.name}`)}
              </td>
            </tr>
            <tr className="summary-reason">
              <td colSpan={7}>
                {verdictText.reasonBody(verdict)}
                {whoMeasured(t, s, nameOf)}
              </td>
            </tr>
          </tbody>
        );
      })}
    </table>
  );
}

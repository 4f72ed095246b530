import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeEvent } from '../events/event-model';
import { useEventKindNames } from '../events/event-words';
import { ArcsTable } from '../clinical/ArcsTable';
import { badgeOf } from '../clinical/VerdictBadge';
import { useFormatDate } from '../session/session-context';
import { PrintChart, PrintChartLegend } from '../charts/PrintChart';
import type { ReportModel } from './report-model';
import { symptomName } from './report-words';
import { useSeriesName } from './series-name';

/**
 * One figure per chosen motion; each figure stays whole on its page. Memoised: the charts are most of the
 * document's drawing, and typing the assessment or recommendations changes nothing they show.
 */
export const ChartsSection = memo(function ChartsSection({ model, from, to, width }: { model: ReportModel; from: string; to: string; width: number }) {
  const { t } = useTranslation();
  const name = useSeriesName();
  return (
    <section className="report-section" aria-labelledby="report-charts-heading">
      <h2 id="report-charts-heading">{t('report.charts')}</h2>
      {model.charts.length === 0 ? (
        <p>{t('report.noCharts')}</p>
      ) : (
        model.charts.map((chart) => {
          const title = name.motion(chart.motion);
          const verdicts = chart.series.map((s) => `${name.sideMode(s.side, s.mode)}: ${t(`verdict.${badgeOf(s.verdict).name}`)}`).join('; ');
          return (
            <figure key={chart.motion} className="report-chart report-keep">
              <figcaption>
                <strong>{title}</strong> <span className="report-small">{verdicts}</span>
              </figcaption>
              <div role="img" aria-label={t('report.chartLabel', { motion: title.toLowerCase(), verdicts })}>
                <PrintChart chart={chart} from={from} to={to} width={width} />
              </div>
              <PrintChartLegend chart={chart} />
            </figure>
          );
        })
      )}
    </section>
  );
});

export function ArcsSection({ model }: { model: ReportModel }) {
  const { t } = useTranslation();
  return (
    <section className="report-section report-arcs" aria-labelledby="report-arcs-heading">
      <h2 id="report-arcs-heading">{t('report.arcs')}</h2>
      <div className="report-keep">
        <p className="report-small">{t('report.arcsExplained')}</p>
        <ArcsTable arcs={model.arcs} />
      </div>
    </section>
  );
}

export function EventsSection({ model }: { model: ReportModel }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const kinds = useEventKindNames();
  return (
    <section className="report-section" aria-labelledby="report-events-heading">
      <h2 id="report-events-heading">{t('report.events')}</h2>
      {model.events.length === 0 ? (
        <p>{t('report.noEvents')}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('report.colDate')}</th>
              <th scope="col">{t('report.colEvent')}</th>
              <th scope="col">{t('report.colDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {model.events.map((e) => (
              <tr key={e.lineageId} className="report-keep">
                <td className="nowrap">{formatDate(e.date)}</td>
                <td>{kinds[e.kind]}</td>
                <td>{describeEvent(e, formatDate, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function SymptomsSection({ model }: { model: ReportModel }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const n = model.visits.length;
  const { pain } = model;
  return (
    <section className="report-section" aria-labelledby="report-symptoms-heading">
      <h2 id="report-symptoms-heading">{t('report.symptoms')}</h2>
      {n === 0 ? (
        <p>{t('report.noVisits')}</p>
      ) : (
        <>
          <table className="report-table symptoms-table">
            <caption className="report-caption">{t('report.symptomsCaption', { count: n })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.colSymptom')}</th>
                <th scope="col" className="num">
                  {t('report.colVisitsWithIt')}
                </th>
                <th scope="col">{t('report.colFirstNoted')}</th>
                <th scope="col">{t('report.colLastNoted')}</th>
              </tr>
            </thead>
            <tbody>
              {model.symptoms.map((s) => (
                <tr key={s.label} className="report-keep">
                  <th scope="row">{symptomName(t, s.label)}</th>
                  <td className="num">{t('report.visitsOf', { visits: s.visits, total: n })}</td>
                  <td>{s.first ? formatDate(s.first) : '—'}</td>
                  <td>{s.last ? formatDate(s.last) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t('report.pain')}{' '}
            {pain.recorded === 0
              ? t('report.painNotRecorded')
              : t('report.painRecorded', { recorded: pain.recorded, total: n, highest: pain.highest ?? 0, latest: pain.latest!.value, date: formatDate(pain.latest!.date) })}
          </p>
        </>
      )}
    </section>
  );
}

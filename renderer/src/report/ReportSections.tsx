import { modeLabel, sideLabel } from '../../../shared/domain/catalogue';
import { EVENT_KIND_LABELS } from '../../../shared/domain/event';
import { describeEvent } from '../events/event-model';
import { ArcsTable } from '../clinical/ArcsTable';
import { badgeOf } from '../clinical/VerdictBadge';
import { useFormatDate } from '../session/session-context';
import { PrintChart, PrintChartLegend } from '../charts/PrintChart';
import type { ReportModel } from './report-model';

/** One figure per chosen motion; each figure stays whole on its page. */
export function ChartsSection({ model, from, to, width }: { model: ReportModel; from: string; to: string; width: number }) {
  return (
    <section className="report-section" aria-labelledby="report-charts-heading">
      <h2 id="report-charts-heading">Charts</h2>
      {model.charts.length === 0 ? (
        <p>No charts were chosen for this report.</p>
      ) : (
        model.charts.map((chart) => {
          const verdicts = chart.series.map((s) => `${sideLabel(s.side)}, ${modeLabel(s.mode).toLowerCase()}: ${badgeOf(s.verdict).text}`).join('; ');
          return (
            <figure key={chart.motion} className="report-chart report-keep">
              <figcaption>
                <strong>{chart.title}</strong> <span className="report-small">{verdicts}</span>
              </figcaption>
              <div role="img" aria-label={`Chart of ${chart.title.toLowerCase()} over the period. ${verdicts}.`}>
                <PrintChart chart={chart} from={from} to={to} width={width} />
              </div>
              <PrintChartLegend chart={chart} />
            </figure>
          );
        })
      )}
    </section>
  );
}

export function ArcsSection({ model }: { model: ReportModel }) {
  return (
    <section className="report-section report-arcs" aria-labelledby="report-arcs-heading">
      <h2 id="report-arcs-heading">Arcs against functional arcs</h2>
      <div className="report-keep">
        <p className="report-small">
          Each plane's two motions measured on the same day, written extension first (-10/130 is a 10° flexion contracture with 130° flexion). The functional arc is
          reached when each motion reaches its own minimum.
        </p>
        <ArcsTable arcs={model.arcs} />
      </div>
    </section>
  );
}

export function EventsSection({ model }: { model: ReportModel }) {
  const formatDate = useFormatDate();
  return (
    <section className="report-section" aria-labelledby="report-events-heading">
      <h2 id="report-events-heading">Clinical events in the period</h2>
      {model.events.length === 0 ? (
        <p>No clinical events recorded in this period.</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Event</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {model.events.map((e) => (
              <tr key={e.lineageId} className="report-keep">
                <td className="nowrap">{formatDate(e.date)}</td>
                <td>{EVENT_KIND_LABELS[e.kind]}</td>
                <td>{describeEvent(e, formatDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function SymptomsSection({ model }: { model: ReportModel }) {
  const formatDate = useFormatDate();
  const n = model.visits.length;
  const { pain } = model;
  return (
    <section className="report-section" aria-labelledby="report-symptoms-heading">
      <h2 id="report-symptoms-heading">Symptoms at visits</h2>
      {n === 0 ? (
        <p>No visits in this period.</p>
      ) : (
        <>
          <table className="report-table symptoms-table">
            <caption className="report-caption">
              Recorded at {n} visit{n === 1 ? '' : 's'} in the period
            </caption>
            <thead>
              <tr>
                <th scope="col">Symptom</th>
                <th scope="col" className="num">Visits with it</th>
                <th scope="col">First noted</th>
                <th scope="col">Last noted</th>
              </tr>
            </thead>
            <tbody>
              {model.symptoms.map((s) => (
                <tr key={s.label} className="report-keep">
                  <th scope="row">{s.label}</th>
                  <td className="num">
                    {s.visits} of {n}
                  </td>
                  <td>{s.first ? formatDate(s.first) : '—'}</td>
                  <td>{s.last ? formatDate(s.last) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            Pain (0 to 10):{' '}
            {pain.recorded === 0
              ? 'not recorded at any visit.'
              : `recorded at ${pain.recorded} of ${n} visits; highest ${pain.highest}/10; latest ${pain.latest!.value}/10 on ${formatDate(pain.latest!.date)}.`}
          </p>
        </>
      )}
    </section>
  );
}

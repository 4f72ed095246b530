import { useId } from 'react';
import type { ReportRecord } from '../../../shared/api/operations/reports';
import { useFormatInstant } from '../clinical/format';
import { href } from '../router';
import { useFormatDate } from '../session/session-context';
import { reprintQuery } from './reprint';

function chartsText(motions: string[] | null): string {
  if (motions === null) return 'all charts';
  if (motions.length === 0) return 'no charts';
  return `${motions.length} chart${motions.length === 1 ? '' : 's'}`;
}

function TextsKept({ kept }: { kept: NonNullable<ReportRecord['kept']> }) {
  const texts = [
    ['Assessment', kept.assessment],
    ['Recommendations', kept.recommendations],
  ].filter(([, text]) => text!.trim() !== '');
  if (texts.length === 0) return <p className="muted small">No assessment or recommendations were typed.</p>;
  return (
    <details>
      <summary>What it said</summary>
      <dl className="report-kept-texts">
        {texts.map(([title, text]) => (
          <div key={title}>
            <dt>{title}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function Entry({ r, patientId, all, current }: { r: ReportRecord; patientId: string; all: readonly ReportRecord[]; current: string | null }) {
  const formatDate = useFormatDate();
  const formatInstant = useFormatInstant();
  const id = useId();
  const original = r.reprintOf === null ? null : all.find((o) => o.id === r.reprintOf);
  const sites = r.kept === null ? '' : r.kept.sites === 'all' ? ', all joints' : ', watched sites';
  return (
    <li>
      <p id={`${id}-line`} className="report-printed-line">
        {formatInstant(r.recordedAt)}, by {r.recordedByName ?? 'someone not recorded'}: {formatDate(r.from)} to {formatDate(r.to)}, {r.paper}, {chartsText(r.motions)}
        {sites}
        {r.kept && r.kept.analysisDate !== r.to && `, verdicts as at ${formatDate(r.kept.analysisDate)}`}
        {r.reprintOf !== null && `; printed again from the report of ${original ? formatInstant(original.recordedAt) : 'an earlier day'}`}
      </p>
      {r.kept === null ? (
        <p className="muted small">Printed before ROMtrack kept each report’s text, so it cannot be printed again as it was.</p>
      ) : (
        <div className="report-printed-actions">
          {current === (r.reprintOf ?? r.id) ? (
            <strong>Shown below</strong>
          ) : (
            <a className="button" href={href.report(patientId, reprintQuery(r.reprintOf ?? r.id))} aria-describedby={`${id}-line`}>
              Print again…
            </a>
          )}
          <TextsKept kept={r.kept} />
        </div>
      )}
    </li>
  );
}

/** Reports already printed or saved for this patient, newest first, each with what it said and a way to print it again. */
export function PrintedBefore({ reports, patientId, current }: { reports: readonly ReportRecord[]; patientId: string; current: string | null }) {
  return (
    <section aria-labelledby="printed-before-heading" className="report-printed-before">
      <h2 id="printed-before-heading">Printed before</h2>
      {reports.length === 0 ? (
        <p className="muted">No report has been printed or saved for this patient yet.</p>
      ) : (
        <ul>
          {reports.map((r) => (
            <Entry key={r.id} r={r} patientId={patientId} all={reports} current={current} />
          ))}
        </ul>
      )}
    </section>
  );
}

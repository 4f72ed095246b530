import type { WorklistRow } from '../../../shared/api/operations/worklist';
import { REASON_LABELS } from '../../../shared/worklist/types';
import { useRowLinks } from '../layout/row-links';
import { href } from '../router';
import { useFormatDate } from '../session/session-context';
import { ReasonTag, UrgencyMark } from './ReasonTag';

/** A referral letter is offered where HO may be forming at a known joint: losing motion or a warning sign there. */
function referralFor(row: WorklistRow) {
  const r = row.reasons.find((x) => (x.code === 'losing' || x.code === 'warning_signs') && x.joint && x.side);
  return r ? href.referral(row.patientId, { joint: r.joint!, side: r.side!, seriesKey: r.seriesKey }) : null;
}

/**
 * The worklist's rows. Each patient's name is the row's link, so Tab reaches one stop per patient; ↑ and ↓ move
 * between the names, Home and End to the first and last, and Enter opens the patient.
 */
export function WorklistTable({ rows }: { rows: readonly WorklistRow[] }) {
  const formatDate = useFormatDate();
  const { ref: body, onKeyDown } = useRowLinks<HTMLTableSectionElement>('a.worklist-patient');
  return (
    <div className="table-scroll">
      <table className="data-table worklist-table">
        <caption className="visually-hidden">Patients who need attention, most urgent first</caption>
        <thead>
          <tr>
            <th scope="col" className="worklist-col-patient">Patient</th>
            <th scope="col" className="worklist-col-urgency">Urgency</th>
            <th scope="col">Reasons</th>
            <th scope="col" className="worklist-col-date">Last measured</th>
            <th scope="col" className="worklist-col-date">Next due</th>
          </tr>
        </thead>
        <tbody ref={body} onKeyDown={onKeyDown}>
          {rows.map((row) => {
            const referral = referralFor(row);
            return (
              <tr key={row.patientId} className={`worklist-row urgency-row-${row.urgency}`}>
                <th scope="row">
                  <a className="worklist-patient" href={href.patient(row.patientId)} aria-describedby={`wl-reasons-${row.patientId}`}>
                    {row.name}
                  </a>
                  {row.clinicId ? <span className="worklist-clinic-id small muted">{row.clinicId}</span> : null}
                </th>
                <td>
                  <UrgencyMark urgency={row.urgency} />
                </td>
                <td>
                  <ul className="worklist-reasons" id={`wl-reasons-${row.patientId}`} aria-label={`Reasons: ${row.reasons.map((r) => REASON_LABELS[r.code].word).join(', ')}`}>
                    {row.reasons.map((r, i) => (
                      <li key={i} title={r.detail}>
                        <ReasonTag code={r.code} /> <span className="worklist-reason-text">{r.text}</span>
                      </li>
                    ))}
                  </ul>
                  {referral ? (
                    <a className="worklist-referral small" href={referral}>
                      Referral letter<span className="visually-hidden"> for {row.name}</span>
                    </a>
                  ) : null}
                </td>
                <td className="nowrap">{row.lastMeasured ? formatDate(row.lastMeasured) : 'Never'}</td>
                <td className="nowrap">{row.nextDue ? formatDate(row.nextDue) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

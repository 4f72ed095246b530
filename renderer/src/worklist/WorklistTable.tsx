import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistRow } from '../../../shared/api/operations/worklist';
import { callOrThrow } from '../api/client';
import { readsAllowed } from '../api/query-client';
import { operationKey } from '../api/use-operation';
import { useRowLinks } from '../layout/row-links';
import { href } from '../router';
import { useFormatDate } from '../session/session-context';
import { useMessageText } from '../i18n/use-message-text';
import { ReasonTag, UrgencyMark } from './ReasonTag';

/** A referral letter is offered where HO may be forming at a known joint: losing motion or a warning sign there. */
function referralFor(row: WorklistRow) {
  const r = row.reasons.find((x) => (x.code === 'losing' || x.code === 'warning_signs') && x.joint && x.side);
  return r ? href.referral(row.patientId, { joint: r.joint!, side: r.side!, seriesKey: r.seriesKey }) : null;
}

/**
 * A losing reason, whose tooltip is the verdict's own sentence. The page does not carry it (fifty verdicts'
 * messages would be most of its weight); it is asked for the first time the pointer rests on the reason, through
 * the patient's worklist read (shared with the referral letter), and shown from then on.
 */
function LosingReason({ patientId, reason, children }: { patientId: string; reason: WorklistRow['reasons'][number]; children: ReactNode }) {
  const say = useMessageText();
  const [wanted, setWanted] = useState(false);
  const input = { patientId };
  const answer = useQuery({
    queryKey: operationKey('worklist.patient', input),
    queryFn: () => readsAllowed('worklist.patient').then(() => callOrThrow('worklist.patient', input)),
    enabled: wanted,
  });
  const detail = answer.data?.reasons.find((r) => r.code === 'losing' && r.joint === reason.joint && r.side === reason.side);
  const title = detail?.detailRef ? say(detail.detailRef) : detail?.detail;
  return (
    <li className="worklist-reason-losing" title={title} onMouseEnter={() => setWanted(true)}>
      {children}
    </li>
  );
}

/**
 * The worklist's rows. Each patient's name is the row's link, so Tab reaches one stop per patient; ↑ and ↓ move
 * between the names, Home and End to the first and last, and Enter opens the patient.
 */
export function WorklistTable({ rows }: { rows: readonly WorklistRow[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const say = useMessageText();
  const { ref: body, onKeyDown } = useRowLinks<HTMLTableSectionElement>('a.worklist-patient');
  return (
    <div className="table-scroll">
      <table className="data-table worklist-table">
        <caption className="visually-hidden">{t('worklist.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="worklist-col-patient">{t('worklist.colPatient')}</th>
            <th scope="col" className="worklist-col-urgency">{t('worklist.colUrgency')}</th>
            <th scope="col">{t('worklist.colReasons')}</th>
            <th scope="col" className="worklist-col-date">{t('worklist.colLastMeasured')}</th>
            <th scope="col" className="worklist-col-date">{t('worklist.colNextDue')}</th>
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
                  <ul className="worklist-reasons" id={`wl-reasons-${row.patientId}`} aria-label={t('worklist.reasonsLabel', { reasons: row.reasons.map((r) => t(`reason.${r.code}`)).join(', ') })}>
                    {row.reasons.map((r, i) => {
                      const said = (
                        <>
                          <ReasonTag code={r.code} /> <span className="worklist-reason-text">{say(r.message)}</span>
                        </>
                      );
                      return r.code === 'losing' ? (
                        <LosingReason key={i} patientId={row.patientId} reason={r}>
                          {said}
                        </LosingReason>
                      ) : (
                        <li key={i}>{said}</li>
                      );
                    })}
                  </ul>
                  {referral ? (
                    <a className="worklist-referral small" href={referral}>
                      {t('worklist.referral')}
                      <span className="visually-hidden">{t('worklist.referralFor', { name: row.name })}</span>
                    </a>
                  ) : null}
                </td>
                <td className="nowrap">{row.lastMeasured ? formatDate(row.lastMeasured) : t('worklist.never')}</td>
                <td className="nowrap">{row.nextDue ? formatDate(row.nextDue) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

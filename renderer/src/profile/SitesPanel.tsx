import { Fragment, useState } from 'react';
import { CLASSIFICATION_LABELS, SITE_STATUS_LABELS, type WatchedSite } from '../../../shared/domain/ho';
import { siteLabel } from '../clinical/format';
import { useReturnFocus } from '../forms/return-focus';
import { ActionsHeader, FormRow, VoidRecordForm } from '../clinical/record-rows';
import { href } from '../router';
import { useFormatDate } from '../session/session-context';
import { AddSiteForm, StatusChangeForm } from './SiteForms';
import { ScrollBox } from '../layout/ScrollBox';

type Action = { kind: 'status' | 'void'; id: string } | { kind: 'add' } | null;

/**
 * Watched sites: joint and side, status since when, and the latest imaging classification. A suspected site
 * offers a referral letter to the doctor, drafted from the record (renderer/src/referral/).
 */
export function SitesPanel({ patientId, sites, onChanged }: { patientId: string; sites: WatchedSite[]; onChanged(message: string): void }) {
  const formatDate = useFormatDate();
  const [action, setAction] = useState<Action>(null);
  const focus = useReturnFocus();
  const start = (next: Action) => {
    focus.remember();
    setAction(next);
  };
  const done = (message: string | null, recordGone = false) => {
    setAction(null);
    if (message) onChanged(message);
    focus.restore(recordGone);
  };
  return (
    <section aria-labelledby="sites-heading" className="panel">
      <div className="toolbar">
        <h3 id="sites-heading">Watched sites</h3>
        <button type="button" aria-expanded={action?.kind === 'add'} onClick={() => start(action?.kind === 'add' ? null : { kind: 'add' })}>
          Add a watched site
        </button>
      </div>
      {action?.kind === 'add' ? <AddSiteForm patientId={patientId} onDone={(s) => done(s ? `${siteLabel(s.joint, s.side)} is now watched.` : null)} /> : null}
      {sites.length === 0 ? (
        <p className="empty">No joint is watched yet. Add one to measure it at each visit.</p>
      ) : (
        <ScrollBox label="Watched sites">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Status</th>
                <th scope="col">Since</th>
                <th scope="col">Latest classification</th>
                <th scope="col">Note</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {sites.map((s) => {
                const name = siteLabel(s.joint, s.side);
                const open = action && action.kind !== 'add' && action.id === s.id ? action.kind : null;
                return (
                  <Fragment key={s.id}>
                    <tr>
                      <th scope="row">{name}</th>
                      <td>{SITE_STATUS_LABELS[s.status]}</td>
                      <td className="nowrap">{formatDate(s.since)}</td>
                      <td>
                        {s.classification ? (
                          <>
                            {CLASSIFICATION_LABELS[s.classification.code] ?? s.classification.code} <span className="muted">(X-ray {formatDate(s.classification.date)})</span>
                          </>
                        ) : (
                          <span className="muted">None recorded</span>
                        )}
                      </td>
                      <td>{s.note ?? ''}</td>
                      <td>
                        <div className="row-actions">
                          {s.status === 'suspected' ? (
                            <a className="button" href={href.referral(patientId, { joint: s.joint, side: s.side })} aria-label={`Referral letter for the ${name.toLowerCase()}`}>
                              Referral letter
                            </a>
                          ) : null}
                          <button type="button" aria-label={`Change status of ${name}`} aria-expanded={open === 'status'} onClick={() => start({ kind: 'status', id: s.id })}>
                            Change status
                          </button>
                          <button type="button" aria-label={`Void ${name}`} aria-expanded={open === 'void'} onClick={() => start({ kind: 'void', id: s.id })}>
                            Void
                          </button>
                        </div>
                      </td>
                    </tr>
                    {open ? (
                      <FormRow columns={6}>
                        {open === 'status' ? (
                          <StatusChangeForm site={s} onDone={(saved) => done(saved ? `Status of the ${name.toLowerCase()} changed.` : null)} />
                        ) : (
                          <VoidRecordForm
                            operation="sites.void"
                            id={s.id}
                            what={name}
                            onDone={(saved) => done(saved ? `The ${name.toLowerCase()} is no longer watched (voided).` : null, saved)}
                          />
                        )}
                      </FormRow>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

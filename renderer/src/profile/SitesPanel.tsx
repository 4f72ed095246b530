import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WatchedSite } from '../../../shared/domain/ho';
import { useReturnFocus } from '../forms/return-focus';
import { ActionsHeader, FormRow, VoidRecordForm } from '../clinical/record-rows';
import { href } from '../router';
import { useFormatDate } from '../session/session-context';
import { AddSiteForm, StatusChangeForm } from './SiteForms';
import { ScrollBox } from '../layout/ScrollBox';
import { useProfileWords } from './profile-words';

type Action = { kind: 'status' | 'void'; id: string } | { kind: 'add' } | null;

/**
 * Watched sites: joint and side, status since when, and the latest imaging classification. A suspected site
 * offers a referral letter to the doctor, drafted from the record (renderer/src/referral/).
 */
export function SitesPanel({ patientId, sites, onChanged }: { patientId: string; sites: WatchedSite[]; onChanged(message: string): void }) {
  const { t } = useTranslation();
  const words = useProfileWords();
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
        <h3 id="sites-heading">{t('profile.sites.heading')}</h3>
        <button type="button" aria-expanded={action?.kind === 'add'} onClick={() => start(action?.kind === 'add' ? null : { kind: 'add' })}>
          {t('profile.sites.add')}
        </button>
      </div>
      {action?.kind === 'add' ? <AddSiteForm patientId={patientId} onDone={(s) => done(s ? t('profile.sites.watched', { site: words.site(s.joint, s.side) }) : null)} /> : null}
      {sites.length === 0 ? (
        <p className="empty">{t('profile.sites.none')}</p>
      ) : (
        <ScrollBox label={t('profile.sites.heading')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('profile.sites.site')}</th>
                <th scope="col">{t('profile.sites.status')}</th>
                <th scope="col">{t('profile.sites.since')}</th>
                <th scope="col">{t('profile.sites.classification')}</th>
                <th scope="col">{t('profile.note')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {sites.map((s) => {
                const name = words.site(s.joint, s.side);
                const lower = name.toLocaleLowerCase();
                const open = action && action.kind !== 'add' && action.id === s.id ? action.kind : null;
                return (
                  <Fragment key={s.id}>
                    <tr>
                      <th scope="row">{name}</th>
                      <td>{words.status(s.status)}</td>
                      <td className="nowrap">{formatDate(s.since)}</td>
                      <td>
                        {s.classification ? (
                          <>
                            {words.classification(s.classification.code)} <span className="muted">{t('profile.sites.xray', { date: formatDate(s.classification.date) })}</span>
                          </>
                        ) : (
                          <span className="muted">{t('profile.sites.noClassification')}</span>
                        )}
                      </td>
                      <td>{s.note ?? ''}</td>
                      <td>
                        <div className="row-actions">
                          {s.status === 'suspected' ? (
                            <a className="button" href={href.referral(patientId, { joint: s.joint, side: s.side })} aria-label={t('profile.sites.referralFor', { site: lower })}>
                              {t('profile.sites.referral')}
                            </a>
                          ) : null}
                          <button type="button" aria-label={t('profile.sites.changeStatusOf', { site: name })} aria-expanded={open === 'status'} onClick={() => start({ kind: 'status', id: s.id })}>
                            {t('profile.sites.changeStatus')}
                          </button>
                          <button type="button" aria-label={t('profile.voidWhat', { what: name })} aria-expanded={open === 'void'} onClick={() => start({ kind: 'void', id: s.id })}>
                            {t('profile.void')}
                          </button>
                        </div>
                      </td>
                    </tr>
                    {open ? (
                      <FormRow columns={6}>
                        {open === 'status' ? (
                          <StatusChangeForm site={s} onDone={(saved) => done(saved ? t('profile.sites.statusChanged', { site: lower }) : null)} />
                        ) : (
                          <VoidRecordForm
                            operation="sites.void"
                            id={s.id}
                            what={name}
                            onDone={(saved) => done(saved ? t('profile.sites.voided', { site: lower }) : null, saved)}
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

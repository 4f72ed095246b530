import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/domain/account';
import type { Therapist } from '../../../shared/domain/therapist';
import type { ApiError } from '../../../shared/api/errors';
import { call } from '../api/client';
import { useApiErrorText } from '../api/failure';
import { useOperation } from '../api/use-operation';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { ScrollBox } from '../layout/ScrollBox';
import { ErrorMessage, Loading } from '../layout/Status';
import { useSession } from '../session/session-context';
import { NewTherapistForm, TherapistForm } from './TherapistForm';
import { TemporaryCredentialForm } from './TemporaryCredentialForm';
import { useRoleWord } from './role-word';

/** How the person signs in, in words (never the credential itself). */
function signInState(t: TFunction, therapist: Therapist): string {
  if (!therapist.hasCredential) return t('therapists.signInNone');
  return therapist.mustChangeCredential ? t('therapists.signInTemporary') : t('therapists.signInOwn');
}

type Editing = { id: string; what: 'details' | 'credential' } | null;

/** The clinic's team, for an administrator: details, role, a temporary PIN or password, active or not. */
export function TherapistsPanel() {
  const [list] = useOperation('therapists.list', { includeInactive: true });
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<OutcomeMessage>(null);
  // One's own credential is changed with the current one (Settings, "Change your PIN or password"), never reset.
  const selfId = useSession().state.currentTherapist?.id;
  const { t } = useTranslation();
  const roleWord = useRoleWord();
  // A refusal (the last administrator made a therapist) in the screen's language.
  const errorText = useApiErrorText();

  // A saved change has already refreshed this list and the session's team (api/client.ts); this only says so.
  async function act(r: Promise<{ ok: true } | { ok: false; error: ApiError }>, done: string) {
    const result = await r;
    setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: errorText(result.error) });
  }

  const setActive = (th: Therapist, active: boolean) =>
    act(call('therapists.setActive', { id: th.id, active }), active ? t('therapists.reactivated', { name: th.name }) : t('therapists.deactivated', { name: th.name }));
  const setRole = (th: Therapist, role: Role) =>
    act(call('therapists.setRole', { id: th.id, role }), role === 'administrator' ? t('therapists.nowAdministrator', { name: th.name }) : t('therapists.nowTherapist', { name: th.name }));

  return (
    <section aria-labelledby="therapists-heading">
      <h2 id="therapists-heading">{t('therapists.heading')}</h2>
      <Outcome message={message} />
      {list.state === 'loading' ? <Loading what={t('therapists.loadingWhat')} /> : null}
      {list.state === 'error' ? <ErrorMessage error={list.error} retry={list.retry} /> : null}
      {list.state === 'ready' ? (
        <ScrollBox label={t('therapists.heading')}>
          <table className="data-table therapists-table">
            <thead>
              <tr>
                <th scope="col">{t('therapists.colName')}</th>
                <th scope="col">{t('therapists.colTitle')}</th>
                <th scope="col">{t('therapists.colRegistration')}</th>
                <th scope="col">{t('therapists.colInitials')}</th>
                <th scope="col">{t('therapists.colRole')}</th>
                <th scope="col">{t('therapists.colSignIn')}</th>
                <th scope="col">{t('therapists.colStatus')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('therapists.colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.value.map((th) =>
                editing?.id === th.id ? (
                  <tr key={th.id}>
                    <td colSpan={8}>
                      {editing.what === 'details' ? (
                        <TherapistForm
                          therapist={th}
                          onDone={(saved) => {
                            setEditing(null);
                            if (saved) setMessage({ ok: true, text: t('therapists.saved', { name: saved.name }) });
                          }}
                        />
                      ) : (
                        <TemporaryCredentialForm
                          therapist={th}
                          onDone={(saved) => {
                            setEditing(null);
                            if (saved) setMessage({ ok: true, text: t('therapists.temporarySet', { name: saved.name }) });
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ) : (
                  <tr key={th.id}>
                    <td>{th.name}</td>
                    <td>{th.title ?? '—'}</td>
                    <td>{th.registrationNumber ?? '—'}</td>
                    <td>{th.initials}</td>
                    <td>{roleWord(th.role)}</td>
                    <td>{signInState(t, th)}</td>
                    <td>{th.active ? t('therapists.active') : t('therapists.inactive')}</td>
                    <td className="row-actions">
                      <button type="button" onClick={() => setEditing({ id: th.id, what: 'details' })} aria-label={t('therapists.editLabel', { name: th.name })}>
                        {t('therapists.edit')}
                      </button>
                      {th.id !== selfId ? (
                        <button type="button" onClick={() => setEditing({ id: th.id, what: 'credential' })} aria-label={t('therapists.temporaryLabel', { name: th.name })}>
                          {t('therapists.temporary')}
                        </button>
                      ) : null}
                      {th.role === 'administrator' ? (
                        <button type="button" onClick={() => void setRole(th, 'therapist')} aria-label={t('therapists.makeTherapistLabel', { name: th.name })}>
                          {t('therapists.makeTherapist')}
                        </button>
                      ) : (
                        <button type="button" onClick={() => void setRole(th, 'administrator')} aria-label={t('therapists.makeAdministratorLabel', { name: th.name })}>
                          {t('therapists.makeAdministrator')}
                        </button>
                      )}
                      {th.active ? (
                        <button type="button" onClick={() => void setActive(th, false)} aria-label={t('therapists.deactivateLabel', { name: th.name })}>
                          {t('therapists.deactivate')}
                        </button>
                      ) : (
                        <button type="button" onClick={() => void setActive(th, true)} aria-label={t('therapists.reactivateLabel', { name: th.name })}>
                          {t('therapists.reactivate')}
                        </button>
                      )}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </ScrollBox>
      ) : null}
      <h3>{t('therapists.addHeading')}</h3>
      <NewTherapistForm onDone={(saved) => setMessage({ ok: true, text: t('therapists.added', { name: saved.name }) })} />
    </section>
  );
}

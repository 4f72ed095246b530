import { useState } from 'react';
import { ROLE_LABELS, type Role } from '../../../shared/domain/account';
import type { Therapist } from '../../../shared/domain/therapist';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { ScrollBox } from '../layout/ScrollBox';
import { ErrorMessage, Loading } from '../layout/Status';
import { useSession } from '../session/session-context';
import { NewTherapistForm, TherapistForm } from './TherapistForm';
import { TemporaryCredentialForm } from './TemporaryCredentialForm';

/** How the person signs in, in words (never the credential itself). */
function signInState(t: Therapist): string {
  if (!t.hasCredential) return 'No PIN or password yet';
  return t.mustChangeCredential ? 'Temporary: changed at next sign-in' : 'Own PIN or password';
}

type Editing = { id: string; what: 'details' | 'credential' } | null;

/** The clinic's team, for an administrator: details, role, a temporary PIN or password, active or not. */
export function TherapistsPanel() {
  const [list] = useOperation('therapists.list', { includeInactive: true });
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<OutcomeMessage>(null);
  // One's own credential is changed with the current one (Settings, "Change your PIN or password"), never reset.
  const selfId = useSession().state.currentTherapist?.id;

  // A saved change has already refreshed this list and the session's team (api/client.ts); this only says so.
  async function act(r: Promise<{ ok: true } | { ok: false; error: { message: string } }>, done: string) {
    const result = await r;
    setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error.message });
  }

  const setActive = (t: Therapist, active: boolean) =>
    act(call('therapists.setActive', { id: t.id, active }), `${t.name} is ${active ? 'active again' : 'deactivated; their records keep their name'}.`);
  const setRole = (t: Therapist, role: Role) => act(call('therapists.setRole', { id: t.id, role }), `${t.name} is now ${ROLE_LABELS[role].toLowerCase()}.`);

  return (
    <section aria-labelledby="therapists-heading">
      <h2 id="therapists-heading">Therapists</h2>
      <Outcome message={message} />
      {list.state === 'loading' ? <Loading what="therapists" /> : null}
      {list.state === 'error' ? <ErrorMessage error={list.error} retry={list.retry} /> : null}
      {list.state === 'ready' ? (
        <ScrollBox label="Therapists">
          <table className="data-table therapists-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Registration</th>
                <th scope="col">Initials</th>
                <th scope="col">Role</th>
                <th scope="col">Sign-in</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.value.map((t) =>
                editing?.id === t.id ? (
                  <tr key={t.id}>
                    <td colSpan={8}>
                      {editing.what === 'details' ? (
                        <TherapistForm
                          therapist={t}
                          onDone={(saved) => {
                            setEditing(null);
                            if (saved) setMessage({ ok: true, text: `${saved.name} saved.` });
                          }}
                        />
                      ) : (
                        <TemporaryCredentialForm
                          therapist={t}
                          onDone={(saved) => {
                            setEditing(null);
                            if (saved) setMessage({ ok: true, text: `${saved.name} has a temporary PIN or password, to change at their next sign-in.` });
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ) : (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>{t.title ?? '—'}</td>
                    <td>{t.registrationNumber ?? '—'}</td>
                    <td>{t.initials}</td>
                    <td>{ROLE_LABELS[t.role]}</td>
                    <td>{signInState(t)}</td>
                    <td>{t.active ? 'Active' : 'Deactivated'}</td>
                    <td className="row-actions">
                      <button type="button" onClick={() => setEditing({ id: t.id, what: 'details' })} aria-label={`Edit ${t.name}`}>
                        Edit
                      </button>
                      {t.id !== selfId ? (
                        <button type="button" onClick={() => setEditing({ id: t.id, what: 'credential' })} aria-label={`Set a temporary PIN or password for ${t.name}`}>
                          Temporary PIN
                        </button>
                      ) : null}
                      {t.role === 'administrator' ? (
                        <button type="button" onClick={() => void setRole(t, 'therapist')} aria-label={`Make therapist: ${t.name}`}>
                          Make therapist
                        </button>
                      ) : (
                        <button type="button" onClick={() => void setRole(t, 'administrator')} aria-label={`Make administrator: ${t.name}`}>
                          Make administrator
                        </button>
                      )}
                      {t.active ? (
                        <button type="button" onClick={() => void setActive(t, false)} aria-label={`Deactivate ${t.name}`}>
                          Deactivate
                        </button>
                      ) : (
                        <button type="button" onClick={() => void setActive(t, true)} aria-label={`Reactivate ${t.name}`}>
                          Reactivate
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
      <h3>Add a therapist</h3>
      <NewTherapistForm onDone={(saved) => setMessage({ ok: true, text: `${saved.name} added. They change their first PIN or password at their first sign-in.` })} />
    </section>
  );
}

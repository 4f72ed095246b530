import { useState } from 'react';
import type { Therapist } from '../../../shared/domain/therapist';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { TherapistForm } from './TherapistForm';

export function TherapistsPanel() {
  const [list] = useOperation('therapists.list', { includeInactive: true });
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  // A saved change has already refreshed this list and the session's team (api/client.ts); this only says so.
  function refresh(text?: string) {
    if (text) setMessage({ kind: 'ok', text });
  }

  async function setActive(t: Therapist, active: boolean) {
    const r = await call('therapists.setActive', { id: t.id, active });
    if (r.ok) refresh(`${t.name} is ${active ? 'active again' : 'deactivated; their records keep their name'}.`);
    else setMessage({ kind: 'error', text: r.error.message });
  }

  return (
    <section aria-labelledby="therapists-heading">
      <h2 id="therapists-heading">Therapists</h2>
      {message ? (
        <div className={message.kind === 'ok' ? 'ok-box' : 'error-box'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </div>
      ) : null}
      {list.state === 'loading' ? <Loading what="therapists" /> : null}
      {list.state === 'error' ? <ErrorMessage error={list.error} retry={list.retry} /> : null}
      {list.state === 'ready' ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Title</th>
              <th scope="col">Registration</th>
              <th scope="col">Initials</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((t) =>
              editing === t.id ? (
                <tr key={t.id}>
                  <td colSpan={6}>
                    <TherapistForm
                      therapist={t}
                      onDone={(saved) => {
                        setEditing(null);
                        if (saved) refresh(`${saved.name} saved.`);
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.title ?? '—'}</td>
                  <td>{t.registrationNumber ?? '—'}</td>
                  <td>{t.initials}</td>
                  <td>{t.active ? 'Active' : 'Deactivated'}</td>
                  <td className="row-actions">
                    <button type="button" onClick={() => setEditing(t.id)} aria-label={`Edit ${t.name}`}>
                      Edit
                    </button>
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
      ) : null}
      <h3>Add a therapist</h3>
      <TherapistForm onDone={(saved) => saved && refresh(`${saved.name} added.`)} />
    </section>
  );
}

import { useState } from 'react';
import { todayLocal } from '../../../shared/domain/dates';
import type { ReasonCode } from '../../../shared/worklist/types';
import { useOperation } from '../api/use-operation';
import { Pager, usePaging } from '../layout/Pager';
import { ErrorMessage, Loading } from '../layout/Status';
import { href } from '../router';
import { useFormatDate, useSession } from '../session/session-context';
import { WorklistFilters } from './WorklistFilters';
import { WorklistTable } from './WorklistTable';
import './worklist.css';

const PAGE_SIZE = 50;
/** While summaries are still being built (after an update), ask again this often. */
const PENDING_RETRY_MS = 1500;

/**
 * Who needs attention today, most urgent first: losing motion and new warning signs, then missed measurements
 * and raised ALP, then measurements falling due and profiles to bring up to date. One table, filtered by reason
 * and by the therapist who measured last; every row opens the patient.
 */
export function WorklistPage() {
  const { state } = useSession();
  const formatDate = useFormatDate();
  const [codes, setCodes] = useState<ReasonCode[]>([]);
  const [therapistId, setTherapistId] = useState<string>('');
  const paging = usePaging(PAGE_SIZE);
  // Asked again every 1.5 s while summaries are pending after an update, until they are all done.
  const [page] = useOperation(
    'worklist.get',
    { ...(codes.length ? { codes } : {}), ...(therapistId ? { therapistId } : {}), limit: paging.limit, offset: paging.offset },
    { keepPrevious: true, pollEvery: (value) => (value.pending > 0 ? PENDING_RETRY_MS : false) },
  );
  const today = todayLocal();

  const pending = page.state === 'ready' ? page.value.pending : 0;

  const therapistName = state.activeTherapists.find((t) => t.id === therapistId)?.name;
  const filterText = [codes.length ? `reasons: ${codes.length}` : null, therapistName ? `measured last by ${therapistName}` : null].filter(Boolean).join('; ');

  return (
    <section className="worklist-page" aria-labelledby="worklist-heading">
      <div className="toolbar">
        <h1 id="worklist-heading">Worklist for {formatDate(today)}</h1>
        <button type="button" onClick={() => window.print()}>
          Print…
        </button>
      </div>
      <p className="muted worklist-intro">
        Patients who need attention today, most urgent first.{' '}
        <span className="worklist-keys">
          In the table, <kbd>↑</kbd> and <kbd>↓</kbd> move between patients and <kbd>Enter</kbd> opens one.
        </span>
        {filterText ? <span className="print-only"> Filtered: {filterText}.</span> : null}
      </p>
      <WorklistFilters
        codes={codes}
        counts={page.state === 'ready' ? page.value.counts : null}
        onCodes={(next) => {
          setCodes(next);
          paging.reset();
        }}
        therapistId={therapistId}
        therapists={state.activeTherapists}
        onTherapist={(id) => {
          setTherapistId(id);
          paging.reset();
        }}
      />
      {pending > 0 ? (
        <p className="status" role="status">
          Checking {pending} more {pending === 1 ? 'patient' : 'patients'} after an update of ROMtrack; they join the list as they are done.
        </p>
      ) : null}
      {page.state === 'loading' ? <Loading what="the worklist" /> : null}
      {page.state === 'error' ? <ErrorMessage error={page.error} retry={page.retry} /> : null}
      {page.state === 'ready' ? (
        page.value.total === 0 ? (
          <p className="empty worklist-empty">
            {codes.length || therapistId
              ? 'No patient matches these filters today. Clear a filter to see the others.'
              : 'No patient needs attention today: nobody is losing motion, nothing is due, no warning sign is new.'}{' '}
            <a href={href.patients()}>Go to the patient list</a>.
          </p>
        ) : (
          <>
            <WorklistTable rows={page.value.rows} />
            <Pager paging={paging} total={page.value.total} shown={page.value.rows.length} label="Pages of the worklist" noun="patients" />
          </>
        )
      ) : null}
    </section>
  );
}

import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const { state } = useSession();
  const formatDate = useFormatDate();
  const [codes, setCodes] = useState<ReasonCode[]>([]);
  const [therapistId, setTherapistId] = useState<string>('');
  const paging = usePaging(PAGE_SIZE);
  // Asked again every 1.5 s while summaries are pending after an update, until they are all done.
  const [page] = useOperation(
    'worklist.get',
    // The rows' messages are written here in the person's language: no English text is asked for.
    { ...(codes.length ? { codes } : {}), ...(therapistId ? { therapistId } : {}), limit: paging.limit, offset: paging.offset, englishText: false },
    { keepPrevious: true, pollEvery: (value) => (value.pending > 0 ? PENDING_RETRY_MS : false) },
  );
  const today = todayLocal();

  const pending = page.state === 'ready' ? page.value.pending : 0;

  const therapistName = state.activeTherapists.find((th) => th.id === therapistId)?.name;
  const filterText = [codes.length ? t('worklist.filterReasons', { count: codes.length }) : null, therapistName ? t('worklist.filterTherapist', { name: therapistName }) : null].filter(Boolean).join('; ');

  return (
    <section className="worklist-page" aria-labelledby="worklist-heading">
      <div className="toolbar">
        <h1 id="worklist-heading">{t('worklist.heading', { date: formatDate(today) })}</h1>
        <button type="button" onClick={() => window.print()}>
          {t('worklist.print')}
        </button>
      </div>
      <p className="muted worklist-intro">
        {t('worklist.intro')}{' '}
        <span className="worklist-keys">
          <Trans i18nKey="worklist.keys" components={[<kbd key="up" />, <kbd key="down" />, <kbd key="enter" />]} />
        </span>
        {filterText ? <span className="print-only"> {t('worklist.filtered', { filters: filterText })}</span> : null}
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
          {t('worklist.pending', { count: pending })}
        </p>
      ) : null}
      {page.state === 'loading' ? <Loading what={t('worklist.loadingWhat')} /> : null}
      {page.state === 'error' ? <ErrorMessage error={page.error} retry={page.retry} /> : null}
      {page.state === 'ready' ? (
        page.value.total === 0 ? (
          <p className="empty worklist-empty">
            {codes.length || therapistId ? t('worklist.noMatch') : t('worklist.empty')} <a href={href.patients()}>{t('worklist.toPatients')}</a>
          </p>
        ) : (
          <>
            <WorklistTable rows={page.value.rows} />
            <Pager paging={paging} total={page.value.total} shown={page.value.rows.length} label={t('worklist.pagerLabel')} noun={t('worklist.noun', { count: page.value.total })} />
          </>
        )
      ) : null}
    </section>
  );
}

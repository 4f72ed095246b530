import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ageInYears, todayLocal } from '../../../shared/domain/dates';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { Pager, usePaging } from '../layout/Pager';
import { useRowLinks } from '../layout/row-links';
import { ErrorMessage, Loading } from '../layout/Status';
import { href, navigate } from '../router';
import { useFormatDate } from '../session/session-context';
import { PatientStatusTag, usePatientStatuses } from '../worklist/PatientStatus';
import { useApiErrorText } from '../api/failure';

const PAGE_SIZE = 50;

export function PatientList() {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const paging = usePaging(PAGE_SIZE);
  const { reset } = paging;
  useEffect(() => {
    const t = setTimeout(() => {
      setDebounced(query.trim());
      reset();
    }, 150);
    return () => clearTimeout(t);
  }, [query, reset]);
  const [page] = useOperation('patients.list', { query: debounced, offset: paging.offset, limit: paging.limit }, { keepPrevious: true });
  const statuses = usePatientStatuses(page.state === 'ready' ? page.value.items.map((p) => p.id) : []);
  const search = useRef<HTMLInputElement>(null);
  const rows = useRowLinks<HTMLTableSectionElement>('a.patient-link', () => search.current?.focus());
  const today = todayLocal();
  const formatDate = useFormatDate();
  const [searchNote, setSearchNote] = useState<string | null>(null);
  // Enter opens the one patient the search finds; asked afresh, so a search still in its debounce counts too.
  const openSingleMatch = async () => {
    const text = query.trim();
    if (!text) return;
    const r = await call('patients.list', { query: text, offset: 0, limit: 2 });
    if (!r.ok) return;
    if (r.value.total === 1) navigate(href.patient(r.value.items[0]!.id));
    else setSearchNote(r.value.total === 0 ? t('patients.noMatch', { query: text }) : t('patients.manyMatch', { count: r.value.total }));
  };

  return (
    <section aria-labelledby="patients-heading">
      <div className="toolbar">
        <h1 id="patients-heading">{t('patients.heading')}</h1>
        <a className="button primary" href={href.newPatient()}>
          {t('patients.new')}
        </a>
      </div>
      <div className="field search-field">
        <label htmlFor="patient-search">{t('patients.searchLabel')}</label>
        <input
          id="patient-search"
          type="search"
          autoFocus
          value={query}
          aria-describedby="patient-search-hint"
          onChange={(e) => {
            setQuery(e.target.value);
            setSearchNote(null);
          }}
          ref={search}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void openSingleMatch();
            }
            if (e.key === 'ArrowDown' && rows.focusFirst()) e.preventDefault();
          }}
          placeholder={t('patients.searchPlaceholder')}
        />
        <p className="field-hint" id="patient-search-hint" role="status">
          {searchNote ?? <Trans i18nKey="patients.searchHint" components={[<kbd key="enter" />, <kbd key="down" />, <kbd key="up" />, <kbd key="down2" />]} />}
        </p>
      </div>
      {page.state === 'loading' ? <Loading what={t('patients.loadingWhat')} /> : null}
      {page.state === 'error' ? <ErrorMessage error={page.error} retry={page.retry} /> : null}
      {page.state === 'ready' ? (
        page.value.total === 0 ? (
          debounced ? (
            <p className="empty">{t('patients.noMatch', { query: debounced })}</p>
          ) : (
            <>
              <p className="empty">{t('patients.empty')}</p>
              <SampleDataButton />
            </>
          )
        ) : (
          <>
            <table className="data-table">
              <caption className="visually-hidden">{debounced ? t('patients.captionMatching', { query: debounced }) : t('patients.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('patients.colName')}</th>
                  <th scope="col">{t('patients.colStatus')}</th>
                  <th scope="col">{t('patients.colClinicId')}</th>
                  <th scope="col">{t('patients.colDateOfBirth')}</th>
                  <th scope="col">{t('patients.colAge')}</th>
                  <th scope="col">{t('patients.colSex')}</th>
                </tr>
              </thead>
              <tbody ref={rows.ref} onKeyDown={rows.onKeyDown}>
                {page.value.items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <a className="patient-link" href={href.patient(p.id)}>
                        {p.familyName.toUpperCase()}, {p.givenNames}
                      </a>
                    </td>
                    <td>
                      <PatientStatusTag status={statuses.of(p.id)} failed={statuses.error !== null} />
                    </td>
                    <td>{p.clinicId ?? '—'}</td>
                    <td>{formatDate(p.dateOfBirth)}</td>
                    <td>{ageInYears(p.dateOfBirth, today)}</td>
                    <td>{t(`sex.${p.sex}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {statuses.error ? (
              <p className="status small">
                <Trans i18nKey="patients.statusFailed" values={{ message: errorText(statuses.error) }} components={[<a key="worklist" href={href.worklist()} />]} />
              </p>
            ) : (
              <p className="status small">
                <Trans i18nKey="patients.statusNote" components={[<a key="worklist" href={href.worklist()} />]} />
              </p>
            )}
            <Pager paging={paging} total={page.value.total} shown={page.value.items.length} label={t('patients.pagerLabel')} noun={t('patients.noun', { count: page.value.total })} />
          </>
        )
      ) : null}
    </section>
  );
}

/**
 * Only on the empty list (never after a search finds nothing): six sample patients to try the app with.
 * The back end refuses when any patient exists, so sample records never mix with real ones.
 */
function SampleDataButton() {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await call('sampleData.create', {});
      // Created, the cache refreshes the list (api/client.ts), which then has patients and no button.
      if (!result.ok) setError(errorText(result.error));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sample-data">
      <p>
        <button type="button" disabled={busy} onClick={() => void create()}>
          {t('sample.load')}
        </button>{' '}
        <span className="empty">{t('sample.why')}</span>
      </p>
      {busy ? (
        <p className="status" role="status" aria-live="polite">
          {t('sample.creating')}
        </p>
      ) : null}
      {error ? (
        <div className="error-box" role="alert">
          <strong>{t('sample.failed')}</strong> {error}
        </div>
      ) : null}
    </div>
  );
}

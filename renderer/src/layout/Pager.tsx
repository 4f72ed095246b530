import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './pager.css';

// One way to page through a long table (the patient list, the worklist): the screen keeps the offset with
// usePaging and asks its operation for `limit` rows from it; <Pager> says where the page is and moves it.

export interface Paging {
  offset: number;
  limit: number;
  setOffset(offset: number): void;
  /** Back to the first page: after a new search or filter. */
  reset(): void;
}

export function usePaging(pageSize: number): Paging {
  const [offset, setOffset] = useState(0);
  const reset = useCallback(() => setOffset(0), []);
  return { offset, limit: pageSize, setOffset, reset };
}

interface Props {
  paging: Paging;
  /** Rows in all, and on this page. */
  total: number;
  shown: number;
  /** The navigation's name, e.g. "Pages of the worklist". */
  label: string;
  /** "patients", in the screen's language and number. */
  noun: string;
}

/**
 * "1–50 of 120 patients" with Previous and Next. The buttons stay focusable at either end (aria-disabled, not
 * disabled), so a keyboard user paging to the last page keeps the focus where it was. A page left empty by a
 * shrinking list (a patient leaving the worklist) moves back to the last page that has rows.
 */
export function Pager({ paging, total, shown, label, noun }: Props) {
  const { offset, limit, setOffset } = paging;
  const { t } = useTranslation();
  useEffect(() => {
    if (total > 0 && offset >= total) setOffset(Math.floor((total - 1) / limit) * limit);
  }, [total, offset, limit, setOffset]);
  const atStart = offset === 0;
  const atEnd = offset + limit >= total;
  const summary = shown === 0 ? t('pager.total', { total, noun }) : t('pager.range', { from: offset + 1, to: offset + shown, total, noun });
  return (
    <nav className="pager" aria-label={label}>
      <span role="status">{summary}</span>
      {total > limit ? (
        <>
          <button type="button" aria-disabled={atStart} onClick={() => !atStart && setOffset(Math.max(0, offset - limit))}>
            {t('pager.previous')}
          </button>
          <button type="button" aria-disabled={atEnd} onClick={() => !atEnd && setOffset(offset + limit)}>
            {t('pager.next')}
          </button>
        </>
      ) : null}
    </nav>
  );
}

import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThresholdEntry } from '../../../shared/api/operations/thresholds';
import { JOINTS, type MotionKey } from '../../../shared/domain/catalogue';
import { todayLocal } from '../../../shared/domain/dates';
import { useOperation } from '../api/use-operation';
import { useReturnFocus } from '../forms/return-focus';
import { ErrorMessage, Loading } from '../layout/Status';
import { useFormatDate } from '../session/session-context';
import { ThresholdForm } from './ThresholdForm';
import { SLOTS, overrideOf } from './threshold-model';
import { useThresholdWords } from './threshold-words';
import { useCatalogueWords } from '../i18n/catalogue-words';
import './thresholds.css';

const COLUMNS = 4 + SLOTS.length;

/** Who last changed a motion's values, so the table says whose figures these are. */
function lastSetBy(entry: ThresholdEntry): { name: string; at: string } | null {
  const latest = [...entry.overrides].sort((a, b) => (a.setAt < b.setAt ? 1 : -1))[0];
  return latest ? { name: latest.setByName, at: latest.setAt } : null;
}

/**
 * The smallest change each motion must show to count as real: the catalogue's defaults (published figures
 * still marked "to confirm") and the clinic's own values per instrument, with where each default comes from.
 */
export function ThresholdsPanel() {
  const [list] = useOperation('thresholds.list', {});
  const [editing, setEditing] = useState<MotionKey | null>(null);
  const [saved, setSaved] = useState<{ motion: MotionKey; text: string } | null>(null);
  const focus = useReturnFocus();
  const formatDate = useFormatDate();
  const { t } = useTranslation();
  const words = useThresholdWords();
  const catalogue = useCatalogueWords();

  function open(motion: MotionKey) {
    focus.remember();
    setSaved(null);
    setEditing(motion);
  }

  function close(motion: MotionKey, message: string | null) {
    setEditing(null);
    // The saved values have already refreshed the list (api/client.ts).
    if (message) setSaved({ motion, text: message });
    focus.restore();
  }

  function row(e: ThresholdEntry) {
    const by = lastSetBy(e);
    return (
      <Fragment key={e.motion}>
        <tr>
          <th scope="row">
            {words.motionOnly(e)}
            {by ? (
              <span className="threshold-by small muted">
                {t('thresholdsPanel.setBy', { name: by.name, date: formatDate(todayLocal(new Date(by.at))) })}
              </span>
            ) : null}
          </th>
          <td className="num">{words.degrees(e.catalogueDefault.degrees)}</td>
          <td className="small">{words.source(e.catalogueDefault.sourceShort)}</td>
          {SLOTS.map((slot) => {
            const d = overrideOf(e, slot);
            return (
              <td key={slot} className="num">
                {d === undefined ? (
                  <>
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">{t('thresholdsPanel.notSet')}</span>
                  </>
                ) : (
                  <strong>{words.degrees(d)}</strong>
                )}
              </td>
            );
          })}
          <td>
            <button type="button" aria-label={t('thresholdsPanel.editLabel', { name: words.lower(words.entryName(e)) })} aria-expanded={editing === e.motion} onClick={() => open(e.motion)}>
              {t('thresholdsPanel.edit')}
            </button>
          </td>
        </tr>
        {editing === e.motion ? (
          <tr className="form-row">
            <td colSpan={COLUMNS}>
              <ThresholdForm entry={e} onDone={(message) => close(e.motion, message)} />
            </td>
          </tr>
        ) : null}
        {saved?.motion === e.motion ? (
          <tr className="threshold-saved-row">
            <td colSpan={COLUMNS}>
              <p className="threshold-saved" role="status">
                <span aria-hidden="true">✓ </span>
                {saved.text}
              </p>
            </td>
          </tr>
        ) : null}
      </Fragment>
    );
  }

  return (
    <section aria-labelledby="thresholds-heading">
      <h2 id="thresholds-heading">{t('thresholdsPanel.heading')}</h2>
      <p className="form-intro thresholds-intro">{t('thresholdsPanel.intro')}</p>
      {list.state === 'loading' ? <Loading what={t('thresholdsPanel.loadingWhat')} /> : null}
      {list.state === 'error' ? <ErrorMessage error={list.error} retry={list.retry} /> : null}
      {list.state === 'ready' ? (
        <div className="table-scroll">
          <table className="data-table thresholds-table">
            <caption className="visually-hidden">{t('thresholdsPanel.caption')}</caption>
            <colgroup>
              <col className="motion-col" />
              <col className="default-col" />
              <col className="source-col" />
              {SLOTS.map((slot) => (
                <col key={slot} className="slot-col" />
              ))}
              <col className="action-col" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('thresholdsPanel.colMotion')}</th>
                <th scope="col" className="num">
                  {t('thresholdsPanel.colDefault')}
                </th>
                <th scope="col">{t('thresholdsPanel.colSource')}</th>
                {SLOTS.map((slot) => (
                  <th key={slot} scope="col" className="num">
                    {words.slot(slot)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('thresholdsPanel.colActions')}</span>
                </th>
              </tr>
            </thead>
            {JOINTS.map((joint) => (
              <tbody key={joint}>
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={COLUMNS}>
                    {catalogue.joint(joint)}
                  </th>
                </tr>
                {list.value.filter((e) => e.joint === joint).map(row)}
              </tbody>
            ))}
          </table>
        </div>
      ) : null}
    </section>
  );
}

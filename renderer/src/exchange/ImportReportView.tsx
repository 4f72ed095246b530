import { useState } from 'react';
import { DEMOGRAPHICS, type Demographic, type ImportReport } from '../../../shared/api/operations/exchange';
import { isOneOf } from '../../../shared/domain/one-of';
import { SEXES } from '../../../shared/domain/patient';
import { LANGUAGE_NAMES, isLanguage } from '../../../shared/i18n/languages';
import { useMessageText } from '../i18n/use-message-text';
import { useFormatter } from '../session/session-context';
import { useExchangeWords } from './format';

type Props = { fileName: string; report: ImportReport; busy: boolean; onDecide: (takeIncoming: Demographic[]) => void };

/**
 * What an import did, and the patient's details that differ: for each, this workstation's value and the file's,
 * one to choose. Nothing is taken from the file until the person applies the choices.
 */
export function ImportReportView({ fileName, report, busy, onDecide }: Props) {
  const { t, counts } = useExchangeWords();
  const say = useMessageText();
  const { date } = useFormatter();
  const decidable = report.conflicts.filter((c): c is typeof c & { field: Demographic } => isOneOf(DEMOGRAPHICS, c.field));
  const others = report.conflicts.filter((c) => !isOneOf(DEMOGRAPHICS, c.field));
  const [take, setTake] = useState<ReadonlySet<Demographic>>(new Set());
  const choose = (field: Demographic, theirs: boolean) => {
    const next = new Set(take);
    if (theirs) next.add(field);
    else next.delete(field);
    setTake(next);
  };
  const matchedBy = (m: NonNullable<ImportReport['matchedBy']>) =>
    m === 'id' ? t('exchange.report.matchedById') : m === 'clinicId' ? t('exchange.report.matchedByClinicId') : t('exchange.report.matchedByNameAndBirthDate');
  const fieldLabel = (f: Demographic) => {
    switch (f) {
      case 'familyName':
        return t('exchange.report.field.familyName');
      case 'givenNames':
        return t('exchange.report.field.givenNames');
      case 'clinicId':
        return t('exchange.report.field.clinicId');
      case 'dateOfBirth':
        return t('exchange.report.field.dateOfBirth');
      case 'sex':
        return t('exchange.report.field.sex');
      case 'documentLanguage':
        return t('exchange.report.field.documentLanguage');
    }
  };
  // A second import that only took the details chosen adds no records.
  const added = report.unchanged ? t('exchange.report.addedNothing') : (counts(report.added) ?? t('exchange.report.addedOnlyChoices'));
  const none = t('exchange.report.none');
  // The values as recorded, in the screen's words: a date in the clinic's format, the sex and language named.
  const valueText = (f: Demographic, v: string | null): string => {
    if (v === null) return none;
    if (f === 'dateOfBirth') return date(v);
    if (f === 'sex') return isOneOf(SEXES, v) ? t(`sex.${v}`) : v;
    if (f === 'documentLanguage') return isLanguage(v) ? LANGUAGE_NAMES[v] : v;
    return v;
  };

  return (
    <section className="import-report" aria-labelledby="import-report-heading">
      <h4 id="import-report-heading">{t('exchange.report.heading', { file: fileName })}</h4>
      <p>
        {report.matchedBy ? t('exchange.report.matched', { how: matchedBy(report.matchedBy) }) : t('exchange.report.new')}{' '}
        <a href={`#/patients/${encodeURIComponent(report.patientId)}`}>{t('exchange.report.open')}</a>
      </p>
      <dl className="import-counts">
        <dt>{t('exchange.report.added')}</dt>
        <dd>{added}</dd>
        <dt>{t('exchange.report.alreadyHere')}</dt>
        <dd>{counts(report.matched) ?? t('exchange.report.nothing')}</dd>
        {report.notImported.length ? (
          <>
            <dt>{t('exchange.report.notImported')}</dt>
            <dd>{report.notImported.map((n) => `${n.count} ${n.resourceType}`).join(', ')}</dd>
          </>
        ) : null}
      </dl>

      {decidable.length ? (
        <form
          className="import-decisions"
          aria-labelledby="import-decisions-heading"
          onSubmit={(e) => {
            e.preventDefault();
            onDecide([...take]);
          }}
        >
          <h4 id="import-decisions-heading">{t('exchange.report.toDecide')}</h4>
          <p className="field-hint">{t('exchange.report.decideHint')}</p>
          {decidable.map((c) => (
            <fieldset key={c.field} className="import-decision">
              <legend>{fieldLabel(c.field)}</legend>
              <label className="choice">
                <input type="radio" name={`decide-${c.field}`} checked={!take.has(c.field)} onChange={() => choose(c.field, false)} /> {t('exchange.report.keepHere')}{' '}
                <strong>{valueText(c.field, c.here)}</strong>
              </label>
              <label className="choice">
                <input type="radio" name={`decide-${c.field}`} checked={take.has(c.field)} onChange={() => choose(c.field, true)} /> {t('exchange.report.takeFile')}{' '}
                <strong>{valueText(c.field, c.incoming)}</strong>
              </label>
            </fieldset>
          ))}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('exchange.report.applying') : t('exchange.report.apply')}
            </button>
          </div>
        </form>
      ) : null}

      {others.length ? (
        <>
          <h4>{t('exchange.report.alsoNoted')}</h4>
          <ul>
            {others.map((c, i) => (
              <li key={i}>{say(c.messageRef)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

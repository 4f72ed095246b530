import { useState } from 'react';
import { DEMOGRAPHIC_LABELS, DEMOGRAPHICS, type Demographic, type ImportReport } from '../../../shared/api/operations/exchange';
import { isOneOf } from '../../../shared/domain/one-of';
import { countsText } from './import-words';

const MATCHED_BY: Record<NonNullable<ImportReport['matchedBy']>, string> = {
  id: 'the same ROMtrack record',
  clinicId: 'the same clinic id',
  nameAndBirthDate: 'the same name and date of birth',
};

/** A second import that only took the details chosen adds no records. */
function addedText(report: ImportReport): string {
  const text = countsText(report.added);
  return text === 'nothing' ? 'no records; only the details you chose were taken' : text;
}

type Props = { fileName: string; report: ImportReport; busy: boolean; onDecide: (takeIncoming: Demographic[]) => void };

/**
 * What an import did, and the patient's details that differ: for each, this workstation's value and the file's,
 * one to choose. Nothing is taken from the file until the person applies the choices.
 */
export function ImportReportView({ fileName, report, busy, onDecide }: Props) {
  const decidable = report.conflicts.filter((c): c is typeof c & { field: Demographic } => isOneOf(DEMOGRAPHICS, c.field));
  const others = report.conflicts.filter((c) => !isOneOf(DEMOGRAPHICS, c.field));
  const [take, setTake] = useState<ReadonlySet<Demographic>>(new Set());
  const choose = (field: Demographic, theirs: boolean) => {
    const next = new Set(take);
    if (theirs) next.add(field);
    else next.delete(field);
    setTake(next);
  };

  return (
    <section className="import-report" aria-labelledby="import-report-heading">
      <h4 id="import-report-heading">Imported {fileName}</h4>
      <p>
        {report.matchedBy ? `The file's patient is one already here (${MATCHED_BY[report.matchedBy]}). ` : 'The patient was new here and was added. '}
        <a href={`#/patients/${encodeURIComponent(report.patientId)}`}>Open the patient&apos;s record</a>
      </p>
      <dl className="import-counts">
        <dt>Added</dt>
        <dd>{report.unchanged ? 'nothing: everything in the file was already here' : addedText(report)}</dd>
        <dt>Already here</dt>
        <dd>{countsText(report.matched)}</dd>
        {report.notImported.length ? (
          <>
            <dt>Not imported</dt>
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
          <h4 id="import-decisions-heading">Left for you to decide</h4>
          <p className="field-hint">These details differ. This workstation&apos;s value is kept unless you take the file&apos;s.</p>
          {decidable.map((c) => (
            <fieldset key={c.field} className="import-decision">
              <legend>{DEMOGRAPHIC_LABELS[c.field]}</legend>
              <label className="choice">
                <input type="radio" name={`decide-${c.field}`} checked={!take.has(c.field)} onChange={() => choose(c.field, false)} /> Keep this workstation&apos;s:{' '}
                <strong>{c.here ?? '(none)'}</strong>
              </label>
              <label className="choice">
                <input type="radio" name={`decide-${c.field}`} checked={take.has(c.field)} onChange={() => choose(c.field, true)} /> Take the file&apos;s:{' '}
                <strong>{c.incoming ?? '(none)'}</strong>
              </label>
            </fieldset>
          ))}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Applying…' : 'Apply these decisions'}
            </button>
          </div>
        </form>
      ) : null}

      {others.length ? (
        <>
          <h4>Also noted</h4>
          <ul>
            {others.map((c, i) => (
              <li key={i}>{c.message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

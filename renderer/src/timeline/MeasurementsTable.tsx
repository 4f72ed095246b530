import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MODES, MOTION_KEYS, SIDES } from '../../../shared/domain/catalogue';
import type { Measurement } from '../../../shared/domain/visit';
import { useReturnFocus } from '../forms/return-focus';
import { ActionsHeader, FormRow, VoidRecordForm } from '../clinical/record-rows';
import { MeasurementCorrectionForm } from './MeasurementCorrectionForm';
import { MeasurementHistory } from './RecordHistory';
import { ScrollBox } from '../layout/ScrollBox';
import { useFormatter } from '../session/session-context';
import { useVisitWords } from '../visits/visit-words';

type Open = { lineage: string; what: 'correct' | 'void' | 'history' } | null;

/** In the catalogue's clinical order, then left before right, active before passive: the grid's order, stable across corrections. */
export function inClinicalOrder(measurements: readonly Measurement[]): Measurement[] {
  const rank = (m: Measurement) => [MOTION_KEYS.indexOf(m.motion), SIDES.indexOf(m.side), MODES.indexOf(m.mode)];
  return [...measurements].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0]! - rb[0]! || ra[1]! - rb[1]! || ra[2]! - rb[2]!;
  });
}

interface Props {
  measurements: Measurement[];
  nameOf(id: string | null): string;
  onChanged(message: string): void;
}

/** A visit's measurements, each with its correction, void and history; the open form is keyed by lineage so it survives the reload. */
export function MeasurementsTable({ measurements, nameOf, onChanged }: Props) {
  const { t } = useTranslation();
  const words = useVisitWords();
  const format = useFormatter();
  const [open, setOpen] = useState<Open>(null);
  const focus = useReturnFocus();
  const toggle = (lineage: string, what: 'correct' | 'void' | 'history') => {
    focus.remember();
    setOpen(open?.lineage === lineage && open.what === what ? null : { lineage, what });
  };
  return (
    <ScrollBox label={t('timeline.measurementsBox')}>
      <table className="data-table measurements-table">
        <thead>
          <tr>
            <th scope="col">{t('timeline.col.measurement')}</th>
            <th scope="col" className="num">
              {t('timeline.col.value')}
            </th>
            <th scope="col">{t('timeline.col.instrument')}</th>
            <th scope="col">{t('timeline.col.endFeel')}</th>
            <th scope="col">{t('timeline.col.pain')}</th>
            <th scope="col">{t('timeline.col.note')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {inClinicalOrder(measurements).map((m) => {
            const label = words.readingLabel(m);
            const what = open?.lineage === m.lineageId ? open.what : null;
            const close = (message: string | null, recordGone = false) => {
              setOpen(null);
              if (message) onChanged(message);
              focus.restore(recordGone);
            };
            return (
              <Fragment key={m.lineageId}>
                <tr>
                  <th scope="row">{label}</th>
                  <td className="num">
                    {format.degrees(m.degrees)}
                    {m.correctionReason ? <span className="tag">{t('timeline.corrected')}</span> : null}
                  </td>
                  <td>{words.instrument(m.instrument)}</td>
                  <td>{m.endFeel ? words.endFeel(m.endFeel) : '—'}</td>
                  <td>{m.pain === null ? '—' : t('timeline.painValue', { pain: m.pain })}</td>
                  <td>{m.note ?? ''}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" aria-label={t('timeline.correctWhat', { what: label })} aria-expanded={what === 'correct'} onClick={() => toggle(m.lineageId, 'correct')}>
                        {t('timeline.correct')}
                      </button>
                      <button type="button" aria-label={t('timeline.voidWhat', { what: label })} aria-expanded={what === 'void'} onClick={() => toggle(m.lineageId, 'void')}>
                        {t('timeline.void')}
                      </button>
                      <button type="button" aria-label={t('timeline.historyOf', { what: label })} aria-expanded={what === 'history'} onClick={() => toggle(m.lineageId, 'history')}>
                        {t('timeline.history')}
                      </button>
                    </div>
                  </td>
                </tr>
                {what ? (
                  <FormRow columns={7}>
                    {what === 'correct' ? <MeasurementCorrectionForm measurement={m} label={label} onDone={(saved) => close(saved ? t('timeline.correctedWhat', { what: label }) : null)} /> : null}
                    {what === 'void' ? <VoidRecordForm operation="measurements.void" id={m.id} what={label} onDone={(saved) => close(saved ? t('timeline.voidedWhat', { what: label }) : null, saved)} /> : null}
                    {what === 'history' ? <MeasurementHistory id={m.id} label={label} nameOf={nameOf} /> : null}
                  </FormRow>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

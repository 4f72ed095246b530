import { Fragment, useState } from 'react';
import { MODES, MOTION_KEYS, SIDES, formatDegrees, motionSpec } from '../../../shared/domain/catalogue';
import { END_FEEL_LABELS, INSTRUMENT_LABELS, type Measurement } from '../../../shared/domain/visit';
import { useReturnFocus } from '../forms/return-focus';
import { ActionsHeader, FormRow, VoidRecordForm } from '../clinical/record-rows';
import { MeasurementCorrectionForm } from './MeasurementCorrectionForm';
import { MeasurementHistory } from './RecordHistory';
import { ScrollBox } from '../layout/ScrollBox';

type Open = { lineage: string; what: 'correct' | 'void' | 'history' } | null;

export function measurementLabel(m: Measurement): string {
  const motion = motionSpec(m.motion).label.toLowerCase();
  return `${m.side === 'left' ? 'Left' : 'Right'} ${motion}, ${m.mode}`;
}

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
  const [open, setOpen] = useState<Open>(null);
  const focus = useReturnFocus();
  const toggle = (lineage: string, what: 'correct' | 'void' | 'history') => {
    focus.remember();
    setOpen(open?.lineage === lineage && open.what === what ? null : { lineage, what });
  };
  return (
    <ScrollBox label="Measurements of this visit">
      <table className="data-table measurements-table">
        <thead>
          <tr>
            <th scope="col">Measurement</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Instrument</th>
            <th scope="col">End-feel</th>
            <th scope="col">Pain</th>
            <th scope="col">Note</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {inClinicalOrder(measurements).map((m) => {
            const label = measurementLabel(m);
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
                    {formatDegrees(m.degrees)}
                    {m.correctionReason ? <span className="tag">corrected</span> : null}
                  </td>
                  <td>{INSTRUMENT_LABELS[m.instrument]}</td>
                  <td>{m.endFeel ? END_FEEL_LABELS[m.endFeel] : '—'}</td>
                  <td>{m.pain === null ? '—' : `${m.pain}/10`}</td>
                  <td>{m.note ?? ''}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" aria-label={`Correct ${label}`} aria-expanded={what === 'correct'} onClick={() => toggle(m.lineageId, 'correct')}>
                        Correct
                      </button>
                      <button type="button" aria-label={`Void ${label}`} aria-expanded={what === 'void'} onClick={() => toggle(m.lineageId, 'void')}>
                        Void
                      </button>
                      <button type="button" aria-label={`History of ${label}`} aria-expanded={what === 'history'} onClick={() => toggle(m.lineageId, 'history')}>
                        History
                      </button>
                    </div>
                  </td>
                </tr>
                {what ? (
                  <FormRow columns={7}>
                    {what === 'correct' ? <MeasurementCorrectionForm measurement={m} label={label} onDone={(saved) => close(saved ? `${label} corrected.` : null)} /> : null}
                    {what === 'void' ? <VoidRecordForm operation="measurements.void" id={m.id} what={label} onDone={(saved) => close(saved ? `${label} voided.` : null, saved)} /> : null}
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

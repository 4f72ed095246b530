import { Fragment, useState } from 'react';
import { RISK_FACTOR_LABELS, type RiskFactor } from '../../../shared/domain/ho';
import { useReturnFocus } from '../forms/return-focus';
import { ActionsHeader, FormRow, VoidRecordForm } from '../clinical/record-rows';
import { useFormatDate } from '../session/session-context';
import { RiskFactorForm } from './RiskFactorForm';
import { ScrollBox } from '../layout/ScrollBox';

/** The patient's HO risk factors (the seven of the clinical reference), each with an optional date and note. */
export function RiskFactorsPanel({ patientId, riskFactors, onChanged }: { patientId: string; riskFactors: RiskFactor[]; onChanged(message: string): void }) {
  const formatDate = useFormatDate();
  const [adding, setAdding] = useState(false);
  const [voiding, setVoiding] = useState<string | null>(null);
  const focus = useReturnFocus();
  return (
    <section aria-labelledby="risk-heading" className="panel">
      <div className="toolbar">
        <h3 id="risk-heading">Risk factors</h3>
        <button
          type="button"
          aria-expanded={adding}
          onClick={() => {
            focus.remember();
            setAdding(!adding);
          }}
        >
          Add a risk factor
        </button>
      </div>
      {adding ? (
        <RiskFactorForm
          patientId={patientId}
          onDone={(saved) => {
            setAdding(false);
            if (saved) onChanged(`${RISK_FACTOR_LABELS[saved.kind]} added.`);
            focus.restore();
          }}
        />
      ) : null}
      {riskFactors.length === 0 ? (
        <p className="empty">No risk factor recorded.</p>
      ) : (
        <ScrollBox label="Risk factors">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Risk factor</th>
                <th scope="col">Date</th>
                <th scope="col">Note</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {riskFactors.map((rf) => {
                const label = RISK_FACTOR_LABELS[rf.kind];
                return (
                  <Fragment key={rf.id}>
                    <tr>
                      <th scope="row">{label}</th>
                      <td className="nowrap">{rf.onsetDate ? formatDate(rf.onsetDate) : <span className="muted">No date</span>}</td>
                      <td>{rf.note ?? ''}</td>
                      <td>
                        <div className="row-actions">
                          <button type="button" aria-label={`Void ${label}`} aria-expanded={voiding === rf.id} onClick={() => {
                            focus.remember();
                            setVoiding(rf.id);
                          }}>
                            Void
                          </button>
                        </div>
                      </td>
                    </tr>
                    {voiding === rf.id ? (
                      <FormRow columns={4}>
                        <VoidRecordForm
                          operation="riskFactors.void"
                          id={rf.id}
                          what={label}
                          onDone={(saved) => {
                            setVoiding(null);
                            if (saved) onChanged(`${label} voided.`);
                          }}
                        />
                      </FormRow>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

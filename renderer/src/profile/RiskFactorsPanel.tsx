import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskFactor } from '../../../shared/domain/ho';
import { useReturnFocus } from '../forms/return-focus';
import { ActionsHeader, FormRow, VoidRecordForm } from '../clinical/record-rows';
import { useFormatDate } from '../session/session-context';
import { RiskFactorForm } from './RiskFactorForm';
import { ScrollBox } from '../layout/ScrollBox';
import { useProfileWords } from './profile-words';

/** The patient's HO risk factors (the seven of the clinical reference), each with an optional date and note. */
export function RiskFactorsPanel({ patientId, riskFactors, onChanged }: { patientId: string; riskFactors: RiskFactor[]; onChanged(message: string): void }) {
  const { t } = useTranslation();
  const words = useProfileWords();
  const formatDate = useFormatDate();
  const [adding, setAdding] = useState(false);
  const [voiding, setVoiding] = useState<string | null>(null);
  const focus = useReturnFocus();
  return (
    <section aria-labelledby="risk-heading" className="panel">
      <div className="toolbar">
        <h3 id="risk-heading">{t('profile.risk.heading')}</h3>
        <button
          type="button"
          aria-expanded={adding}
          onClick={() => {
            focus.remember();
            setAdding(!adding);
          }}
        >
          {t('profile.risk.add')}
        </button>
      </div>
      {adding ? (
        <RiskFactorForm
          patientId={patientId}
          onDone={(saved) => {
            setAdding(false);
            if (saved) onChanged(t('profile.risk.added', { kind: words.riskFactor(saved.kind) }));
            focus.restore();
          }}
        />
      ) : null}
      {riskFactors.length === 0 ? (
        <p className="empty">{t('profile.risk.none')}</p>
      ) : (
        <ScrollBox label={t('profile.risk.heading')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('profile.risk.factor')}</th>
                <th scope="col">{t('profile.date')}</th>
                <th scope="col">{t('profile.note')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {riskFactors.map((rf) => {
                const label = words.riskFactor(rf.kind);
                return (
                  <Fragment key={rf.id}>
                    <tr>
                      <th scope="row">{label}</th>
                      <td className="nowrap">{rf.onsetDate ? formatDate(rf.onsetDate) : <span className="muted">{t('profile.noDate')}</span>}</td>
                      <td>{rf.note ?? ''}</td>
                      <td>
                        <div className="row-actions">
                          <button type="button" aria-label={t('profile.voidWhat', { what: label })} aria-expanded={voiding === rf.id} onClick={() => {
                            focus.remember();
                            setVoiding(rf.id);
                          }}>
                            {t('profile.void')}
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
                            if (saved) onChanged(t('profile.voidedWhat', { what: label }));
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

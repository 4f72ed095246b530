import { useTranslation } from 'react-i18next';
import type { Therapist } from '../../../shared/domain/therapist';
import { REASON_CODES, type ReasonCode } from '../../../shared/worklist/types';
import { ReasonTag } from './ReasonTag';

interface Props {
  codes: ReasonCode[];
  /** Patients with each reason under the therapist filter; null while loading. */
  counts: Record<ReasonCode, number> | null;
  onCodes(codes: ReasonCode[]): void;
  therapistId: string;
  therapists: readonly Therapist[];
  onTherapist(id: string): void;
}

/** No reason ticked shows every reason; each box says how many patients it would keep. */
export function WorklistFilters({ codes, counts, onCodes, therapistId, therapists, onTherapist }: Props) {
  const { t } = useTranslation();
  const toggle = (code: ReasonCode, on: boolean) => onCodes(on ? REASON_CODES.filter((c) => c === code || codes.includes(c)) : codes.filter((c) => c !== code));
  return (
    <div className="worklist-filters">
      <fieldset>
        <legend>{t('worklist.filterLegend')}</legend>
        <div className="checkbox-row">
          {REASON_CODES.map((code) => (
            <label key={code} className="choice">
              <input type="checkbox" checked={codes.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
              <ReasonTag code={code} {...(counts ? { count: counts[code] } : {})} />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field worklist-therapist">
        <label htmlFor="worklist-therapist">{t('worklist.therapistLabel')}</label>
        <select id="worklist-therapist" value={therapistId} onChange={(e) => onTherapist(e.target.value)}>
          <option value="">{t('worklist.anyTherapist')}</option>
          {therapists.map((th) => (
            <option key={th.id} value={th.id}>
              {th.name}
            </option>
          ))}
        </select>
        <p className="field-hint">{t('worklist.therapistHint')}</p>
      </div>
    </div>
  );
}

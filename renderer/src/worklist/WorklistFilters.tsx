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
  const toggle = (code: ReasonCode, on: boolean) => onCodes(on ? REASON_CODES.filter((c) => c === code || codes.includes(c)) : codes.filter((c) => c !== code));
  return (
    <div className="worklist-filters">
      <fieldset>
        <legend>Show patients with (tick none for all)</legend>
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
        <label htmlFor="worklist-therapist">Measured last by</label>
        <select id="worklist-therapist" value={therapistId} onChange={(e) => onTherapist(e.target.value)}>
          <option value="">Any therapist</option>
          {therapists.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <p className="field-hint">Patients not measured yet stay on every list.</p>
      </div>
    </div>
  );
}

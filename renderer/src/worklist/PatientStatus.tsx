import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import type { ReasonCode } from '../../../shared/worklist/types';
import { useOperation } from '../api/use-operation';
import './worklist.css';

type Status = OperationOutput<'worklist.statuses'>[number];

const SYMBOLS: Record<Status['status'], string> = { losing: '▼', attention: '⚠', due: '◇', ok: '✓' };
/** The reason each status already names, so the words beside it add only the others. */
const SAID: Partial<Record<Status['status'], ReasonCode>> = { losing: 'losing', due: 'due' };

export interface PatientStatuses {
  /** Undefined while loading, or for a patient the answer left out. */
  of(patientId: string): Status | undefined;
  error: ApiError | null;
}

/**
 * The worklist's status of each patient on a page of the patient list (Losing, Attention, Due, OK), from the
 * same summary rows as the worklist. The list never waits for it: its rows show at once, the column fills in.
 */
export function usePatientStatuses(patientIds: readonly string[]): PatientStatuses {
  const [statuses] = useOperation('worklist.statuses', { patientIds: [...patientIds] }, { keepPrevious: true });
  const byId = statuses.state === 'ready' ? new Map(statuses.value.map((s) => [s.patientId, s])) : null;
  return { of: (id) => byId?.get(id), error: statuses.state === 'error' ? statuses.error : null };
}

/**
 * A word and a symbol in a box, then the reasons the word does not say ("⚠ Attention ALP raised"), so the
 * column reads in black and white and says why without opening the worklist.
 */
export function PatientStatusTag({ status, failed = false }: { status: Status | undefined; failed?: boolean }) {
  const { t } = useTranslation();
  if (!status) return <span className="muted">{failed ? t('status.notAvailable') : '…'}</span>;
  const more = status.codes.filter((c) => c !== SAID[status.status]).map((c) => t(`reason.${c}`));
  return (
    <>
      <span className={`patient-status patient-status-${status.status}`}>
        <span aria-hidden="true">{SYMBOLS[status.status]}</span> {t(`patientStatus.${status.status}`)}
      </span>
      {more.length ? <span className="patient-status-reasons small muted"> {more.join(', ')}</span> : null}
    </>
  );
}

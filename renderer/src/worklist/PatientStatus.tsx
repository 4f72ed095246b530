import type { OperationOutput } from '../../../shared/api/contract';
import { useOperation } from '../api/use-operation';
import './worklist.css';

type Status = OperationOutput<'worklist.statuses'>[number];

const SYMBOLS: Record<Status['status'], string> = { losing: '▼', attention: '⚠', due: '◇', ok: '✓' };

/**
 * The worklist's status of each patient on a page of the patient list (Losing, Attention, Due, OK), from the
 * same summary rows as the worklist. Empty while loading or when the call fails: the list never waits for it.
 */
export function usePatientStatuses(patientIds: readonly string[]): ReadonlyMap<string, Status> {
  const [statuses] = useOperation('worklist.statuses', { patientIds: [...patientIds] });
  return statuses.state === 'ready' ? new Map(statuses.value.map((s) => [s.patientId, s])) : new Map();
}

/** A word and a symbol in a box, so the column reads in black and white. */
export function PatientStatusTag({ status }: { status: Status | undefined }) {
  if (!status) return <span className="muted">…</span>;
  return (
    <span className={`patient-status patient-status-${status.status}`}>
      <span aria-hidden="true">{SYMBOLS[status.status]}</span> {status.label}
    </span>
  );
}

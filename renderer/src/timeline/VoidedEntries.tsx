import { useState, type ReactNode } from 'react';
import { findMotionSpec, sideLabel } from '../../../shared/domain/catalogue';
import { EVENT_KIND_LABELS } from '../../../shared/domain/event';
import { RISK_FACTOR_LABELS, SITE_STATUS_LABELS } from '../../../shared/domain/ho';
import type { Measurement } from '../../../shared/domain/visit';
import { useOperation } from '../api/use-operation';
import { siteLabel, useFormatInstant } from '../clinical/format';
import { describeEvent } from '../events/event-model';
import { ErrorMessage, Loading } from '../layout/Status';
import { ScrollBox } from '../layout/ScrollBox';
import { useFormatDate } from '../session/session-context';
import { describeMeasurement, EventHistory, MeasurementHistory } from './RecordHistory';

function measurementLabel(m: Measurement): string {
  const motion = findMotionSpec(m.motion)?.label.toLowerCase() ?? 'unknown motion';
  return `${sideLabel(m.side)} ${motion}, ${m.mode}`;
}

interface Row {
  key: string;
  what: string;
  detail: string;
  voided: { at: string; by: string | null; reason: string };
  history?: ReactNode;
}

/**
 * Voided records are never deleted: they leave the patient's current record but stay readable here,
 * with who voided them, when and why. Loaded only when opened, since most patients have none.
 */
function VoidedList({ patientId, nameOf }: { patientId: string; nameOf(id: string | null): string }) {
  const formatDate = useFormatDate();
  const formatInstant = useFormatInstant();
  const [voided] = useOperation('patients.voided', { patientId });
  const [open, setOpen] = useState<string | null>(null);
  if (voided.state === 'loading') return <Loading what="voided entries" />;
  if (voided.state === 'error') return <ErrorMessage error={voided.error} retry={voided.retry} />;
  const v = voided.value;
  const rows: Row[] = [
    ...v.visits.map(({ visit, voided: mark }) => ({
      key: visit.id,
      what: 'Visit, with its measurements',
      detail: `${formatDate(visit.date)}, ${nameOf(visit.therapistId)}${visit.notes ? `. Notes: ${visit.notes}` : ''}`,
      voided: mark,
    })),
    ...v.measurements.map((m) => ({
      key: m.id,
      what: `Measurement: ${measurementLabel(m)}`,
      detail: `${formatDate(m.date)}: ${describeMeasurement(m)}`,
      voided: m.voided!,
      history: <MeasurementHistory id={m.id} label={measurementLabel(m)} nameOf={nameOf} />,
    })),
    ...v.events.map((e) => ({
      key: e.id,
      what: `Event: ${EVENT_KIND_LABELS[e.kind]}`,
      detail: `${formatDate(e.date)}: ${describeEvent(e, formatDate)}`,
      voided: e.voided!,
      history: <EventHistory id={e.id} label={EVENT_KIND_LABELS[e.kind]} nameOf={nameOf} />,
    })),
    ...v.sites.map((s) => ({ key: s.id, what: `Watched site: ${siteLabel(s.joint, s.side)}`, detail: `${SITE_STATUS_LABELS[s.status]} since ${formatDate(s.since)}`, voided: s.voided! })),
    ...v.riskFactors.map((r) => ({ key: r.id, what: `Risk factor: ${RISK_FACTOR_LABELS[r.kind]}`, detail: r.onsetDate ? formatDate(r.onsetDate) : 'No date', voided: r.voided! })),
  ].sort((a, b) => b.voided.at.localeCompare(a.voided.at));
  if (rows.length === 0) return <p className="empty">Nothing has been voided for this patient.</p>;
  return (
    <ScrollBox label="Voided entries">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">What it said</th>
            <th scope="col">Voided</th>
            <th scope="col">Reason</th>
            <th scope="col">
              <span className="visually-hidden">History</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.what}</td>
              <td>{r.detail}</td>
              <td>
                {formatInstant(r.voided.at)} by {nameOf(r.voided.by)}
              </td>
              <td>{r.voided.reason}</td>
              <td>
                {r.history ? (
                  <>
                    <button type="button" aria-expanded={open === r.key} onClick={() => setOpen(open === r.key ? null : r.key)}>
                      History
                    </button>
                    {open === r.key ? r.history : null}
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export function VoidedEntries({ patientId, nameOf }: { patientId: string; nameOf(id: string | null): string }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="voided-entries" onToggle={(e) => setOpened((e.target as HTMLDetailsElement).open)}>
      <summary>Voided entries</summary>
      {opened ? <VoidedList patientId={patientId} nameOf={nameOf} /> : null}
    </details>
  );
}

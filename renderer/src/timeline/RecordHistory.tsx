import { formatDegrees } from '../../../shared/domain/catalogue';
import { END_FEEL_LABELS, INSTRUMENT_LABELS, type Measurement } from '../../../shared/domain/visit';
import { useOperation } from '../api/use-operation';
import { useFormatInstant } from '../clinical/format';
import { describeEvent } from '../events/event-model';
import { ErrorMessage, Loading } from '../layout/Status';
import { useFormatDate } from '../session/session-context';

interface Version {
  id: string;
  recordedAt: string;
  recordedBy: string | null;
  correctionReason: string | null;
  voided: { at: string; by: string | null; reason: string } | null;
}

interface HistoryProps {
  id: string;
  /** What the record is, for the table's caption: "Right elbow flexion, active". */
  label: string;
  nameOf(id: string | null): string;
}

/** Every version, oldest first: when and by whom each was recorded, what it said, and why it replaced the one before. */
function VersionsTable<T extends Version>({ versions, label, nameOf, describe }: { versions: T[]; label: string; nameOf: HistoryProps['nameOf']; describe(v: T): string }) {
  const formatInstant = useFormatInstant();
  return (
    <table className="data-table history-table">
      <caption>History of {label}</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Recorded</th>
          <th scope="col">By</th>
          <th scope="col">Value</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v, i) => {
          const current = i === versions.length - 1 && !v.voided;
          return (
            <tr key={v.id}>
              <th scope="row">
                {i + 1}
                {current ? ' (current)' : ''}
              </th>
              <td>{formatInstant(v.recordedAt)}</td>
              <td>{nameOf(v.recordedBy)}</td>
              <td>{describe(v)}</td>
              <td>
                {i === 0 ? 'First entry' : (v.correctionReason ?? '')}
                {v.voided ? (
                  <p className="voided-note">
                    Voided {formatInstant(v.voided.at)} by {nameOf(v.voided.by)}: {v.voided.reason}
                  </p>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function describeMeasurement(m: Measurement): string {
  const parts = [formatDegrees(m.degrees), INSTRUMENT_LABELS[m.instrument], m.endFeel ? `end-feel ${END_FEEL_LABELS[m.endFeel].toLowerCase()}` : null, m.pain === null ? null : `pain ${m.pain}/10`, m.note];
  return parts.filter(Boolean).join('; ');
}

export function MeasurementHistory({ id, label, nameOf }: HistoryProps) {
  const [history] = useOperation('measurements.history', { id });
  if (history.state === 'loading') return <Loading what="the history" />;
  if (history.state === 'error') return <ErrorMessage error={history.error} retry={history.retry} />;
  return <VersionsTable versions={history.value} label={label} nameOf={nameOf} describe={describeMeasurement} />;
}

export function EventHistory({ id, label, nameOf }: HistoryProps) {
  const formatDate = useFormatDate();
  const [history] = useOperation('events.history', { id });
  if (history.state === 'loading') return <Loading what="the history" />;
  if (history.state === 'error') return <ErrorMessage error={history.error} retry={history.retry} />;
  return <VersionsTable versions={history.value} label={label} nameOf={nameOf} describe={(e) => `${formatDate(e.date)}: ${describeEvent(e, formatDate)}`} />;
}

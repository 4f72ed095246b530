import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Measurement } from '../../../shared/domain/visit';
import type { Formatter } from '../../../shared/format';
import { useOperation } from '../api/use-operation';
import { useFormatInstant } from '../clinical/format';
import { describeEvent } from '../events/event-model';
import { ErrorMessage, Loading } from '../layout/Status';
import { useFormatDate, useFormatter } from '../session/session-context';
import { useVisitWords, type VisitWords } from '../visits/visit-words';

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
  const { t } = useTranslation();
  const formatInstant = useFormatInstant();
  return (
    <table className="data-table history-table">
      <caption>{t('timeline.historyOf', { what: label })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('timeline.history.version')}</th>
          <th scope="col">{t('timeline.history.recorded')}</th>
          <th scope="col">{t('timeline.history.by')}</th>
          <th scope="col">{t('timeline.history.value')}</th>
          <th scope="col">{t('timeline.history.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v, i) => {
          const current = i === versions.length - 1 && !v.voided;
          return (
            <tr key={v.id}>
              <th scope="row">{current ? t('timeline.history.current', { n: i + 1 }) : i + 1}</th>
              <td>{formatInstant(v.recordedAt)}</td>
              <td>{nameOf(v.recordedBy)}</td>
              <td>{describe(v)}</td>
              <td>
                {i === 0 ? t('timeline.history.first') : (v.correctionReason ?? '')}
                {v.voided ? <p className="voided-note">{t('timeline.history.voided', { at: formatInstant(v.voided.at), name: nameOf(v.voided.by), reason: v.voided.reason })}</p> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "120°; Universal goniometer; end-feel firm; pain 3/10; note": what one version of a reading said. */
export function describeMeasurement(m: Measurement, t: TFunction, words: VisitWords, format: Formatter): string {
  const parts = [
    format.degrees(m.degrees),
    words.instrument(m.instrument),
    m.endFeel ? t('timeline.history.endFeel', { endFeel: words.endFeel(m.endFeel).toLocaleLowerCase() }) : null,
    m.pain === null ? null : t('visits.painOf', { pain: m.pain }),
    m.note,
  ];
  return parts.filter(Boolean).join('; ');
}

/** A reading's versions described in the screen's language. */
export function useDescribeMeasurement(): (m: Measurement) => string {
  const { t } = useTranslation();
  const words = useVisitWords();
  const format = useFormatter();
  return (m) => describeMeasurement(m, t, words, format);
}

export function MeasurementHistory({ id, label, nameOf }: HistoryProps) {
  const { t } = useTranslation();
  const describe = useDescribeMeasurement();
  const [history] = useOperation('measurements.history', { id });
  if (history.state === 'loading') return <Loading what={t('timeline.history.loadingWhat')} />;
  if (history.state === 'error') return <ErrorMessage error={history.error} retry={history.retry} />;
  return <VersionsTable versions={history.value} label={label} nameOf={nameOf} describe={describe} />;
}

export function EventHistory({ id, label, nameOf }: HistoryProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [history] = useOperation('events.history', { id });
  if (history.state === 'loading') return <Loading what={t('timeline.history.loadingWhat')} />;
  if (history.state === 'error') return <ErrorMessage error={history.error} retry={history.retry} />;
  return (
    <VersionsTable
      versions={history.value}
      label={label}
      nameOf={nameOf}
      describe={(e) => t('timeline.history.eventLine', { date: formatDate(e.date), what: describeEvent(e, formatDate, t) })}
    />
  );
}

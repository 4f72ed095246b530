import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperation } from '../api/use-operation';
import { useFormatInstant } from '../clinical/format';
import { describeEvent } from '../events/event-model';
import { useEventKindNames } from '../events/event-words';
import { ErrorMessage, Loading } from '../layout/Status';
import { ScrollBox } from '../layout/ScrollBox';
import { useProfileWords } from '../profile/profile-words';
import { useFormatDate } from '../session/session-context';
import { useVisitWords } from '../visits/visit-words';
import { EventHistory, MeasurementHistory, useDescribeMeasurement } from './RecordHistory';

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
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatInstant = useFormatInstant();
  const words = useVisitWords();
  const profile = useProfileWords();
  const kinds = useEventKindNames();
  const describeMeasurement = useDescribeMeasurement();
  const [voided] = useOperation('patients.voided', { patientId });
  const [open, setOpen] = useState<string | null>(null);
  if (voided.state === 'loading') return <Loading what={t('timeline.voided.loadingWhat')} />;
  if (voided.state === 'error') return <ErrorMessage error={voided.error} retry={voided.retry} />;
  const v = voided.value;
  const rows: Row[] = [
    ...v.visits.map(({ visit, voided: mark }) => ({
      key: visit.id,
      what: t('timeline.voided.visit'),
      detail: [t('timeline.voided.visitDetail', { date: formatDate(visit.date), name: nameOf(visit.therapistId) }), ...(visit.notes ? [t('visits.notesOf', { notes: visit.notes })] : [])].join('. '),
      voided: mark,
    })),
    ...v.measurements.map((m) => ({
      key: m.id,
      what: t('timeline.voided.measurement', { what: words.readingLabel(m) }),
      detail: t('timeline.history.eventLine', { date: formatDate(m.date), what: describeMeasurement(m) }),
      voided: m.voided!,
      history: <MeasurementHistory id={m.id} label={words.readingLabel(m)} nameOf={nameOf} />,
    })),
    ...v.events.map((e) => ({
      key: e.id,
      what: t('timeline.voided.event', { kind: kinds[e.kind] }),
      detail: t('timeline.history.eventLine', { date: formatDate(e.date), what: describeEvent(e, formatDate, t) }),
      voided: e.voided!,
      history: <EventHistory id={e.id} label={kinds[e.kind]} nameOf={nameOf} />,
    })),
    ...v.sites.map((s) => ({
      key: s.id,
      what: t('timeline.voided.site', { site: profile.site(s.joint, s.side) }),
      detail: t('timeline.voided.siteDetail', { status: profile.status(s.status), date: formatDate(s.since) }),
      voided: s.voided!,
    })),
    ...v.riskFactors.map((r) => ({
      key: r.id,
      what: t('timeline.voided.riskFactor', { kind: profile.riskFactor(r.kind) }),
      detail: r.onsetDate ? formatDate(r.onsetDate) : t('timeline.voided.noDate'),
      voided: r.voided!,
    })),
  ].sort((a, b) => b.voided.at.localeCompare(a.voided.at));
  if (rows.length === 0) return <p className="empty">{t('timeline.voided.none')}</p>;
  return (
    <ScrollBox label={t('timeline.voided.summary')}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('timeline.voided.entry')}</th>
            <th scope="col">{t('timeline.voided.said')}</th>
            <th scope="col">{t('timeline.voided.voided')}</th>
            <th scope="col">{t('timeline.voided.reason')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('timeline.history')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.what}</td>
              <td>{r.detail}</td>
              <td>
                {t('timeline.voided.by', { at: formatInstant(r.voided.at), name: nameOf(r.voided.by) })}
              </td>
              <td>{r.voided.reason}</td>
              <td>
                {r.history ? (
                  <>
                    <button type="button" aria-expanded={open === r.key} onClick={() => setOpen(open === r.key ? null : r.key)}>
                      {t('timeline.history')}
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
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <details className="voided-entries" onToggle={(e) => setOpened((e.target as HTMLDetailsElement).open)}>
      <summary>{t('timeline.voided.summary')}</summary>
      {opened ? <VoidedList patientId={patientId} nameOf={nameOf} /> : null}
    </details>
  );
}

import { useTranslation } from 'react-i18next';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { ClinicalEvent } from '../../../shared/domain/event';
import type { Visit } from '../../../shared/domain/visit';
import { EventEntry } from './EventEntry';
import { VisitEntry } from './VisitEntry';

type Item = { kind: 'visit'; date: string; at: string; visit: Visit } | { kind: 'event'; date: string; at: string; event: ClinicalEvent };

/** Visits and events in one list, newest first; on the same day the later-recorded comes first. */
export function timelineItems(file: PatientFile): Item[] {
  const items: Item[] = [
    ...file.visits.map((visit) => ({ kind: 'visit' as const, date: visit.date, at: visit.recordedAt, visit })),
    ...file.events.map((event) => ({ kind: 'event' as const, date: event.date, at: event.recordedAt, event })),
  ];
  return items.sort((a, b) => (a.date === b.date ? b.at.localeCompare(a.at) : b.date.localeCompare(a.date)));
}

export function Timeline({ file, nameOf, onChanged }: { file: PatientFile; nameOf(id: string | null): string; onChanged(message: string): void }) {
  const { t } = useTranslation();
  const items = timelineItems(file);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.heading')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {items.map((item) => (
            <li key={item.kind === 'visit' ? item.visit.id : item.event.lineageId}>
              {item.kind === 'visit' ? <VisitEntry visit={item.visit} nameOf={nameOf} onChanged={onChanged} /> : <EventEntry event={item.event} nameOf={nameOf} onChanged={onChanged} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import { useMemo } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { comparabilityAdvice, lastReadings } from '../../../shared/domain/like-with-like';
import { therapistNamer } from '../clinical/format';
import { useFormatDate } from '../session/session-context';
import type { VisitFormValues } from './visit-form-model';

/**
 * Says, as the therapist and instrument are chosen, when today's readings will not be comparable with the
 * last visit's; a polite note (role="status"), never a block: there are good reasons to change.
 */
export function ComparabilityHint({ form, file }: { form: UseFormReturn<VisitFormValues>; file: PatientFile }) {
  const formatDate = useFormatDate();
  const last = useMemo(() => lastReadings(file.visits), [file.visits]);
  const nameOf = useMemo(() => therapistNamer(file.therapists), [file.therapists]);
  const raterId = form.watch('therapistId');
  const instrument = form.watch('defaults.instrument');
  const advice = comparabilityAdvice(last, { raterId, instrument }, nameOf, formatDate);
  return (
    <div role="status" className="comparability-hint">
      {advice.map((a) => (
        <p key={a.kind} className="note">
          {a.text}
        </p>
      ))}
    </div>
  );
}

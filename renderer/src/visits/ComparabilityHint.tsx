import { useMemo } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../shared/i18n';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { comparabilityAdvice, lastReadings } from '../../../shared/domain/like-with-like';
import { therapistNamer } from '../i18n/catalogue-words';
import { useDisplayLanguage } from '../i18n/use-language';
import { useFormatDate } from '../session/session-context';
import type { VisitFormValues } from './visit-form-model';
import { useVisitWords } from './visit-words';

/**
 * Says, as the therapist and instrument are chosen, when today's readings will not be comparable with the
 * last visit's; a polite note (role="status"), never a block: there are good reasons to change.
 */
export function ComparabilityHint({ form, file }: { form: UseFormReturn<VisitFormValues>; file: PatientFile }) {
  const { t } = useTranslation();
  const words = useVisitWords();
  const locale = intlLocale(useDisplayLanguage());
  const formatDate = useFormatDate();
  const last = useMemo(() => lastReadings(file.visits), [file.visits]);
  const nameOf = useMemo(() => therapistNamer(t, file.therapists), [t, file.therapists]);
  const raterId = form.watch('therapistId');
  const instrument = form.watch('defaults.instrument');
  // When to advise is the shared rule's (like-with-like.ts); its English text is for the back end, the words are here.
  const advice = last ? comparabilityAdvice(last, { raterId, instrument }, nameOf, formatDate) : [];
  const either = new Intl.ListFormat(locale, { type: 'disjunction' });
  const both = new Intl.ListFormat(locale, { type: 'conjunction' });
  const text = (kind: 'instrument' | 'rater') => {
    if (!last) return '';
    if (kind === 'rater') return t('visits.compare.rater', { who: both.format(last.raterIds.map(nameOf)) });
    const before = either.format(last.instruments.map((i) => words.instrument(i).toLocaleLowerCase()));
    return t('visits.compare.instrument', { date: formatDate(last.date), before, today: words.instrument(instrument).toLocaleLowerCase() });
  };
  return (
    <div role="status" className="comparability-hint">
      {advice.map((a) => (
        <p key={a.kind} className="note">
          {text(a.kind)}
        </p>
      ))}
    </div>
  );
}

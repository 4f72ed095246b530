// How a recorded visit is said in words, on the timeline and on the form that adds to it.
import type { TFunction } from 'i18next';
import type { Visit } from '../../../shared/domain/visit';
import { SYMPTOM_FIELDS } from './visit-form-model';
import type { VisitWords } from './visit-words';

/** "Symptoms: swelling, warmth, pain 4/10." or "No symptoms recorded." */
export function symptomsText(v: Visit, t: TFunction, words: VisitWords): string {
  const present = SYMPTOM_FIELDS.filter((k) => v.symptoms[k]).map((k) => words.symptom(k).toLocaleLowerCase());
  const all = [...present, ...(v.symptoms.pain === null ? [] : [t('visits.painOf', { pain: v.symptoms.pain })])];
  return all.length ? t('visits.symptomsList', { list: all.join(', ') }) : t('visits.noSymptoms');
}

/** "Extended on 9 Mar 2026 by Jonas Meier (2 measurements added).": one line per addition, oldest first. */
export function extensionLines(v: Visit, t: TFunction, nameOf: (id: string | null) => string, formatInstantDate: (iso: string) => string): string[] {
  return v.extensions.map((x) => t('visits.extended', { date: formatInstantDate(x.at), name: nameOf(x.by), count: x.measurements }));
}

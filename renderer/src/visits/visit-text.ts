// How a recorded visit is said in words, on the timeline and on the form that adds to it.
import { VISIT_SETTING_LABELS, type Visit } from '../../../shared/domain/visit';
import { SYMPTOM_FIELDS } from './visit-form-model';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function symptomsText(v: Visit): string {
  const present = SYMPTOM_FIELDS.filter(([k]) => v.symptoms[k]).map(([, label]) => label.toLowerCase());
  const pain = v.symptoms.pain === null ? null : `pain ${v.symptoms.pain}/10`;
  const all = [...present, ...(pain ? [pain] : [])];
  return all.length ? `Symptoms: ${all.join(', ')}.` : 'No symptoms recorded.';
}

/** "Abena Owusu, outpatient clinic, 6 measurements": who recorded it, where, how much. */
export function visitByLine(v: Visit, nameOf: (id: string | null) => string): string {
  return `${nameOf(v.therapistId)}, ${VISIT_SETTING_LABELS[v.setting].toLowerCase()}, ${plural(v.measurements.length, 'measurement')}`;
}

/** "Extended on 9 Mar 2026 by Jonas Meier (2 measurements)": one line per addition, oldest first. */
export function extensionLines(v: Visit, nameOf: (id: string | null) => string, formatInstantDate: (iso: string) => string): string[] {
  return v.extensions.map((x) => `Extended on ${formatInstantDate(x.at)} by ${nameOf(x.by)} (${plural(x.measurements, 'measurement')} added).`);
}

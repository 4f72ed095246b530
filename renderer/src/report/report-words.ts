// What the report model (report-model.ts) hands over in English words, given back as facts the printed
// document names in its own language: the watched motions not measured, the symptoms by their key.
import type { TFunction } from 'i18next';
import { MOTION_KEYS, SIDES, type MotionKey, type Side } from '../../../shared/domain/catalogue';
import { catalogueWords, type SymptomWord } from '../i18n/catalogue-words';
import type { ReportModel } from './report-model';

/** Watched motions (side and motion) measured in neither mode in the period, catalogue order, left first. */
export function unmeasuredMotions(model: Pick<ReportModel, 'analysis' | 'series'>): { side: Side; motion: MotionKey }[] {
  const measured = new Set(model.series.map((s) => `${s.side} ${s.motion}`));
  const seen = new Set<string>();
  return [...model.analysis.series, ...model.analysis.unmeasured]
    .filter((s) => s.watched && !measured.has(`${s.side} ${s.motion}`))
    .sort((a, b) => MOTION_KEYS.indexOf(a.motion) - MOTION_KEYS.indexOf(b.motion) || SIDES.indexOf(a.side) - SIDES.indexOf(b.side))
    .filter((s) => !seen.has(`${s.side} ${s.motion}`) && seen.add(`${s.side} ${s.motion}`))
    .map((s) => ({ side: s.side, motion: s.motion }));
}

const SYMPTOM_OF_LABEL = new Map<string, SymptomWord>([
  ['Decreased range of motion', 'decreasedRange'],
  ['Swelling', 'swelling'],
  ['Redness', 'redness'],
  ['Warmth', 'warmth'],
  ['Fever', 'fever'],
]);

/**
 * The model's symptom rows carry the visit form's English label; each is one of these five, named here in the
 * document's language. A label not listed (a symptom added later) prints as the model gives it.
 */
export function symptomName(t: TFunction, label: string): string {
  const symptom = SYMPTOM_OF_LABEL.get(label);
  return symptom ? catalogueWords(t).symptom(symptom) : label;
}

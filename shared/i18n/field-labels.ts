// The names the schemas give their fields (shared/domain), as message ids, so a field message names its field in
// the screen's language. The schemas still name fields in English; each name listed here is looked up by its
// English text. A name not listed stays as the schema wrote it (English) inside the translated sentence.
import { englishText, message, type MessageParam, type MessageRef } from './message';

const LABELS: readonly MessageRef[] = [
  message('errors.label.dateOfBirth'),
  message('errors.label.visitDate'),
  message('errors.label.theDate'),
  message('errors.label.name'),
  message('errors.label.familyName'),
  message('errors.label.givenNames'),
  message('errors.label.clinicId'),
  message('errors.label.note'),
  message('errors.label.notes'),
  message('errors.label.title'),
  message('errors.label.targetDate'),
  message('errors.label.description'),
  message('errors.label.theEndDate'),
  message('errors.label.statusDate'),
  message('errors.label.phone'),
  message('errors.label.address'),
  message('domain.label.clinicName'),
  message('domain.label.endDate'),
  message('domain.label.findings'),
  message('domain.label.inForceFrom'),
  message('domain.label.instructions'),
  message('domain.label.lastDay'),
  message('domain.label.precautions'),
  message('domain.label.professionalTitle'),
  message('domain.label.registration'),
  message('domain.label.startDate'),
  message('domain.label.unit'),
  message('domain.label.week'),
  message('domain.label.reasonCorrection'),
  message('domain.label.reasonVoiding'),
  message('domain.label.reasonRevision'),
  message('domain.label.reasonEnding'),
  message('domain.label.reasonChange'),
  message('domain.label.visitDateThe'),
  message('domain.label.theStartDate'),
  message('domain.label.periodStart'),
];

let byEnglish: Map<string, MessageRef> | null = null;

/** The field's name as a message where it has one, else the schema's own words. */
export function fieldLabel(label: string): MessageParam {
  byEnglish ??= new Map(LABELS.map((ref) => [englishText(ref), ref]));
  const ref = byEnglish.get(label);
  return ref ? { message: ref } : label;
}

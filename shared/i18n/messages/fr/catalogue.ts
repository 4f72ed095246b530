// Français: the words for instruments, symptoms, end-feels and a record's therapist; shared by every screen and document;
// and the letters of the clinic's date format as a date box's hint shows them (day, month, year in the language).
export const catalogue = {
  'catalogue.instrument.goniometer': 'Goniomètre universel',
  'catalogue.instrument.inclinometer': 'Inclinomètre',
  'catalogue.instrument.smartphone': 'Application smartphone',
  'catalogue.instrument.visual': 'Estimation visuelle',
  'catalogue.instrument.notRecorded': 'Instrument non renseigné',
  'catalogue.therapist.notRecorded': 'Non renseigné',
  'catalogue.therapist.unknown': 'Thérapeute inconnu',
  'catalogue.endFeel.soft': 'Molle',
  'catalogue.endFeel.firm': 'Ferme',
  'catalogue.endFeel.hard': 'Dure (osseuse)',
  'catalogue.endFeel.empty': 'Vide',
  'catalogue.symptom.decreasedRange': 'Diminution de l’amplitude articulaire',
  'catalogue.symptom.swelling': 'Gonflement',
  'catalogue.symptom.redness': 'Rougeur',
  'catalogue.symptom.warmth': 'Chaleur',
  'catalogue.symptom.fever': 'Fièvre',
  'catalogue.dateFormat.dayMonthName': 'J MMM AAAA',
  'catalogue.dateFormat.dayMonthYear': 'JJ/MM/AAAA',
  'catalogue.dateFormat.monthDayYear': 'MM/JJ/AAAA',
  'catalogue.dateFormat.iso': 'AAAA-MM-JJ',
} as const;

// English (the source): the words for instruments, symptoms, end-feels and a record's therapist; shared by every screen and document;
// and the letters of the clinic's date format as a date box's hint shows them (day, month, year in the language).
export const catalogue = {
  'catalogue.instrument.goniometer': 'Universal goniometer',
  'catalogue.instrument.inclinometer': 'Inclinometer',
  'catalogue.instrument.smartphone': 'Smartphone app',
  'catalogue.instrument.visual': 'Visual estimate',
  'catalogue.instrument.notRecorded': 'Instrument not recorded',
  'catalogue.therapist.notRecorded': 'Not recorded',
  'catalogue.therapist.unknown': 'Unknown therapist',
  'catalogue.endFeel.soft': 'Soft',
  'catalogue.endFeel.firm': 'Firm',
  'catalogue.endFeel.hard': 'Hard (bony)',
  'catalogue.endFeel.empty': 'Empty',
  'catalogue.symptom.decreasedRange': 'Decreased range of motion',
  'catalogue.symptom.swelling': 'Swelling',
  'catalogue.symptom.redness': 'Redness',
  'catalogue.symptom.warmth': 'Warmth',
  'catalogue.symptom.fever': 'Fever',
  'catalogue.dateFormat.dayMonthName': 'D MMM YYYY',
  'catalogue.dateFormat.dayMonthYear': 'DD/MM/YYYY',
  'catalogue.dateFormat.monthDayYear': 'MM/DD/YYYY',
  'catalogue.dateFormat.iso': 'YYYY-MM-DD',
} as const;

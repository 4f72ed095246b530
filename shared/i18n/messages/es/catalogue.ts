// Español: the words for instruments, symptoms, end-feels and a record's therapist; shared by every screen and document;
// and the letters of the clinic's date format as a date box's hint shows them (day, month, year in the language).
export const catalogue = {
  'catalogue.instrument.goniometer': 'Goniómetro universal',
  'catalogue.instrument.inclinometer': 'Inclinómetro',
  'catalogue.instrument.smartphone': 'Aplicación de smartphone',
  'catalogue.instrument.visual': 'Estimación visual',
  'catalogue.instrument.notRecorded': 'Instrumento no registrado',
  'catalogue.therapist.notRecorded': 'No registrado',
  'catalogue.therapist.unknown': 'Terapeuta desconocido',
  'catalogue.endFeel.soft': 'Blanda',
  'catalogue.endFeel.firm': 'Firme',
  'catalogue.endFeel.hard': 'Dura (ósea)',
  'catalogue.endFeel.empty': 'Vacía',
  'catalogue.symptom.decreasedRange': 'Disminución del rango de movimiento',
  'catalogue.symptom.swelling': 'Hinchazón',
  'catalogue.symptom.redness': 'Enrojecimiento',
  'catalogue.symptom.warmth': 'Calor local',
  'catalogue.symptom.fever': 'Fiebre',
  'catalogue.dateFormat.dayMonthName': 'D MMM AAAA',
  'catalogue.dateFormat.dayMonthYear': 'DD/MM/AAAA',
  'catalogue.dateFormat.monthDayYear': 'MM/DD/AAAA',
  'catalogue.dateFormat.iso': 'AAAA-MM-DD',
} as const;

// Português (europeu): the words for instruments, symptoms, end-feels and a record's therapist; shared by every screen and document;
// and the letters of the clinic's date format as a date box's hint shows them (day, month, year in the language).
export const catalogue = {
  'catalogue.instrument.goniometer': 'Goniómetro universal',
  'catalogue.instrument.inclinometer': 'Inclinómetro',
  'catalogue.instrument.smartphone': 'Aplicação de telemóvel',
  'catalogue.instrument.visual': 'Estimativa visual',
  'catalogue.instrument.notRecorded': 'Instrumento não registado',
  'catalogue.therapist.notRecorded': 'Não registado',
  'catalogue.therapist.unknown': 'Terapeuta desconhecido',
  'catalogue.endFeel.soft': 'Mole',
  'catalogue.endFeel.firm': 'Firme',
  'catalogue.endFeel.hard': 'Duro (ósseo)',
  'catalogue.endFeel.empty': 'Vazio',
  'catalogue.symptom.decreasedRange': 'Diminuição da amplitude de movimento',
  'catalogue.symptom.swelling': 'Edema',
  'catalogue.symptom.redness': 'Rubor',
  'catalogue.symptom.warmth': 'Calor local',
  'catalogue.symptom.fever': 'Febre',
  'catalogue.dateFormat.dayMonthName': 'D MMM AAAA',
  'catalogue.dateFormat.dayMonthYear': 'DD/MM/AAAA',
  'catalogue.dateFormat.monthDayYear': 'MM/DD/AAAA',
  'catalogue.dateFormat.iso': 'AAAA-MM-DD',
} as const;

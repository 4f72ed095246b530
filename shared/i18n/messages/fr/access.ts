// Français : qui a ouvert le dossier d’un patient.
export const access = {
  'access.windowTitle': 'Qui a ouvert ce dossier — {{name}}',
  'access.breadcrumbPatients': 'Patients',
  'access.breadcrumbPatient': 'Patient',
  'access.heading': 'Qui a ouvert ce dossier',
  'access.administratorsOnly': 'Seul un administrateur peut voir qui a ouvert le dossier d’un patient.',
  'access.loadingWhat': 'le journal des accès',
  'access.empty': 'Personne n’a encore ouvert ce dossier.',
  'access.colWhen': 'Quand',
  'access.colWho': 'Qui',
  'access.colWhat': 'Quoi',
  'access.openedRecord': 'A ouvert le dossier',
  'access.openedReport': 'A ouvert le bilan d’évolution',
  'access.exported': 'A exporté le dossier',
} as const;

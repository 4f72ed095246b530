// Español: quién abrió la historia de un paciente.
export const access = {
  'access.windowTitle': 'Quién abrió esta historia — {{name}}',
  'access.breadcrumbPatients': 'Pacientes',
  'access.breadcrumbPatient': 'Paciente',
  'access.heading': 'Quién abrió esta historia',
  'access.administratorsOnly': 'Solo un administrador puede ver quién abrió la historia de un paciente.',
  'access.loadingWhat': 'el registro de accesos',
  'access.empty': 'Nadie ha abierto todavía esta historia.',
  'access.colWhen': 'Cuándo',
  'access.colWho': 'Quién',
  'access.colWhat': 'Qué',
  'access.openedRecord': 'Abrió la historia',
  'access.openedReport': 'Abrió el informe de evolución',
  'access.exported': 'Exportó la historia',
} as const;

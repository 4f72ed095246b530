// Português (europeu): quem abriu o processo de um doente.
export const access = {
  'access.windowTitle': 'Quem abriu este processo — {{name}}',
  'access.breadcrumbPatients': 'Doentes',
  'access.breadcrumbPatient': 'Doente',
  'access.heading': 'Quem abriu este processo',
  'access.administratorsOnly': 'Só um administrador pode ver quem abriu o processo de um doente.',
  'access.loadingWhat': 'o registo de acessos',
  'access.empty': 'Ninguém abriu ainda este processo.',
  'access.colWhen': 'Quando',
  'access.colWho': 'Quem',
  'access.colWhat': 'O quê',
  'access.openedRecord': 'Abriu o processo',
  'access.openedReport': 'Abriu o relatório de evolução',
  'access.exported': 'Exportou o processo',
} as const;

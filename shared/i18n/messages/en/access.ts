// English (the source): the access keys: who opened a patient's record (renderer/src/access).
export const access = {
  'access.windowTitle': 'Who opened this record — {{name}}',
  'access.breadcrumbPatients': 'Patients',
  'access.breadcrumbPatient': 'Patient',
  'access.heading': 'Who opened this record',
  'access.administratorsOnly': 'Only an administrator can see who opened a patient’s record.',
  'access.loadingWhat': 'the access log',
  'access.empty': 'Nobody has opened this record yet.',
  'access.colWhen': 'When',
  'access.colWho': 'Who',
  'access.colWhat': 'What',
  'access.openedRecord': 'Opened the record',
  'access.openedReport': 'Opened the progress report',
  'access.exported': 'Exported the record',
} as const;

// English (the source): the layout keys: the header, its navigation, the page not found, and each screen's
// window title before its data is loaded (renderer/src/App.tsx, renderer/src/layout).
export const layout = {
  'app.skipToContent': 'Skip to content',
  'app.brandTitle': 'The worklist',
  'app.mainNav': 'Main',
  'app.navWorklist': 'Worklist',
  'app.navPatients': 'Patients',
  'app.navSettings': 'Settings',
  'app.notFound': 'There is no page at “{{path}}”. Go to <0>the worklist</0> or <1>the patient list</1>.',

  'screenTitle.patients': 'Patients',
  'screenTitle.newPatient': 'New patient',
  'screenTitle.patient': 'Patient',
  'screenTitle.editPatient': 'Edit patient',
  'screenTitle.mobility': 'Mobility',
  'screenTitle.mobilityChart': 'Mobility chart',
  'screenTitle.visit': 'Visit',
  'screenTitle.addToVisit': 'Add to visit',
  'screenTitle.newEvent': 'New event',
  'screenTitle.report': 'Progress report',
  'screenTitle.plans': 'Therapy plans',
  'screenTitle.settings': 'Settings',
  'screenTitle.worklist': 'Worklist',
  'screenTitle.referral': 'Referral letter',
  'screenTitle.recordAccess': 'Who opened this record',
  'screenTitle.account': 'Your PIN or password',
  'screenTitle.notFound': 'Page not found',
} as const;

import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL, so later code can never change what version 15 of a
// database looks like.
//
// Documents in the patient's language, screens in each person's (issue 20). A patient may have a language their
// printed documents (report, home exercise sheet, referral letter) are in; a therapist may see the screens in
// another language than the clinic's. Both are empty for every row from before: empty means the clinic's
// language, so nothing changes until someone chooses. The list is spelled out, as in 0014.

export const migration0015: Migration = {
  version: 15,
  name: 'the patient document language and each therapist interface language',
  up: `
    ALTER TABLE patients ADD COLUMN document_language TEXT CHECK (document_language IS NULL OR document_language IN ('en', 'fr', 'es', 'pt'));
    ALTER TABLE therapists ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en', 'fr', 'es', 'pt'));
  `,
};

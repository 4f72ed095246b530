import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL, so later code can never change what version 14 of a
// database looks like.
//
// Languages (issue 20). The clinic chooses the language its screens are in: English, French, Spanish or
// Portuguese. Every clinic from before this version keeps English, the only language it had. The list is spelled
// out here, not read from shared/i18n, so adding a language later is a migration of its own.

export const migration0014: Migration = {
  version: 14,
  name: 'the clinic interface language',
  up: `
    ALTER TABLE clinic ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fr', 'es', 'pt'));
  `,
};

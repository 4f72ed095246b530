import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL, so later code can never change what version 11 of a
// database looks like.
//
// The report log (0005) said which period went out on which paper, but not what the report said: the typed
// assessment and recommendations were lost, so the clinic kept no record of what it sent and could not print
// the same report again. Each entry now keeps everything needed to rebuild the report as printed: both texts
// exactly as typed, which sites it covered, and the date its verdicts were worked out for. Entries from before
// this version have none of it (NULL in all four): what they said is not known, and no guess is made.
//
// Columns are added, not the table rebuilt: the log is append-only (its triggers refuse UPDATE and DELETE),
// and adding a column changes no row.

const DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

export const migration0011: Migration = {
  version: 11,
  name: 'report log keeps what was printed',
  up: `
    ALTER TABLE report_log ADD COLUMN assessment TEXT CHECK (assessment IS NULL OR length(assessment) <= 4000);
    ALTER TABLE report_log ADD COLUMN recommendations TEXT CHECK (recommendations IS NULL OR length(recommendations) <= 4000);
    -- 'watched': the charts and tables covered the watched sites only; 'all': every joint measured.
    ALTER TABLE report_log ADD COLUMN sites TEXT CHECK (sites IS NULL OR sites IN ('watched', 'all'));
    -- The verdicts are those of this day (analysis.patient's today), never before the period's end. An entry
    -- keeps all four columns or none, so a reprint never mixes what was kept with what was not.
    ALTER TABLE report_log ADD COLUMN analysis_date TEXT CHECK (
      (analysis_date IS NULL OR (analysis_date ${DATE} AND analysis_date >= period_to))
      AND (analysis_date IS NULL) = (assessment IS NULL)
      AND (analysis_date IS NULL) = (recommendations IS NULL)
      AND (analysis_date IS NULL) = (sites IS NULL)
    );
    -- A reprint is an entry of its own (paper left the clinic again) naming the entry it reproduced.
    ALTER TABLE report_log ADD COLUMN reprint_of TEXT REFERENCES report_log (id) CHECK (reprint_of IS NULL OR (analysis_date IS NOT NULL AND reprint_of <> id));
  `,
};

import { findMotionSpec } from '../domain/catalogue';
import type { Measurement } from '../domain/visit';

/** The columns of the research CSV, in order; the header row uses these names. */
export const CSV_COLUMNS = ['patient', 'date', 'joint', 'side', 'motion', 'mode', 'degrees', 'rater', 'instrument', 'end_feel', 'pain'] as const;

/**
 * RFC 4180 quoting, plus a guard against formula injection: a spreadsheet runs a cell beginning with = + - @ (or a
 * tab or carriage return) as a formula, so such text gets a leading apostrophe. Numbers are written by the caller
 * as numbers and never pass through here, so a negative angle stays a number.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export interface CsvPatient {
  /** The clinic id, or a pseudonym; never a name. */
  label: string;
  measurements: readonly Measurement[];
}

/** One row per current measurement, oldest first within each patient; lines end in CRLF as RFC 4180 says. */
export function measurementsCsv(patients: readonly CsvPatient[], raterLabel: (raterId: string | null) => string): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const p of patients) {
    const rows = [...p.measurements].sort((a, b) => a.date.localeCompare(b.date) || a.motion.localeCompare(b.motion) || a.side.localeCompare(b.side));
    for (const m of rows) {
      const spec = findMotionSpec(m.motion);
      lines.push(
        [
          csvCell(p.label),
          csvCell(m.date),
          csvCell(spec?.joint ?? m.motion.split('.')[0] ?? ''),
          csvCell(m.side),
          csvCell(spec?.motion ?? m.motion),
          csvCell(m.mode),
          String(m.degrees),
          csvCell(raterLabel(m.raterId)),
          csvCell(m.instrument),
          csvCell(m.endFeel ?? ''),
          m.pain === null ? '' : String(m.pain),
        ].join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Pseudonyms for one export: `P0001`… in the order given. The caller shuffles the order at random for each
 * export, so a pseudonym is stable within a file but says nothing about the patient or about another export.
 */
export function pseudonyms(ids: readonly string[], prefix: string, width = 4): Map<string, string> {
  return new Map(ids.map((id, i) => [id, `${prefix}${String(i + 1).padStart(width, '0')}`]));
}

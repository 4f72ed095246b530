// What the visit form holds (text as typed), how it becomes the 'visits.record' input, and how the
// shared schema's messages, ours or the back end's, find their way back to the box they concern.
import type { FieldValues, Resolver } from 'react-hook-form';
import { fieldMessages } from '../../../shared/api/issues';
import { validateDegrees } from '../../../shared/domain/catalogue/measurement-value';
import { todayLocal } from '../../../shared/domain/dates';
import type { Patient } from '../../../shared/domain/patient';
import { VisitInput, type EndFeel, type Instrument, type VISIT_SETTINGS } from '../../../shared/domain/visit';
import { numberFromText } from '../clinical/format';
import { nestErrors } from '../forms/schema-form';
import type { EntryGridLayout as GridLayout } from './grid-model';

/** A measurement's own details; '' means "as the visit's defaults", 'none' an end-feel not recorded. */
export interface CellValues {
  degrees: string;
  instrument: Instrument | '';
  endFeel: EndFeel | 'none' | '';
  pain: string;
  note: string;
}

export interface VisitFormValues extends FieldValues {
  date: string;
  therapistId: string;
  setting: (typeof VISIT_SETTINGS)[number];
  symptoms: { decreasedRange: boolean; swelling: boolean; redness: boolean; warmth: boolean; fever: boolean; pain: string };
  notes: string;
  defaults: { instrument: Instrument; endFeel: EndFeel | '' };
  cells: CellValues[];
}

export const SYMPTOM_FIELDS = [
  ['decreasedRange', 'Decreased range of motion'],
  ['swelling', 'Swelling'],
  ['redness', 'Redness'],
  ['warmth', 'Warmth'],
  ['fever', 'Fever'],
] as const;

export const CELL_DETAIL_FIELDS = ['instrument', 'endFeel', 'pain', 'note'] as const;

export function emptyCell(): CellValues {
  return { degrees: '', instrument: '', endFeel: '', pain: '', note: '' };
}

export function initialValues(grid: GridLayout, therapistId: string): VisitFormValues {
  return {
    date: todayLocal(),
    therapistId,
    setting: 'outpatient',
    symptoms: { decreasedRange: false, swelling: false, redness: false, warmth: false, fever: false, pain: '' },
    notes: '',
    defaults: { instrument: 'goniometer', endFeel: '' },
    cells: grid.cells.map(() => emptyCell()),
  };
}

export function cellHasDetails(c: CellValues): boolean {
  return c.instrument !== '' || c.endFeel !== '' || c.pain.trim() !== '' || c.note.trim() !== '';
}

/**
 * The operation's input. Empty boxes are simply not measured; `cellOf[n]` is the grid cell that
 * measurement n came from, so "measurements.n.degrees" can be put back on that cell.
 */
export function toVisitInput(values: VisitFormValues, patientId: string, grid: GridLayout): { input: VisitInput; cellOf: number[] } {
  const cellOf: number[] = [];
  const measurements = grid.cells.flatMap((cell) => {
    const v = values.cells[cell.index];
    if (!v || v.degrees.trim() === '') return [];
    cellOf.push(cell.index);
    return [
      {
        motion: cell.motion,
        side: cell.side,
        mode: cell.mode,
        degrees: numberFromText(v.degrees),
        // Omitted, the back end applies the visit's defaults: the same rule the screen shows.
        ...(v.instrument ? { instrument: v.instrument } : {}),
        ...(v.endFeel ? { endFeel: v.endFeel === 'none' ? null : v.endFeel } : {}),
        pain: numberFromText(v.pain) as number | null,
        note: v.note,
      },
    ];
  });
  const input = {
    patientId,
    date: values.date,
    therapistId: values.therapistId,
    setting: values.setting,
    symptoms: { ...values.symptoms, pain: numberFromText(values.symptoms.pain) as number | null },
    notes: values.notes,
    defaults: { instrument: values.defaults.instrument, endFeel: values.defaults.endFeel || null },
    measurements,
  };
  return { input, cellOf };
}

/** "measurements.3.degrees" → "cells.7.degrees"; fields of the visit keep their own path. */
export function formPathOf(path: string, cellOf: readonly number[]): string {
  const m = /^measurements\.(\d+)\.(\w+)$/.exec(path);
  if (m) {
    const cell = cellOf[Number(m[1])];
    return cell === undefined ? '_' : `cells.${cell}.${m[2]}`;
  }
  return path;
}

export function toFormFields(fields: Record<string, string>, cellOf: readonly number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) out[formPathOf(path, cellOf)] ??= message;
  return out;
}

/** Every path a message can be shown at, for applyServerErrors. */
export function knownPaths(grid: GridLayout): string[] {
  const header = ['date', 'therapistId', 'setting', 'notes', 'symptoms.pain', 'defaults.instrument', 'defaults.endFeel'];
  return [...header, ...grid.cells.flatMap((c) => ['degrees', ...CELL_DETAIL_FIELDS].map((f) => `cells.${c.index}.${f}`))];
}

/**
 * Validates with the back end's own schema (VisitInput, which checks each angle with validateDegrees),
 * plus the one rule it checks against the patient: no visit before birth, in the back end's words.
 */
export function visitResolver(patient: Patient, grid: GridLayout, formatDate: (d: string) => string): Resolver<VisitFormValues> {
  return (values) => {
    const { input, cellOf } = toVisitInput(values, patient.id, grid);
    const parsed = VisitInput.safeParse(input);
    const flat = parsed.success ? {} : toFormFields(fieldMessages(parsed.error), cellOf);
    if (!flat.date && values.date.trim() < patient.dateOfBirth) {
      flat.date = `The visit date is before the patient's date of birth (${formatDate(patient.dateOfBirth)}). Check the year.`;
    }
    grid.cells.forEach((cell) => {
      const v = values.cells[cell.index];
      // Each typed angle against its own motion's range, whatever else the schema found on that entry.
      if (v && v.degrees.trim() !== '') {
        const r = validateDegrees(cell.motion, numberFromText(v.degrees));
        if (!r.ok) flat[`cells.${cell.index}.degrees`] ??= r.message;
      }
      // Details typed for a box left empty would be lost without a word: ask for the angle instead.
      if (v && v.degrees.trim() === '' && cellHasDetails(v)) {
        flat[`cells.${cell.index}.degrees`] ??= 'Details are filled in but the angle is empty: enter the angle, or clear the details.';
      }
    });
    if (Object.keys(flat).length === 0) return { values, errors: {} };
    return { values: {}, errors: nestErrors<VisitFormValues>(flat) };
  };
}

// What the visit form holds (text as typed), how it becomes the 'visits.record' input, and how the
// shared schema's messages, ours or the back end's, find their way back to the box they concern.
import type { TFunction } from 'i18next';
import type { FieldValues, Resolver } from 'react-hook-form';
import { validateDegrees } from '../../../shared/domain/catalogue/measurement-value';
import type { Patient } from '../../../shared/domain/patient';
import type { Formatter } from '../../../shared/format';
import { MeasurementsAddition, VisitInput, type EndFeel, type Instrument, type Measurement, type VISIT_SETTINGS, type Visit } from '../../../shared/domain/visit';
import { numberFromText } from '../clinical/format';
import { nestErrors, translatedFieldMessages, translatedProblems } from '../forms/schema-form';
import type { MessageText } from '../i18n/use-message-text';
import { readDateBoxes, withDateProblems, type DateBoxes } from '../forms/typed-dates';
import type { GridCell, EntryGridLayout as GridLayout } from './grid-model';

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

/** The symptoms asked at each visit, in the form's order (their words: visit-words.ts). */
export const SYMPTOM_FIELDS = ['decreasedRange', 'swelling', 'redness', 'warmth', 'fever'] as const;

export const CELL_DETAIL_FIELDS = ['instrument', 'endFeel', 'pain', 'note'] as const;

/** The boxes for adding to a recorded visit: its date and setting, its defaults for the new readings. */
export function valuesToAdd(grid: GridLayout, therapistId: string, visit: Visit, date: string): VisitFormValues {
  return { ...initialValues(grid, therapistId, date), setting: visit.setting, defaults: { instrument: visit.instrument, endFeel: visit.endFeel ?? '' } };
}

/** The visit's reading of a cell's motion, side and mode, if it has one. */
export function readingIn(visit: Visit, cell: Pick<GridCell, 'motion' | 'side' | 'mode'>): Measurement | undefined {
  return visit.measurements.find((m) => m.motion === cell.motion && m.side === cell.side && m.mode === cell.mode);
}

export function emptyCell(): CellValues {
  return { degrees: '', instrument: '', endFeel: '', pain: '', note: '' };
}

/** A new visit's boxes; `date` is today as the clinic writes it. */
export function initialValues(grid: GridLayout, therapistId: string, date: string): VisitFormValues {
  return {
    date,
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
 * The typed boxes as measurements. Empty boxes are simply not measured; `cellOf[n]` is the grid cell that
 * measurement n came from, so "measurements.n.degrees" can be put back on that cell. `defaults`: details a box
 * leaves as the visit's are sent as these (when adding to a visit, whose own defaults the form shows).
 */
function toMeasurements(values: VisitFormValues, grid: GridLayout, defaults?: VisitFormValues['defaults']) {
  const cellOf: number[] = [];
  const measurements = grid.cells.flatMap((cell) => {
    const v = values.cells[cell.index];
    if (!v || v.degrees.trim() === '') return [];
    cellOf.push(cell.index);
    const instrument = v.instrument || defaults?.instrument;
    const endFeel = v.endFeel ? (v.endFeel === 'none' ? null : v.endFeel) : defaults ? defaults.endFeel || null : undefined;
    return [
      {
        motion: cell.motion,
        side: cell.side,
        mode: cell.mode,
        degrees: numberFromText(v.degrees),
        // Omitted, the back end applies the visit's defaults: the same rule the screen shows.
        ...(instrument ? { instrument } : {}),
        ...(endFeel !== undefined ? { endFeel } : {}),
        pain: numberFromText(v.pain) as number | null,
        note: v.note,
      },
    ];
  });
  return { measurements, cellOf };
}

/** The 'visits.record' input, and which cell each measurement came from. */
export function toVisitInput(values: VisitFormValues, patientId: string, grid: GridLayout): { input: VisitInput; cellOf: number[] } {
  const { measurements, cellOf } = toMeasurements(values, grid);
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

/** The 'visits.addMeasurements' input: the typed boxes for the visit `visitId`, measured by the chosen therapist. */
export function toAdditionInput(values: VisitFormValues, visitId: string, grid: GridLayout): { input: MeasurementsAddition; cellOf: number[] } {
  const { measurements, cellOf } = toMeasurements(values, grid, values.defaults);
  return { input: { visitId, raterId: values.therapistId, measurements }, cellOf };
}

/** "measurements.3.degrees" → "cells.7.degrees"; the rater is the therapist box; the visit's fields keep their path. */
export function formPathOf(path: string, cellOf: readonly number[]): string {
  const m = /^measurements\.(\d+)\.(\w+)$/.exec(path);
  if (m) {
    const cell = cellOf[Number(m[1])];
    return cell === undefined ? '_' : `cells.${cell}.${m[2]}`;
  }
  if (path === 'raterId') return 'therapistId';
  if (path === 'measurements') return '_';
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

/** A reading the visit being added to already has, and what its box says instead of taking a value. */
export function alreadyMeasured(m: Pick<Measurement, 'degrees'>, t: TFunction, format: Formatter): string {
  return t('visits.alreadyMeasured', { degrees: format.degrees(m.degrees) });
}

export interface ResolverContext {
  patient: Patient;
  grid: GridLayout;
  /** The screen's language and the clinic's formats, for the messages this check adds. */
  t: TFunction;
  /** Writes the shared schema's and the range check's message ids in the screen's language. */
  say: MessageText;
  format: Formatter;
  /** The visit date's box: typed in the clinic's format or ISO. */
  dates: DateBoxes;
  /** The visit these boxes are added to, when adding (then the visit's own fields are not checked). Read at each check. */
  target(): Visit | null;
  /** The target's current reading for a cell, if any. */
  recorded(cell: GridCell): Measurement | undefined;
}

/**
 * Validates with the back end's own schema (VisitInput, or MeasurementsAddition when adding to a visit; both check
 * each angle with validateDegrees), plus the rules it checks against the record: no visit before birth, no second
 * reading of what the visit already has, in the back end's words. The date reaches the submit handler as ISO.
 */
export function visitResolver(c: ResolverContext): Resolver<VisitFormValues> {
  const { patient, grid, t, format, say } = c;
  return (typed) => {
    const { values, problems, problemRefs } = readDateBoxes(typed, c.dates);
    const target = c.target();
    const mapped = target ? toAdditionInput(values, target.id, grid) : toVisitInput(values, patient.id, grid);
    const parsed = target ? MeasurementsAddition.safeParse(mapped.input) : VisitInput.safeParse(mapped.input);
    const flat = parsed.success ? {} : withDateProblems(toFormFields(translatedFieldMessages(parsed.error, say), mapped.cellOf), translatedProblems(problems, problemRefs, say));
    if (!target && !flat.date && values.date < patient.dateOfBirth) {
      flat.date = t('visits.beforeBirth', { date: format.date(patient.dateOfBirth) });
    }
    grid.cells.forEach((cell) => {
      const v = values.cells[cell.index];
      const has = target ? c.recorded(cell) : undefined;
      if (v && has && v.degrees.trim() !== '') flat[`cells.${cell.index}.degrees`] = alreadyMeasured(has, t, format);
    });
    grid.cells.forEach((cell) => {
      const v = values.cells[cell.index];
      // Each typed angle against its own motion's range, whatever else the schema found on that entry.
      if (v && v.degrees.trim() !== '') {
        const r = validateDegrees(cell.motion, numberFromText(v.degrees));
        if (!r.ok) flat[`cells.${cell.index}.degrees`] ??= say(r.ref);
      }
      // Details typed for a box left empty would be lost without a word: ask for the angle instead.
      if (v && v.degrees.trim() === '' && cellHasDetails(v)) {
        flat[`cells.${cell.index}.degrees`] ??= t('visits.detailsWithoutAngle');
      }
    });
    if (Object.keys(flat).length === 0) return { values, errors: {} };
    return { values: {}, errors: nestErrors<VisitFormValues>(flat) };
  };
}

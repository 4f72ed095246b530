import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { Formatter } from '../../../shared/format';
import type { Visit } from '../../../shared/domain/visit';
import type { EntryGridLayout } from './grid-model';
import { readingIn, SYMPTOM_FIELDS, type VisitFormValues } from './visit-form-model';
import type { VisitWords } from './visit-words';

export interface SameDay {
  /** The visit already recorded on the date typed, while the person has not said what to do with it. */
  asking: Visit | null;
  /** The visit the typed readings go into ('visits.addMeasurements'); null: a visit of their own. */
  target: Visit | null;
  /** The screen is the visit's own "Add measurements": there is no separate visit to go back to. */
  locked: boolean;
  add(): void;
  separate(): void;
}

/**
 * "A visit on that date already exists: add to it?" The question is about the visit recorded last on the date
 * typed (`date`, ISO; null while it is not a date); each visit's answer is kept, so going back to the date
 * does not ask again. `fixed`: the readings go into that visit, without a question.
 */
export function useSameDay(visits: readonly Visit[], date: string | null, fixed: Visit | null): SameDay {
  const [answers, setAnswers] = useState<ReadonlyMap<string, 'add' | 'separate'>>(new Map());
  // The file lists visits newest first, the later-recorded first on the same day.
  const onDate = fixed ?? (date ? (visits.find((v) => v.date === date) ?? null) : null);
  const answer = fixed ? 'add' : onDate ? answers.get(onDate.id) : undefined;
  const answerWith = (value: 'add' | 'separate') => () => {
    if (onDate && !fixed) setAnswers((prev) => new Map(prev).set(onDate.id, value));
  };
  return {
    asking: onDate && !answer ? onDate : null,
    target: onDate && answer === 'add' ? onDate : null,
    locked: fixed !== null,
    add: answerWith('add'),
    separate: answerWith('separate'),
  };
}

/** Boxes typed with a reading the visit `v` already has: adding them would be refused. */
export function clashesWith(v: Visit, grid: EntryGridLayout, cells: VisitFormValues['cells']) {
  return grid.cells.filter((c) => (cells[c.index]?.degrees.trim() ?? '') !== '' && readingIn(v, c));
}

/** What answering "add" would leave out or refuse, said with the question. */
export function caveatsFor(v: Visit, grid: EntryGridLayout, values: VisitFormValues, say: { t: TFunction; words: VisitWords; format: Formatter }): string[] {
  const { t, words, format } = say;
  const clashes = clashesWith(v, grid, values.cells);
  const facts = values.notes.trim() !== '' || values.symptoms.pain.trim() !== '' || SYMPTOM_FIELDS.some((k) => values.symptoms[k]);
  const item = (c: (typeof clashes)[number]) => {
    const reading = readingIn(v, c);
    return t('visits.sameDay.clashItem', { cell: words.readingLabel(c), degrees: reading ? format.degrees(reading.degrees) : '?' });
  };
  return [...(clashes.length ? [t('visits.sameDay.clashes', { list: clashes.map(item).join('; ') })] : []), ...(facts ? [t('visits.sameDay.facts')] : [])];
}

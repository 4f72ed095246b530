import { useMemo } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { dateInputHint, formatDate, type DateFormat } from '../../../shared/domain/dates';
import { useSession } from '../session/session-context';
import { Field } from './Field';
import type { DateBoxes } from './typed-dates';

/** The clinic's chosen date format: what date boxes show and read (ISO is always read too). */
export function useDateFormat(): DateFormat {
  return useSession().state.clinic?.dateFormat ?? 'D MMM YYYY';
}

/**
 * The date boxes of one form, for useMappedForm / useSchemaForm: each is read in the clinic's format or ISO and
 * reaches the contract as ISO. Also gives how a stored date is shown in a box, so it reads back the same way.
 */
export function useDateBoxes(...paths: string[]): DateBoxes & { shown(iso: string): string } {
  const format = useDateFormat();
  // A new list at every render; its text is what changes.
  const key = paths.join(' ');
  return useMemo(() => ({ format, paths: key.split(' '), shown: (iso: string) => (iso ? formatDate(iso, format) : '') }), [format, key]);
}

interface DateFieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  /** Said after how to write the date: "Empty while the course goes on." */
  note?: string;
  autoFocus?: boolean;
}

/** A date box with its label, the clinic's way of writing a date as its hint and placeholder, and its message. */
export function DateField({ label, registration, error, note, autoFocus }: DateFieldProps) {
  const format = useDateFormat();
  const how = dateInputHint(format);
  return (
    <Field label={label} hint={note ? `${how}. ${note}` : how} error={error}>
      {(a) => <input {...a} autoFocus={autoFocus} size={12} autoComplete="off" spellCheck={false} placeholder={format} {...registration} />}
    </Field>
  );
}

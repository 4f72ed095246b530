import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { formatDate, type DateFormat } from '../../../shared/domain/dates';
import { dateFormatRef, ISO_FORMAT_REF } from '../../../shared/i18n/date-format-words';
import { useDisplayLanguage } from '../i18n/use-language';
import { useMessageText } from '../i18n/use-message-text';
import { useFormatter, useSession } from '../session/session-context';
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
  // A month typed by name is read in the screen's language too ("3 mars 2026"), and shown in it.
  const language = useDisplayLanguage();
  // A new list at every render; its text is what changes.
  const key = paths.join(' ');
  return useMemo(
    () => ({ format, language, paths: key.split(' '), shown: (iso: string) => (iso ? formatDate(iso, format, language) : '') }),
    [format, language, key],
  );
}

/** The clinic's format in the screen's letters, as a date box's placeholder: "JJ/MM/AAAA" in French. */
export function useDatePattern(): string {
  const say = useMessageText();
  return say(dateFormatRef(useDateFormat()));
}

/**
 * How to write a date in the clinic's format, in the screen's language: "DD/MM/YYYY or YYYY-MM-DD, for example
 * 14/03/2026", in French "JJ/MM/AAAA ou AAAA-MM-JJ, par exemple 14/03/2026"; with "D MMM YYYY" the example's
 * month is in the screen's language ("14 mars 2026").
 */
export function useDateHint(): string {
  const { t } = useTranslation();
  const say = useMessageText();
  const format = useDateFormat();
  const example = useFormatter().date('2026-03-14');
  const iso = say(ISO_FORMAT_REF);
  return format === 'YYYY-MM-DD' ? t('forms.dateHintIso', { iso, example }) : t('forms.dateHint', { format: say(dateFormatRef(format)), iso, example });
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
  const pattern = useDatePattern();
  const how = useDateHint();
  return (
    <Field label={label} hint={note ? `${how}. ${note}` : how} error={error}>
      {(a) => <input {...a} autoFocus={autoFocus} size={12} autoComplete="off" spellCheck={false} placeholder={pattern} {...registration} />}
    </Field>
  );
}

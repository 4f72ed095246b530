// How the clinic's date format reads in a hint or a message: its letters in the person's language ("JJ/MM/AAAA"
// in French, "DD/MM/AAAA" in Spanish and Portuguese), so the pattern a box asks for is written in words the
// person knows. The dates themselves are formatted and read by shared/domain/dates.ts, in every language alike.
import type { DateFormat } from '../domain/dates';
import { message, type MessageRef } from './message';

const FORMAT_WORDS: Readonly<Record<DateFormat, MessageRef>> = {
  'D MMM YYYY': message('catalogue.dateFormat.dayMonthName'),
  'DD/MM/YYYY': message('catalogue.dateFormat.dayMonthYear'),
  'MM/DD/YYYY': message('catalogue.dateFormat.monthDayYear'),
  'YYYY-MM-DD': message('catalogue.dateFormat.iso'),
};

/** The clinic's format as a message: "DD/MM/YYYY" in English, "JJ/MM/AAAA" in French. */
export function dateFormatRef(format: DateFormat): MessageRef {
  return FORMAT_WORDS[format];
}

/** ISO, which every date box reads whatever the clinic's format: "YYYY-MM-DD", "AAAA-MM-JJ". */
export const ISO_FORMAT_REF: MessageRef = FORMAT_WORDS['YYYY-MM-DD'];

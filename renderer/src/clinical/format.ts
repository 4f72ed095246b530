// Clinical records on screen: instants as the clinic reads dates plus a local time, and numbers typed into boxes.
// Words (sides, joints, people's names) come from renderer/src/i18n/catalogue-words.ts, in the screen's language.
import { useFormatter } from '../session/session-context';

/** A recorded instant as "4 Mar 2026, 14:05" (in the clinic's date format) in the workstation's time zone. */
export function useFormatInstant(): (iso: string) => string {
  return useFormatter().instant;
}

/**
 * Text typed into a number box, as the shared schemas expect it. Empty is null (not measured or not
 * given); a well-formed number becomes a number; anything else is passed on as text so the schema
 * refuses it with its own message ("enter it as a number"), the same one the back end would give.
 */
export function numberFromText(text: string): number | string | null {
  const t = text.trim().replace(/\u2212/g, '-');
  if (t === '') return null;
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : t;
}

/** Back from a stored number to the text a box shows. */
export function textFromNumber(n: number | null): string {
  return n === null ? '' : String(n);
}

// A new PIN or password is typed twice (it is never shown, so a slip would lock the person out of their own
// account). The second box is the form's own: the operation takes the credential once, checked by the shared
// rule (shared/domain/account.ts), and the form drops "again" before calling it.
import { z } from 'zod';

/**
 * The mismatch's mark in the form's errors, not its words: the schema is built once, outside any screen, so
 * NewCredentialFields puts the message ('session.mismatch') in the screen's language where it shows.
 */
export const MISMATCH = 'credential-form.mismatch';

/** The box "again" a form adds to its schema: `Input.extend(AGAIN).refine(sameTwice('credential'), AGAIN_ISSUE)`. */
export const AGAIN = { again: z.string() };

/** True when the box "again" repeats `field`. */
export function sameTwice<F extends string>(field: F): (values: Record<F, string> & { again: string }) => boolean {
  return (values) => values[field] === values.again;
}

// `when`: said as soon as both boxes are typed, not only once every other box of the form is right.
export const AGAIN_ISSUE = { path: ['again'], message: MISMATCH, when: () => true };

/** The operation's input: the form's values without the repeated box. */
export function withoutAgain<T extends { again: string }>(values: T): Omit<T, 'again'> {
  const { again: _again, ...rest } = values;
  return rest;
}

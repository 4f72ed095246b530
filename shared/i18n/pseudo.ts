// The pseudo-locale: English with every letter swapped for an accented look-alike, 40 % longer, in brackets.
// Still readable, so a test's screenshots can be checked by eye; but no ASCII letter survives, so any plain
// English on a pseudo screen was written inline, not translated, and the e2e pass (tests/e2e/pseudo-locale)
// finds it. The added length shows where a French or Portuguese label would overflow.

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'àƀçđéƒĝĥíĵķĺɱñóƥʠŕšŧúṽŵẋýžÀƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤɊŔŠŦÚṼŴẊÝŽ'][i]!]),
);

/** The marks around every pseudo text; tests look for them. */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** Letters only: digits, punctuation and spaces stay, so a date or a number reads as it would. */
export function accentLetters(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c);
}

// Placeholders ({{count}}) and component tags (<0>, </1>) are i18next's syntax and must come through untouched.
const SYNTAX = /(\{\{[^}]+\}\}|<\/?\d+>)/;

/** One message in the pseudo-locale: accented, padded by 40 % of its length (tildes), bracketed. */
export function pseudoLocalize(message: string): string {
  const accented = message
    .split(SYNTAX)
    .map((part, i) => (i % 2 === 1 ? part : accentLetters(part)))
    .join('');
  const visible = message.replace(new RegExp(SYNTAX.source, 'g'), '').length;
  // The padding breaks like words do (a zero-width space every 8 tildes): one unbreakable run of a long message's
  // tildes would stick out of any box, which no real translation does, and hide the overflows that matter.
  const padding = '~'.repeat(Math.ceil(visible * 0.4)).replace(/~{8}(?=~)/g, '$&\u200b');
  return `${PSEUDO_OPEN}${accented}${padding}${PSEUDO_CLOSE}`;
}

export function pseudoMessages(source: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).map(([key, text]) => [key, pseudoLocalize(text)]));
}

// The interface languages. English is the source every other language is translated from; a key missing in a
// translation is a failed test (tests/unit/i18n-keys.test.ts), never a silent fallback to English.

export const LANGUAGES = ['en', 'fr', 'es', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, so a person finds their own in the list whatever the screen's language. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', fr: 'Français', es: 'Español', pt: 'Português' };

/**
 * Accented, 40 % longer, bracketed English (shared/i18n/pseudo.ts): never offered to a clinic. Tests switch to it
 * to see, on the real screens, any text that did not come through a translation, and whether longer text fits.
 */
export const PSEUDO_LANGUAGE = 'pseudo';
export type DisplayLanguage = Language | typeof PSEUDO_LANGUAGE;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isDisplayLanguage(value: unknown): value is DisplayLanguage {
  return value === PSEUDO_LANGUAGE || isLanguage(value);
}

/**
 * The locale Intl formats with. English is en-US for its three-letter month abbreviations ("Sep", where en-GB now
 * writes "Sept"); the clinic's date format, not the locale, decides the order of day, month and year.
 */
export function intlLocale(language: DisplayLanguage): string {
  return language === 'en' || language === PSEUDO_LANGUAGE ? 'en-US' : language;
}

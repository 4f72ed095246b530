import { isLanguage, type Language } from '../../../shared/i18n';

/**
 * The language of the screens shown before the database is open (the update screen): the clinic's language is in
 * the database, so it is the browser's (or, in the desktop app, the computer's) first language ROMtrack has, else
 * English.
 */
export function startLanguage(preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

import { PSEUDO_LANGUAGE, isDisplayLanguage, type DisplayLanguage } from '../../../shared/i18n';

// A language forced on this browser only, above the clinic's choice: the tests' pseudo-locale, or a translator
// checking a language without changing the clinic's setting. Set in localStorage (the e2e specs do it before the
// page loads); anything else stored there is ignored.
export const LANGUAGE_OVERRIDE_KEY = 'romtrack.language';
export const DISPLAY_LANGUAGES_FOR_TESTS = [PSEUDO_LANGUAGE] as const;

export function languageOverride(): DisplayLanguage | null {
  try {
    const value = window.localStorage.getItem(LANGUAGE_OVERRIDE_KEY);
    return isDisplayLanguage(value) ? value : null;
  } catch {
    // Storage refused (a locked-down browser profile): the clinic's language applies.
    return null;
  }
}

import { useLayoutEffect } from 'react';
import type { Language } from '../../../shared/i18n';
import { i18next } from './i18n';
import { languageOverride } from './language-override';

/**
 * Puts the screens in the signed-in person's language as the session says it (their own choice, else the clinic's
 * from Settings), or in this browser's override (tests, translators). A layout effect, so the first frame after
 * the session arrives is already in that language.
 */
export function useClinicLanguage(language: Language | undefined): void {
  useLayoutEffect(() => {
    const wanted = languageOverride() ?? language ?? 'en';
    if (i18next.language !== wanted) void i18next.changeLanguage(wanted);
  }, [language]);
}

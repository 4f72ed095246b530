import { useEffect, useLayoutEffect, useState } from 'react';
import type { DisplayLanguage, Language } from '../../../shared/i18n';
import { i18next, languageLoaded, loadLanguage } from './i18n';
import { languageOverride } from './language-override';

/**
 * Puts the screens in the signed-in person's language as the session says it (their own choice, else the clinic's
 * from Settings), or in this browser's override (tests, translators). A layout effect, so the first frame after
 * the session arrives is already in that language. Languages other than English load as they are needed
 * (i18n.ts): true once the session's language is shown, so the app's first screen never flashes in English. A
 * later change keeps the screens as they are until the new language has loaded.
 */
export function useClinicLanguage(language: Language | undefined, sessionKnown: boolean): boolean {
  const wanted = languageOverride() ?? language ?? 'en';
  const [settled, setSettled] = useState(false);
  useLayoutEffect(() => {
    let live = true;
    const apply = () => {
      if (!live) return;
      if (i18next.language !== wanted) void i18next.changeLanguage(wanted);
      if (sessionKnown) setSettled(true);
    };
    if (languageLoaded(wanted)) apply();
    // A language that would not load (the server stopped): English, the fallback, rather than no screen at all.
    else
      loadLanguage(wanted).then(apply, () => {
        if (live && sessionKnown) setSettled(true);
      });
    return () => {
      live = false;
    };
  }, [wanted, sessionKnown]);
  return settled;
}

/** Whether a document's language is here to write in; starts loading it if not (a failed load writes English). */
export function useLanguageLoaded(language: DisplayLanguage): boolean {
  const [settled, setSettled] = useState<DisplayLanguage | null>(null);
  useEffect(() => {
    if (languageLoaded(language)) return;
    let live = true;
    const done = () => live && setSettled(language);
    loadLanguage(language).then(done, done);
    return () => {
      live = false;
    };
  }, [language]);
  return languageLoaded(language) || settled === language;
}

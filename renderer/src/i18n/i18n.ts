// The one i18next instance. Every language is bundled (shared/i18n), so nothing loads over the network and the
// first frame is already in the right language. English is the source; a missing key is a failed test
// (tests/unit/i18n-keys.test.ts), so the fallback to English is a safety net, never the plan.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DISPLAY_LANGUAGES_FOR_TESTS, languageOverride } from './language-override';
import { LANGUAGES, messagesFor } from '../../../shared/i18n';
import './i18next-types';

// The pseudo-locale is made from every English message (tens of milliseconds at each start on a clinic PC), and
// is only ever shown to a browser already set to it (document-language.tsx), so only that browser makes it.
const forced = languageOverride();
const testLanguages = DISPLAY_LANGUAGES_FOR_TESTS.filter((lng) => lng === forced);
const resources = Object.fromEntries([...LANGUAGES, ...testLanguages].map((lng) => [lng, { translation: messagesFor(lng) }]));

void i18next.use(initReactI18next).init({
  resources,
  lng: forced ?? 'en',
  fallbackLng: 'en',
  // Keys are flat and dotted ("patients.heading"): the dots are part of the key, not a path.
  keySeparator: false,
  nsSeparator: false,
  // React escapes what it renders; escaping here too would show "&amp;" in a patient's name.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  react: { useSuspense: false },
});

// The page says which language it is in, so a screen reader reads French with a French voice, and the browser
// hyphenates and spell-checks in it. The pseudo-locale is English underneath.
// Unit tests load the screens' modules in Node, where there is no page to mark.
function markPageLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language === 'pseudo' ? 'en' : language;
}
markPageLanguage(i18next.language);
i18next.on('languageChanged', markPageLanguage);

export { i18next };

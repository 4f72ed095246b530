// The one i18next instance. English is in the start script: the source every other language is translated from,
// the fallback, and the text of the back end's English messages. Each other language is a chunk of its own
// (about 190 KB of script each), loaded from this app's own files (never over the network beyond them) when the
// session, this browser's override or a printed document asks for it: every start used to parse all four
// (issue 21). A missing key is a failed test (tests/unit/i18n-keys.test.ts), so the fallback is a safety net.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageOverride } from './language-override';
import { isLanguage, LANGUAGES, type DisplayLanguage, type Language } from '../../../shared/i18n/languages';
import type { Messages } from '../../../shared/i18n/keys';
import { en } from '../../../shared/i18n/messages/en';
import { pseudoMessages } from '../../../shared/i18n/pseudo';
import './i18next-types';

const CHUNKS: Readonly<Record<Exclude<Language, 'en'>, () => Promise<Messages>>> = {
  fr: () => import('../../../shared/i18n/messages/fr').then((m) => m.fr),
  es: () => import('../../../shared/i18n/messages/es').then((m) => m.es),
  pt: () => import('../../../shared/i18n/messages/pt').then((m) => m.pt),
};

// The pseudo-locale is made from every English message (tens of milliseconds on a clinic PC), and is only ever
// shown to a browser already set to it (document-language.tsx), so only that browser makes it.
const forced = languageOverride();

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ...(forced === 'pseudo' ? { pseudo: { translation: pseudoMessages(en) } } : {}) },
  lng: forced === 'pseudo' ? 'pseudo' : 'en',
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

/** Whether a language's messages are here, so a screen or a document can be written in it now. */
export function languageLoaded(language: DisplayLanguage): boolean {
  return i18next.hasResourceBundle(language, 'translation');
}

const loading = new Map<DisplayLanguage, Promise<void>>();

/** Loads a language's messages once (a failed load may be tried again); resolves at once for one already here. */
export function loadLanguage(language: DisplayLanguage): Promise<void> {
  if (languageLoaded(language)) return Promise.resolve();
  const pending = loading.get(language);
  if (pending) return pending;
  const messages = language === 'pseudo' ? Promise.resolve(pseudoMessages(en)) : language === 'en' ? Promise.resolve(en) : CHUNKS[language]();
  const loaded = messages.then((m) => {
    i18next.addResourceBundle(language, 'translation', m);
  });
  loading.set(language, loaded);
  loaded.catch(() => loading.delete(language));
  return loaded;
}

/** Every interface language: for the screens whose documents may be in any of them (report, referral letter). */
export function loadEveryLanguage(): Promise<void> {
  return Promise.all(LANGUAGES.map(loadLanguage)).then(() => undefined);
}

// The language this browser showed last, remembered only to start loading it while the session is asked for
// (the session decides the language; this only saves waiting for the two one after the other).
const LAST_LANGUAGE_KEY = 'romtrack.lastLanguage';

function remember(language: string): void {
  try {
    window.localStorage.setItem(LAST_LANGUAGE_KEY, language);
  } catch {
    // Storage refused: the next start loads the language after the session instead of with it.
  }
}

function lastLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(LAST_LANGUAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

// The page says which language it is in, so a screen reader reads French with a French voice, and the browser
// hyphenates and spell-checks in it. The pseudo-locale is English underneath.
// Unit tests load the screens' modules in Node, where there is no page to mark.
function markPageLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language === 'pseudo' ? 'en' : language;
}
if (typeof document !== 'undefined') {
  const expected = forced ?? lastLanguage();
  if (expected) void loadLanguage(expected).catch(() => undefined);
}
markPageLanguage(i18next.language);
i18next.on('languageChanged', (language) => {
  markPageLanguage(language);
  if (typeof document !== 'undefined') remember(language);
});

export { i18next };

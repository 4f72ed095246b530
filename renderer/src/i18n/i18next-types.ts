// Typed keys for react-i18next's t() and <Trans i18nKey>: a key missing from the English source does not compile.
import type { en } from '../../../shared/i18n/messages/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    keySeparator: false;
    nsSeparator: false;
  }
}

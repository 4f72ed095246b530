import { useTranslation } from 'react-i18next';
import { isDisplayLanguage, type DisplayLanguage } from '../../../shared/i18n';

/** The language the screen is in now; re-renders the caller when it changes. */
export function useDisplayLanguage(): DisplayLanguage {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isDisplayLanguage(language) ? language : 'en';
}

// Messages sent as ids (shared/i18n/message.ts), written in the screen's language with the clinic's date format:
// the back end's field messages and refusals, the worklist's reasons.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { writeMessage, type MessageRef } from '../../../shared/i18n/message';
import { intlLocale, isDisplayLanguage } from '../../../shared/i18n';
import { useFormatter } from '../session/session-context';

export type MessageText = (ref: MessageRef) => string;

export function useMessageText(): MessageText {
  const { t, i18n } = useTranslation();
  const format = useFormatter();
  const language = isDisplayLanguage(i18n.language) ? i18n.language : 'en';
  // i18next's key types take one key at a time, not a union of every key: the id goes as a string with itself as
  // the default. The compiler checked it where the message was made, and the key test that every language has it.
  const translate = useCallback((id: string, values: Record<string, string | number>) => t(id, { ...values, defaultValue: id }), [t]);
  return useCallback((ref: MessageRef) => writeMessage(ref, { translate, format, locale: intlLocale(language) }), [translate, format, language]);
}

// Every language's messages, bundled: the renderer imports them (no loading over the network), and the back end
// may later send these same keys as its message ids.
import type { DisplayLanguage, Language } from './languages';
import type { Messages } from './keys';
import { en } from './messages/en';
import { es } from './messages/es';
import { fr } from './messages/fr';
import { pt } from './messages/pt';
import { pseudoMessages } from './pseudo';

export const MESSAGES: Readonly<Record<Language, Messages>> = { en, fr, es, pt };

/** Each display language's messages as i18next reads them (plain strings by key), pseudo made from English. */
export function messagesFor(language: DisplayLanguage): Readonly<Record<string, string>> {
  return language === 'pseudo' ? pseudoMessages(en) : MESSAGES[language];
}

export * from './languages';
export type { MessageKey, Messages } from './keys';

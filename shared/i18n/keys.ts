// The key types, all from the English source: a key the code asks for must exist in English (the compiler says
// so), and every translation must have each English key and no other (this type, then the completeness test for
// each language's own plural categories).
import type { en } from './messages/en';

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

type SourceKey = keyof typeof en;
/** "patients.noun" for "patients.noun_one" and "patients.noun_other". */
type PluralBase<K> = K extends `${infer B}_${'one' | 'other'}` ? B : never;
type Plural = PluralBase<SourceKey>;
type Singular = Exclude<SourceKey, `${Plural}_${PluralCategory}`>;

/** What a key in the code may be: a plain key, or a plural key's base (i18next adds _one, _other from count). */
export type MessageKey = Singular | Plural;

/**
 * One language's messages: every plain key, and for every plural key at least "one" and "other" plus whichever of
 * the other categories the language has (French, Spanish and Portuguese: "many", for a million and more).
 */
export type Messages = { readonly [K in Singular]: string } & { readonly [K in `${Plural}_${'one' | 'other'}`]: string } & {
  readonly [K in `${Plural}_${'zero' | 'two' | 'few' | 'many'}`]?: string;
};

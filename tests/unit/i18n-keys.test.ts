import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPDATE_STEPS } from '../../shared/api/operations/app';
import { PATIENT_STATUSES } from '../../shared/api/operations/worklist';
import { JOINTS, MODES, MOTIONS, SIDES } from '../../shared/domain/catalogue';
import { SEXES } from '../../shared/domain/patient';
import { LANGUAGES, MESSAGES, messagesFor } from '../../shared/i18n';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../shared/i18n/pseudo';
import { REASON_CODES } from '../../shared/worklist/types';
import { BADGE_NAMES } from '../../renderer/src/clinical/VerdictBadge';

// The check that cannot be fooled: the keys the code asks for, read from the source itself, against every
// language's messages. A key used and missing anywhere fails; a key no code uses fails; a plural key must carry
// exactly the plural categories Intl gives for its language; each translation keeps English's placeholders.
const ROOT = join(__dirname, '..', '..');
const SCANNED = ['renderer/src', 'shared', 'electron'];
const NOT_SCANNED = new Set(['shared/i18n/messages']);

/**
 * A key built from a value (t(`joint.${joint}`)) stands for one key per value the code can pass: the list each
 * prefix draws from. A template whose prefix is not here fails the test, so no key escapes the check.
 */
const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  'joint.': JOINTS,
  'update.step.': UPDATE_STEPS,
  'motion.': MOTIONS,
  'side.': SIDES,
  'mode.': MODES,
  'sex.': SEXES,
  'reason.': REASON_CODES,
  'patientStatus.': PATIENT_STATUSES,
  'verdict.': BADGE_NAMES,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (NOT_SCANNED.has(path)) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Usage {
  plain: Map<string, string>;
  templates: Map<string, string>;
}

function usedKeys(): Usage {
  const plain = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const file of SCANNED.flatMap(sourceFiles)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    // t('key') in the screens; message('key') where shared code sends a message as an id (shared/i18n/message.ts).
    for (const m of text.matchAll(/\b(?:t|message)\(\s*(['"])([^'"]+)\1/g)) plain.set(m[2]!, file);
    for (const m of text.matchAll(/\bi18nKey=(?:\{\s*)?(['"])([^'"]+)\1/g)) plain.set(m[2]!, file);
    for (const m of text.matchAll(/\b(?:t|message)\(\s*`([^`$]*)\$\{[^}]*\}([^`]*)`/g)) templates.set(`${m[1]}\u0000${m[2]}`, file);
  }
  return { plain, templates };
}

function expandedKeys({ plain, templates }: Usage): Map<string, string> {
  const keys = new Map(plain);
  for (const [template, file] of templates) {
    const [prefix = '', suffix = ''] = template.split('\u0000');
    const values = FAMILIES[prefix];
    if (!values || suffix !== '') throw new Error(`${file}: t(\`${prefix}\${…}${suffix}\`) builds a key from a value; add the values it can take to FAMILIES in ${relative(ROOT, __filename)}.`);
    for (const v of values) keys.set(`${prefix}${v}`, file);
  }
  return keys;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The key the code asks for: "patients.noun" for "patients.noun_many". */
function baseOf(key: string, messages: Readonly<Record<string, string>>): string {
  return PLURAL_SUFFIX.test(key) && !(key in messages && !PLURAL_SUFFIX.test(key)) ? key.replace(PLURAL_SUFFIX, '') : key;
}

const used = expandedKeys(usedKeys());

describe('every key the code uses is in every language, and no language has others', () => {
  it('finds the keys in the source (the scan itself works)', () => {
    expect(used.get('patients.heading')).toBe('renderer/src/patients/PatientList.tsx');
    expect(used.get('patients.searchHint')).toBe('renderer/src/patients/PatientList.tsx');
    // Only a template (t(`motion.${…}`)) names it, in several files now (catalogue words, plan words, series names).
    expect(used.has('motion.ulnar_deviation')).toBe(true);
    expect(used.has('patients.noun')).toBe(true);
  });

  for (const language of LANGUAGES) {
    describe(language, () => {
      const messages: Readonly<Record<string, string>> = MESSAGES[language];
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

      it('has every key the code uses, a plural key in each of its plural categories', () => {
        const problems: string[] = [];
        for (const [key, file] of used) {
          if (key in messages) continue;
          const forms = Object.keys(messages).filter((k) => k.startsWith(`${key}_`) && PLURAL_SUFFIX.test(k));
          if (forms.length === 0) problems.push(`${key} (used in ${file}) is missing`);
          else {
            const have = forms.map((k) => k.slice(key.length + 1)).sort();
            if (have.join() !== [...categories].sort().join()) problems.push(`${key} has ${have.join(', ')}; ${language} needs ${[...categories].sort().join(', ')}`);
          }
        }
        expect(problems).toEqual([]);
      });

      it('has no key the code does not use', () => {
        const unused = Object.keys(messages).filter((key) => !used.has(baseOf(key, messages)));
        expect(unused).toEqual([]);
      });

      it('keeps the English placeholders and tags, and leaves nothing empty', () => {
        const marks = (text: string) => [...text.matchAll(/\{\{[^}]+\}\}|<\/?\d+>/g)].map((m) => m[0]).sort();
        const en: Readonly<Record<string, string>> = MESSAGES.en;
        const problems: string[] = [];
        for (const [key, text] of Object.entries(messages)) {
          const source = en[key] ?? en[`${baseOf(key, messages)}_other`] ?? '';
          if (text.trim() === '') problems.push(`${key} is empty`);
          // A singular form may say "one" instead of {{count}}; every other form keeps English's marks.
          const expected = marks(source).filter((m) => !(key.endsWith('_one') && m === '{{count}}'));
          const got = marks(text).filter((m) => !(key.endsWith('_one') && m === '{{count}}'));
          if (got.join() !== expected.join()) problems.push(`${key}: ${got.join(' ')} instead of ${expected.join(' ')}`);
        }
        expect(problems).toEqual([]);
      });
    });
  }

  it('makes the pseudo-locale from every English message, without an ASCII letter left outside placeholders', () => {
    const pseudo = messagesFor('pseudo');
    const en: Readonly<Record<string, string>> = MESSAGES.en;
    const visible = (text: string) => text.replace(/\{\{[^}]+\}\}|<\/?\d+>/g, '');
    expect(Object.keys(pseudo).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(pseudo)) {
      expect(text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE), key).toBe(true);
      expect(visible(text), key).not.toMatch(/[A-Za-z]/);
      // 40 % longer than the English, brackets aside: the length French or Portuguese may need.
      expect(visible(text).length - 2, key).toBeGreaterThanOrEqual(Math.ceil(visible(en[key] ?? '').length * 1.4));
    }
  });
});

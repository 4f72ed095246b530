import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { patientBundle } from '../../shared/exchange/bundle';
import { bulkPatients } from '../../shared/exchange/bulk-read';
import { SYSTEM } from '../../shared/exchange/codes';
import { readBundle } from '../../shared/exchange/read-bundle';
import { problemsParam, type Problem } from '../../shared/exchange/read-problems';
import { createFormatter } from '../../shared/format';
import { intlLocale, messagesFor, type Language } from '../../shared/i18n';
import { englishText, message, writeMessage, type MessageRef } from '../../shared/i18n/message';
import { measurement, P, source } from '../support/exchange-fixtures';

// Issue 20: what is wrong with an import file travels as message ids, so a refused file's problems read in the
// person's language; the English text for API callers is written from the same ids.

function writer(language: Language) {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { [language]: { translation: messagesFor(language) } }, lng: language, keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false }, initAsync: false });
  const format = createFormatter({ dateFormat: 'DD/MM/YYYY', language, timeZone: 'UTC' });
  return (ref: MessageRef) => writeMessage(ref, { translate: (id: string, values) => i18n.t(id, { ...values, defaultValue: id }), format, locale: intlLocale(language) });
}
const fr = writer('fr');

// Words of English sentences; FHIR's own names (Bundle, Encounter, period.start, finished…) may stay in any language.
const ENGLISH = /\b(the|is|not|must|has|no|missing|does|match|Entry|Line|file|and|of|with|knows|recorded|therapist|measurement|side|goal|visit|name|it)\b/;

function problemsOf(bundle: unknown): Problem[] {
  const r = readBundle(typeof bundle === 'string' ? bundle : JSON.stringify(bundle));
  if (r.ok) throw new Error('accepted');
  return r.problems;
}

/** Each problem in French: none may keep an English word, and none may be an id left unwritten. */
function inFrench(problems: readonly Problem[]): string[] {
  const texts = problems.map(fr);
  for (const text of texts) {
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toMatch(/exchange\.|domain\.|errors\./);
  }
  return texts;
}

const good = (): Bundle => patientBundle(source(measurement()));
const indexOf = (b: Bundle, type: string) => b.entry!.findIndex((e) => e.resource?.resourceType === type);
const U = (n: number) => `${String(n).repeat(8)}-${String(n).repeat(4)}-4${String(n).repeat(3)}-8${String(n).repeat(3)}-${String(n).repeat(12)}`;
/** A bare entry with ROMtrack's record identifier, of this Bundle's patient: what the readers check next. */
function entry(n: number, resource: Record<string, unknown>): BundleEntry {
  const id = U(n);
  return JSON.parse(JSON.stringify({ fullUrl: `urn:uuid:${id}`, resource: { identifier: [{ system: SYSTEM.record, value: id }], subject: { reference: `urn:uuid:${P}` }, ...resource } }));
}

describe('an import file refused in French (read-bundle.ts)', () => {
  it('text that is not JSON, and JSON that is not a transaction Bundle', () => {
    expect(inFrench(problemsOf('date,degrees\n'))).toEqual([expect.stringMatching(/^Le fichier n’est pas du JSON/)]);
    expect(inFrench(problemsOf({ ...good(), type: 'collection' }))).toEqual([expect.stringMatching(/^Le fichier n’est pas un Bundle FHIR/)]);
  });

  it('a Bundle of two patients, named with the count', () => {
    const b = good();
    b.entry!.push({ ...b.entry![indexOf(b, 'Patient')]!, fullUrl: `urn:uuid:${U(8)}` });
    expect(inFrench(problemsOf(b))).toEqual(['Le Bundle doit contenir un seul patient ; il en contient 2. Importez un fichier de clinique patient par patient.']);
  });
});

describe('each reader says its problems in French, naming the entry', () => {
  it('read-visits.ts: a visit without a date or a known class, a reading out of range', () => {
    const b = good();
    const i = indexOf(b, 'Encounter');
    const enc = b.entry![i]!.resource!;
    if (enc.resourceType !== 'Encounter') throw new Error('no visit');
    delete enc.period;
    enc.class = { code: 'XX' };
    enc.type = [];
    const o = b.entry!.findIndex((e) => e.resource?.resourceType === 'Observation' && e.resource.valueQuantity);
    const obs = b.entry![o]!.resource!;
    if (obs.resourceType !== 'Observation') throw new Error('no measurement');
    obs.valueQuantity = { value: 500, code: 'deg', system: 'http://unitsofmeasure.org' };
    const problems = problemsOf(b);
    const texts = inFrench(problems);
    expect(texts).toContain(`Entrée ${i + 1} (Encounter) : la visite n’a pas de date (period.start, AAAA-MM-JJ).`);
    expect(texts).toContain(`Entrée ${i + 1} (Encounter) : la classe de la visite n’est pas l’une de celles que ROMtrack écrit (AMB, IMP ou HH).`);
    // The catalogue's own rule, lower-cased after the entry, in French.
    expect(texts).toContainEqual(expect.stringMatching(new RegExp(`^Entrée ${o + 1} \\(Observation\\) : .*500 est en dehors\\.$`)));
    // The English text for API callers, from the same ids.
    expect(problems.map((p) => englishText(p))).toContain(`Entry ${i + 1} (Encounter): the visit has no date (period.start, YYYY-MM-DD).`);
  });

  it('read-people.ts: a patient without a family name or a known gender', () => {
    const b = good();
    const i = indexOf(b, 'Patient');
    const patient = b.entry![i]!.resource!;
    if (patient.resourceType !== 'Patient') throw new Error('no patient');
    patient.name = [{ given: ['Ama'] }];
    delete patient.gender;
    const texts = inFrench(problemsOf(b));
    expect(texts).toContain(`Entrée ${i + 1} (Patient) : le patient n’a pas de nom de famille.`);
    expect(texts).toContainEqual(expect.stringMatching(/^Entrée \d+ \(Patient\) : le sexe \(gender\) doit être l’un de : /));
  });

  it('read-entry.ts and read-records.ts: a watched site without its time, author status or joint', () => {
    const b = good();
    b.entry!.push(entry(7, { resourceType: 'Condition', code: { coding: [{ system: SYSTEM.condition, code: 'heterotopic-ossification' }] }, recorder: { reference: `urn:uuid:${U(9)}` } }));
    const n = b.entry!.length;
    const texts = inFrench(problemsOf(b));
    expect(texts).toContain(`Entrée ${n} (Condition) : la personne qui l’a saisi ne figure pas dans le Bundle.`);
    expect(texts).toContain(`Entrée ${n} (Condition) : l’heure de saisie manque.`);
    expect(texts).toContain(`Entrée ${n} (Condition) : le statut ROMtrack du site surveillé manque.`);
    // The site's own schema (the rules the form uses) says what else is wrong, in French too.
    expect(texts.filter((t) => t.startsWith(`Entrée ${n} (Condition)`)).length).toBeGreaterThan(3);
  });

  it('read-plans.ts: a plan version without its identifier, title or first day', () => {
    const b = good();
    b.entry!.push(entry(7, { resourceType: 'CarePlan', status: 'active', intent: 'plan' }));
    const n = b.entry!.length;
    const texts = inFrench(problemsOf(b));
    expect(texts).toContain(`Entrée ${n} (CarePlan) : le plan n’a pas de titre.`);
    expect(texts).toContain(`Entrée ${n} (CarePlan) : le premier jour du plan (period.start) manque.`);
    expect(texts).toContainEqual(expect.stringMatching(new RegExp(`^Entrée ${n} \\(CarePlan\\) : l’identifiant du plan \\(.+\\) manque\\.$`)));
  });

  it('read-plans.ts: a goal without a side, a date or a plan', () => {
    const b = good();
    b.entry!.push(entry(7, { resourceType: 'Goal', lifecycleStatus: 'active', startDate: '2025-03-01', target: [{ measure: { coding: [{ system: SYSTEM.motion, code: 'knee.extension.active' }] }, detailQuantity: { value: 10.5 } }] }));
    const n = b.entry!.length;
    const texts = inFrench(problemsOf(b));
    expect(texts).toContain(`Entrée ${n} (Goal) : le côté de l’objectif manque.`);
    expect(texts).toContain(`Entrée ${n} (Goal) : la cible de l’objectif doit être un nombre entier de degrés.`);
    expect(texts).toContain(`Entrée ${n} (Goal) : l’objectif ne nomme aucun plan.`);
  });

  it('bulk-read.ts: a clinic file line that is not JSON, or comes before any patient', () => {
    const problems: Problem[] = [];
    expect([...bulkPatients(['{"resourceType":"Organization","id":"o"}', 'not json'], problems)]).toEqual([]);
    expect(inFrench(problems)).toEqual(['La ligne 2 n’est pas du JSON : ce n’est pas un fichier de clinique ROMtrack (FHIR NDJSON).']);
    const before: Problem[] = [];
    expect([...bulkPatients(['{"resourceType":"Encounter","id":"e"}'], before)]).toEqual([]);
    expect(inFrench(before)).toEqual(['La ligne 1 (Encounter) vient avant tout patient.']);
  });

  it('more than ten problems: ten are written, the rest counted in the language’s plural', () => {
    const many = Array.from({ length: 12 }, (_, i) => message('exchange.read.noResource', { n: i + 1 }));
    const text = fr(message('exchange.error.fileRefused', { problems: problemsParam(many) }));
    expect(text).toMatch(/^Ce fichier ne peut pas être importé : L’entrée 1 n’a pas de ressource\. L’entrée 2 /);
    expect(text).toContain('L’entrée 10 n’a pas de ressource. Et 2 autres problèmes.');
    expect(text).not.toContain('L’entrée 11');
  });
});

// The exchange's files say nothing to a person in English written inline: a problem pushed, an error thrown or a
// conflict's message is an id (shared/i18n/message.ts). No file is exempt.
const ROOT = join(__dirname, '..', '..');
const SCANNED = ['shared/exchange', 'electron/api/exchange'];
const INLINE: readonly RegExp[] = [
  // problems.push('…'), problems.push(`${where(e)}: …`)
  /problems\.push\(\s*[`'"]/g,
  // throw new Error('…'), new SyncHttpError(`…`): any error but AppError, whose first argument is its code
  /\bnew\s+(?!AppError\b)\w*Error\(\s*[`'"]/g,
  // new AppError('conflict', '…')
  /\bnew\s+AppError\(\s*[^,]+,\s*[`'"]/g,
  // a conflict's or a failure's message written as text: { message: `…` }
  /\bmessage:\s*[`'"]/g,
];

// Two broken invariants, not refusals: the mapper always gives an entry its resource and urn:uuid fullUrl, and an
// export's read-only context is never asked to replace the database. Neither can reach a person unless the code
// itself is wrong. Listed by their text, so the list can only shrink: a line changed and still listed fails.
const INVARIANTS: readonly string[] = [
  "shared/exchange/bulk.ts: new Error('A bulk resource needs an entry with a resource and a urn:uuid fullUrl",
  "electron/api/exchange/export-job.ts: new Error('an export does not replace the database');",
];

const files = (dir: string): string[] => sourceFiles(ROOT, dir);

describe('the exchange’s sentences', () => {
  const all = SCANNED.flatMap(files);

  it('finds problems and errors to check (the scan itself works)', () => {
    const text = all.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    expect(text.match(/problems\.push\(/g)?.length ?? 0).toBeGreaterThan(50);
    expect(text.match(/new (SyncHttpError|AppError)\(/g)?.length ?? 0).toBeGreaterThan(30);
    // The patterns catch what they are meant to.
    for (const bad of ["problems.push(`${where(e)}: the visit has no date.`)", "throw new Error('an entry cannot be synced')", "new SyncHttpError(`The server answered HTTP ${status}.`, status, true)", "new AppError('conflict', 'Kept here.')", "conflicts.push({ field, message: `Kept here.` })"]) {
      expect(INLINE.some((re) => new RegExp(re.source).test(bad)), bad).toBe(true);
    }
  });

  it('never pushes a problem, throws an error or lists a conflict with English written inline', () => {
    const inline: string[] = [];
    for (const file of all) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const re of INLINE) for (const m of text.matchAll(re)) inline.push(`${file}: ${text.slice(m.index, m.index + 80).split('\n')[0]}`);
    }
    expect(inline.filter((x) => !INVARIANTS.includes(x))).toEqual([]);
    for (const x of INVARIANTS) expect(inline, `${x} is gone: take it off INVARIANTS`).toContain(x);
  });
});

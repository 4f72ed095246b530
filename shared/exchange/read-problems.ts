import { message, refOfIssue, type MessageParam, type MessageRef } from '../i18n/message';

// What is wrong with an import file, as message ids (issue 20): the refusal is written on the screen in the
// person's language, and its English text (for API callers) from the same ids. Each problem names its entry
// ("Entry 3 (Encounter): …") or line; the resource type stays FHIR's own word in every language.

/** One problem of an import file. */
export type Problem = MessageRef;

/** A problem of one entry of the file: "Entry 3 (Encounter): the visit has no date …". */
export function atEntry(e: { n: number; type: string }, problem: MessageRef): Problem {
  return message('exchange.read.atEntry', { n: e.n, type: e.type, problem: { message: problem } });
}

/** A problem of one patient of a whole-clinic file: "Patient 2: Entry 3 (Encounter): …". */
export function atPatient(n: number, problem: Problem): Problem {
  return message('exchange.read.atPatient', { n, problem: { message: problem } });
}

/**
 * A domain schema's issue as a problem: its own message id (the rules a form uses say it), lower-cased to follow
 * the entry; an issue without one (zod's own type checks) names the field that is wrong, never zod's English.
 */
export function issueProblem(issue: { path: readonly PropertyKey[] }): MessageRef {
  const ref = refOfIssue(issue);
  if (ref) return message('exchange.read.issue', { issue: { message: ref, lower: true } });
  return message('exchange.read.fieldInvalid', { path: issue.path.map(String).join('.') || '—' });
}

/** How many problems a refusal lists; the rest are counted. */
const SHOWN = 10;

/** The problems of a refused file as one parameter: the first ten as sentences, and how many more there are. */
export function problemsParam(problems: readonly Problem[]): MessageParam {
  const shown: MessageParam[] = problems.slice(0, SHOWN).map((p) => ({ message: p }));
  if (problems.length > SHOWN) shown.push({ message: message('exchange.read.more', { count: problems.length - SHOWN }) });
  return { list: shown, join: 'sentences' };
}

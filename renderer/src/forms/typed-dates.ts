// The date boxes of a form: read as the person typed them (ISO, or the clinic's format) by the one shared rule,
// typedDate, before the form's values meet the contract's schema, which takes ISO dates only.
import type { FieldValues } from 'react-hook-form';
import type { DateFormat } from '../../../shared/domain/dates';
import { typedDate } from '../../../shared/domain/schema-parts';
import { refOfIssue, type MessageRef } from '../../../shared/i18n/message';
import type { DisplayLanguage } from '../../../shared/i18n/languages';

export interface DateBoxes {
  format: DateFormat;
  /** The screen's language: a month typed by name is read in it as well as in English. */
  language?: DisplayLanguage | undefined;
  /** Paths of the boxes holding dates; '*' stands for every index of a list ("goals.*.targetDate"). */
  paths: readonly string[];
}

/** An object or a list of the form's values: a list's indexes are its keys. */
type Node = Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null;
}

/** Every concrete path a pattern names in these values, with the object holding the box and the box's key. */
function boxesAt(root: Node, pattern: string): { path: string; holder: Node; key: string }[] {
  let found: { path: string; node: unknown }[] = [{ path: '', node: root }];
  const keys = pattern.split('.');
  const last = keys.pop()!;
  for (const key of keys) {
    found = found.flatMap(({ path, node }) => {
      if (!isNode(node)) return [];
      const children = key === '*' ? Object.keys(node) : Object.hasOwn(node, key) ? [key] : [];
      return children.map((k) => ({ path: path ? `${path}.${k}` : k, node: node[k] }));
    });
  }
  return found.flatMap(({ path, node }) => (isNode(node) && Object.hasOwn(node, last) ? [{ path: path ? `${path}.${last}` : last, holder: node, key: last }] : []));
}

/**
 * A copy of the values with each readable date box as its ISO date, and, for the boxes it cannot read (empty
 * ones too), the message to show where the contract refuses them. The form keeps the text as typed.
 */
export function readDateBoxes<T extends FieldValues>(
  values: T,
  boxes: DateBoxes | undefined,
): { values: T; problems: Record<string, string>; problemRefs: Record<string, MessageRef> } {
  const problems: Record<string, string> = {};
  // The same messages as ids, for the screen's language (schema-form.ts).
  const problemRefs: Record<string, MessageRef> = {};
  if (!boxes) return { values, problems, problemRefs };
  const copy: T = structuredClone(values);
  const rule = typedDate(boxes.format, boxes.language);
  for (const pattern of boxes.paths) {
    for (const { path, holder, key } of boxesAt(copy, pattern)) {
      const text = holder[key];
      if (typeof text !== 'string') continue;
      const read = rule.safeParse(text);
      if (read.success) holder[key] = read.data;
      else {
        const issue = read.error.issues[0];
        problems[path] = issue?.message ?? 'Not a date.';
        const ref = issue && refOfIssue(issue);
        if (ref) problemRefs[path] = ref;
      }
    }
  }
  return { values: copy, problems, problemRefs };
}

/** The contract's messages, with a date box it refused told in the clinic's format when the box was not a date. */
export function withDateProblems(messages: Record<string, string>, problems: Record<string, string>): Record<string, string> {
  const out = { ...messages };
  for (const [path, problem] of Object.entries(problems)) if (Object.hasOwn(out, path)) out[path] = problem;
  return out;
}

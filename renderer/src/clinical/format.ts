// Wording for clinical records on screen: sides spelled out, signed changes, instants as the clinic reads
// dates plus a local time, people by name. Never an id or an ISO string on screen.
import { sideLabel, type JointId, type Side } from '../../../shared/domain/catalogue';
import type { Therapist } from '../../../shared/domain/therapist';
import { useFormatter } from '../session/session-context';

export function jointLabel(joint: JointId): string {
  return joint[0]!.toUpperCase() + joint.slice(1);
}

/** "Right elbow": a watched site, an X-ray's joint. */
export function siteLabel(joint: JointId, side: Side): string {
  return `${sideLabel(side)} ${joint}`;
}

export { formatChange } from '../../../shared/format';

/** A recorded instant as "4 Mar 2026, 14:05" in the workstation's time zone. */
export function useFormatInstant(): (iso: string) => string {
  return useFormatter().instant;
}

/** Names for the ids a record carries (rater, recorder); the file lists every therapist it names. */
export function therapistNamer(therapists: readonly Therapist[]): (id: string | null) => string {
  const names = new Map(therapists.map((t) => [t.id, t.name]));
  return (id) => (id === null ? 'Not recorded' : (names.get(id) ?? 'Unknown therapist'));
}

/**
 * Text typed into a number box, as the shared schemas expect it. Empty is null (not measured or not
 * given); a well-formed number becomes a number; anything else is passed on as text so the schema
 * refuses it with its own message ("enter it as a number"), the same one the back end would give.
 */
export function numberFromText(text: string): number | string | null {
  const t = text.trim().replace(/\u2212/g, '-');
  if (t === '') return null;
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : t;
}

/** Back from a stored number to the text a box shows. */
export function textFromNumber(n: number | null): string {
  return n === null ? '' : String(n);
}

// Before a visit is measured: would today's readings be comparable with the last ones? A change is judged on
// readings by the same therapist with the same instrument (clinical-reference.md, "Comparing like with like"),
// so the visit form says when today's choice breaks that, and how to bridge an instrument change.
import { INSTRUMENT_LABELS, type Instrument } from './visit';

export interface LastReadings {
  /** Date of the patient's latest visit with measurements. */
  date: string;
  raterIds: string[];
  instruments: Instrument[];
}

/** The latest visit that has measurements, with who measured and with what (visits newest first, as the file lists them). */
export function lastReadings(
  visits: readonly { date: string; measurements: readonly { raterId: string | null; instrument: Instrument }[] }[],
): LastReadings | null {
  const latest = visits.find((v) => v.measurements.length > 0);
  if (!latest) return null;
  const raters = new Set<string>();
  const instruments = new Set<Instrument>();
  for (const m of latest.measurements) {
    if (m.raterId) raters.add(m.raterId);
    instruments.add(m.instrument);
  }
  return { date: latest.date, raterIds: [...raters], instruments: [...instruments] };
}

export interface ComparabilityAdvice {
  kind: 'instrument' | 'rater';
  text: string;
}

/** What to tell the therapist about today's instrument and rater against the last visit's. */
export function comparabilityAdvice(
  last: LastReadings | null,
  today: { raterId: string; instrument: Instrument },
  nameOf: (id: string) => string,
  formatDate: (date: string) => string,
): ComparabilityAdvice[] {
  if (!last) return [];
  const out: ComparabilityAdvice[] = [];
  if (last.instruments.length > 0 && !last.instruments.includes(today.instrument)) {
    const before = last.instruments.map((i) => INSTRUMENT_LABELS[i].toLowerCase()).join(' or ');
    out.push({
      kind: 'instrument',
      text:
        `The last visit (${formatDate(last.date)}) was measured with the ${before}; today's readings with the ` +
        `${INSTRUMENT_LABELS[today.instrument].toLowerCase()} start a new comparison. Measure the watched motions once with both ` +
        `instruments today (record a second visit on the same date with the ${before}), so the change of instrument is bridged.`,
    });
  }
  if (last.raterIds.length > 0 && !last.raterIds.includes(today.raterId)) {
    const who = last.raterIds.map(nameOf).join(' and ');
    out.push({
      kind: 'rater',
      text: `The last visit was measured by ${who}. Readings by different therapists differ more, so a change is only judged on each therapist's own readings; where you can, keep the same therapist.`,
    });
  }
  return out;
}

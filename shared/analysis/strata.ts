// Strata: readings that can be compared with the single threshold because the same therapist took them with
// the same instrument (clinical-reference.md, "Comparing like with like"). Between-rater and between-instrument
// differences are as large as the smallest real change, so every comparison the verdict makes stays inside one
// stratum; a fixed offset between two therapists or two instruments then never looks like a change.
//
// A reading with no rater or no instrument recorded belongs to no stratum: we cannot claim it matches anything.
// (AnalysisOptions.unknownCountsAsDifferent = false treats "not recorded" as one more label instead.)

import type { RomPoint } from './series-summary';

export interface Stratum {
  raterId: string | null;
  instrument: string | null;
  /** Positions in the series' points (since the reset), oldest first. */
  indices: number[];
}

/** The stratum label of a reading, or null when it cannot be matched with any other. */
export function stratumKeyOf(p: Pick<RomPoint, 'raterId' | 'instrument'>, unknownMatches = false): string | null {
  if (!unknownMatches && (p.raterId === null || p.instrument === null)) return null;
  // Ids are UUIDs and instruments words: neither holds a control character, so this cannot collide.
  return `${p.raterId ?? '\u0001'}\u0000${p.instrument ?? '\u0001'}`;
}

/** Every stratum of the points, in the order of its first reading (so relabelling raters changes nothing). */
export function strataOf(points: readonly RomPoint[], unknownMatches = false): Stratum[] {
  // Looked up by rater, then instrument, rather than by stratumKeyOf's joined string: the same strata without
  // building a string per reading (this runs for every series several times per patient page). The previous
  // reading's stratum is tried first, since runs by one therapist are the usual case.
  const strata: Stratum[] = [];
  const byRater = new Map<string | null, Map<string | null, Stratum>>();
  let last: Stratum | null = null;
  let lastRater: string | null = null;
  let lastInstrument: string | null = null;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (!unknownMatches && (p.raterId === null || p.instrument === null)) continue;
    // A missing value (undefined from untyped callers) matches "not recorded", as in stratumKeyOf.
    const rater = p.raterId ?? null;
    const instrument = p.instrument ?? null;
    if (last !== null && lastRater === rater && lastInstrument === instrument) {
      last.indices.push(i);
      continue;
    }
    let byInstrument = byRater.get(rater);
    if (!byInstrument) byRater.set(rater, (byInstrument = new Map()));
    let s = byInstrument.get(instrument);
    if (s) s.indices.push(i);
    else {
      s = { raterId: p.raterId, instrument: p.instrument, indices: [i] };
      byInstrument.set(instrument, s);
      strata.push(s);
    }
    last = s;
    lastRater = rater;
    lastInstrument = instrument;
  }
  return strata;
}

/** The stratum holding the point at `index`, if any. */
export function stratumOfIndex(strata: readonly Stratum[], index: number): Stratum | null {
  return strata.find((s) => s.indices.includes(index)) ?? null;
}

export interface BestOfTwo {
  /** Average of the two consecutive readings. */
  value: number;
  /** Positions in the series' points of the earlier and the later reading of the pair. */
  first: number;
  second: number;
}

/**
 * The stratum's best: the highest average of two consecutive readings, taken only from before its latest two
 * readings (which are what gets compared with it). Among equal averages the most recent, so "since the best"
 * means since the patient was last there. Null with fewer than 4 readings.
 *
 * Why two: the single highest of ten noisy readings sits about 1.5 SEM above the truth, so a rule judged
 * against it calls stable joints losing (clinical-reference.md, "Why one reading is never enough"). An average
 * of two also needs the patient to have been there twice.
 */
export function bestOfTwo(points: readonly RomPoint[], indices: readonly number[]): BestOfTwo | null {
  let best: BestOfTwo | null = null;
  for (let k = 0; k + 1 <= indices.length - 3; k++) {
    const a = indices[k]!;
    const b = indices[k + 1]!;
    const value = (points[a]!.value + points[b]!.value) / 2;
    if (best === null || value >= best.value) best = { value, first: a, second: b };
  }
  return best;
}

/** A threshold with where it came from, so the reason and the screen can say "clinic's setting". */
export interface ResolvedThreshold {
  degrees: number;
  source: 'clinic' | 'catalogue';
}

/** The clinic's thresholds of one motion: for one instrument, or (instrument null) for any instrument. */
export interface InstrumentThreshold {
  instrument: string | null;
  degrees: number;
}

/**
 * T for one instrument: the clinic's setting for that instrument, else its setting for any instrument, else the
 * catalogue default. The same order as domain/thresholds.ts thresholdFor, kept here on plain data so the
 * series input stays a motion-free value.
 */
export function thresholdOf(overrides: readonly InstrumentThreshold[], instrument: string | null, catalogueDefault: number): ResolvedThreshold {
  let any: number | null = null;
  for (const o of overrides) {
    if (o.instrument !== null && o.instrument === instrument) return { degrees: o.degrees, source: 'clinic' };
    if (o.instrument === null) any = o.degrees;
  }
  return any === null ? { degrees: catalogueDefault, source: 'catalogue' } : { degrees: any, source: 'clinic' };
}

// A patient's readings as the points of their series: grouped by series key, in the one order every analysis
// uses. Two ways in: from a patient file's visits (seriesPointsOf), or straight from the database's lean read
// (electron/db/analysis-reads.ts), which must give exactly the same points in the same order.

import type { Side } from '../domain/catalogue';
import { groupBySeries, type SeriesKey } from '../domain/series';
import type { Measurement } from '../domain/visit';
import type { RomPoint } from './series-summary';

export type MeasurementLike = Pick<Measurement, 'id' | 'visitId' | 'date' | 'motion' | 'side' | 'mode' | 'degrees' | 'raterId' | 'instrument' | 'endFeel' | 'pain' | 'note'>;

/** One measurement as a point of its series, with what a tooltip shows. */
export interface SeriesPoint extends RomPoint {
  id: string;
  visitId: string;
  endFeel: MeasurementLike['endFeel'];
  pain: number | null;
  note: string | null;
}

/**
 * Every series' points by key. The order within a series: oldest visit first (visits as 'patients.file' lists
 * them, newest first, read backwards), and within a visit the order the readings were recorded in.
 */
export type SeriesPoints = ReadonlyMap<SeriesKey, SeriesPoint[]>;

/** From a file's visits (newest first); readings of motions the catalogue does not know (stale rows) are left out. */
export function seriesPointsOf(visits: readonly { measurements: readonly MeasurementLike[] }[]): Map<SeriesKey, SeriesPoint[]> {
  const grouped = groupBySeries([...visits].reverse().flatMap((v) => v.measurements));
  const out = new Map<SeriesKey, SeriesPoint[]>();
  for (const [key, list] of grouped) {
    const pts = list.map((m): SeriesPoint => ({ id: m.id, visitId: m.visitId, date: m.date, value: m.degrees, raterId: m.raterId, instrument: m.instrument, endFeel: m.endFeel, pain: m.pain, note: m.note }));
    // Stable: same-day points keep the order they were recorded in.
    pts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    out.set(key, pts);
  }
  return out;
}

/** The latest point on or before today (the last recorded of that day), as value and date. */
export function latestOnOrBefore(points: readonly RomPoint[], today: string): { value: number; date: string } | null {
  let latest: RomPoint | null = null;
  for (const p of points) if (p.date <= today && (latest === null || p.date >= latest.date)) latest = p;
  return latest ? { value: latest.value, date: latest.date } : null;
}

export function otherSide(side: Side): Side {
  return side === 'left' ? 'right' : 'left';
}

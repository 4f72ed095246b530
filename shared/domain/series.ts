// The one vocabulary for a series: one side, one joint motion, one mode (active or passive). Every screen,
// the analysis, goals and plans name a series by its key, so the key is made and read here only.
//
// Format "right.elbow.flexion.active": side, then the catalogue's motion key (joint.motion), then the mode.
// URL-safe and readable in a link. The type is branded so a plain string (a label, an id) cannot be passed
// where a key is expected without going through seriesKeyOf or parseSeriesKey.
import { z } from 'zod';
import { findMotionSpec, isMode, isSide, type Mode, type MotionKey, type Side } from './catalogue';
import { message, saidIssue } from '../i18n/message';

export type SeriesKey = string & { readonly __seriesKey: true };

export interface SeriesId {
  side: Side;
  motion: MotionKey;
  mode: Mode;
}

export function seriesKeyOf(side: Side, motion: MotionKey, mode: Mode): SeriesKey {
  return `${side}.${motion}.${mode}` as SeriesKey;
}

/**
 * Reads "right.elbow.flexion.active"; the mode may be left off ("right.elbow.flexion" is active, the way
 * ROM is reported by default). Null for anything else, including motions the catalogue does not know.
 */
export function parseSeriesKey(key: string): SeriesId | null {
  const parts = key.split('.');
  if (parts.length !== 3 && parts.length !== 4) return null;
  const [side, joint, motion, mode = 'active'] = parts;
  const spec = findMotionSpec(`${joint}.${motion}`);
  if (!spec || !isSide(side) || !isMode(mode)) return null;
  return { side, motion: spec.key, mode };
}

/** The key written the one canonical way (mode spelled out), or null when it is not a series key. */
export function normaliseSeriesKey(key: string): SeriesKey | null {
  const id = parseSeriesKey(key);
  return id ? seriesKeyOf(id.side, id.motion, id.mode) : null;
}

/** True for a key written the canonical way, as seriesKeyOf makes it: what the back end stores and returns. */
export function isSeriesKey(key: unknown): key is SeriesKey {
  return typeof key === 'string' && normaliseSeriesKey(key) === key;
}

/**
 * A series key in an input or output, written the canonical way (seriesKeyOf): text in, a SeriesKey out, so the
 * reader of a result needs no cast.
 */
export const SeriesKeySchema = z.string().transform((key, ctx): SeriesKey => {
  if (isSeriesKey(key)) return key;
  ctx.addIssue({ ...saidIssue(message('domain.series.notSeries')), input: key });
  return z.NEVER;
});

/**
 * Readings grouped by series, each group in input order. Readings whose motion the catalogue does not know
 * (stale rows) are left out rather than guessed. A Map keeps the groups in first-seen order.
 */
export function groupBySeries<R extends { side: Side; motion: string; mode: Mode }>(readings: Iterable<R>): Map<SeriesKey, R[]> {
  const out = new Map<SeriesKey, R[]>();
  for (const r of readings) {
    const spec = findMotionSpec(r.motion);
    if (!spec) continue;
    const key = seriesKeyOf(r.side, spec.key, r.mode);
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  }
  return out;
}

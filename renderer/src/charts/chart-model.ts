// What the charts draw, worked out without React: the time axis in whole days, its ticks, the value
// domain, each series' look, the drawing budget and the event markers. The components only render this.
// Shared by the mobility detail chart, the printed report and referral letter, and the patient page's ALP
// chart (charts/ imports no screen folder; eslint.config.mjs holds it to that).
import { downsampleSeries } from '../../../shared/analysis/downsample';
import type { EventLike, SeriesPoint } from '../../../shared/analysis/patient-series';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import type { Mode, Side } from '../../../shared/domain/catalogue';
import { daysBetween } from '../../../shared/domain/dates';
import { EVENT_KIND_LABELS, type EventKind } from '../../../shared/domain/event';
import { CLASSIFICATION_LABELS } from '../../../shared/domain/ho';

const EPOCH = '1970-01-01';

/** A calendar date as a whole day number, so the x axis is numeric and spaced by real time. */
export function dayNumber(date: string): number {
  return daysBetween(EPOCH, date);
}

export function dateOfDay(day: number): string {
  return new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Ticks a reader can count on: single days for very short spans, weeks (from the first day), then the
 * first of every 1, 2, 3, 6 or 12 months, whichever gives at most maxTicks.
 */
export function timeTicks(from: number, to: number, maxTicks = 8): number[] {
  const span = to - from;
  for (const step of [1, 7, 14]) {
    if (span / step <= maxTicks) return range(from, to, step);
  }
  const start = dateOfDay(from);
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  const firsts: number[] = [];
  for (;;) {
    const day = dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
    if (day > to) break;
    if (day >= from) firsts.push(day);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  for (const every of [1, 2, 3, 6, 12, 24, 60]) {
    const picked = firsts.filter((d) => {
      const date = dateOfDay(d);
      return (Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1) % every === 0;
    });
    if (picked.length <= maxTicks) return picked.length > 0 ? picked : [from, to];
  }
  return [from, to];
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let d = from; d <= to; d += step) out.push(d);
  return out;
}

/**
 * A value domain with room around the data and its ticks: evenly spaced on a step a clinician reads at a
 * glance (5, 10, 15, 20, 30 or 45 degrees), at most about 8 of them, the domain ending on ticks.
 */
export function valueAxis(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  const min = finite.length ? Math.min(...finite) - 4 : 0;
  const max = finite.length ? Math.max(...finite) + 4 : 180;
  const step = [5, 10, 15, 20, 30, 45, 60, 90].find((s) => (Math.ceil(max / s) - Math.floor(min / s)) <= 8) ?? 90;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  return { domain: [lo, hi], ticks: range(lo, hi, step) };
}

/**
 * Marker shapes. Side: circle (right) or triangle (left). Within the series the page is about, readings by
 * another therapist or instrument take the other shapes (mobility/chart-strata.ts), so they never pass for a side.
 */
export type MarkerShape = 'circle' | 'triangle' | 'square' | 'diamond' | 'plus' | 'star' | 'cross';

/** Side by marker shape, mode by line pattern and fill: never told apart by colour alone. */
export interface SeriesStyle {
  shape: MarkerShape;
  filled: boolean;
  dash: string | undefined;
  colour: string;
  name: string;
}

export function styleOf(side: Side, mode: Mode): SeriesStyle {
  return {
    shape: side === 'right' ? 'circle' : 'triangle',
    filled: mode === 'active',
    dash: mode === 'active' ? undefined : '7 4',
    colour: side === 'right' ? '#1a1a1a' : '#0b5394',
    name: `${side === 'right' ? 'Right' : 'Left'}, ${mode}`,
  };
}

/** About this many points are drawn in all; the table always lists every one. */
export const DRAW_BUDGET = 600;

/**
 * The points to draw per series: all of them while the whole chart fits the budget, otherwise each series
 * shrinks to its share, keeping the points its verdict rests on (baseline, best, latest) and its extremes.
 */
export function pointsToDraw(series: readonly AnalysedSeries[], budget = DRAW_BUDGET): Map<string, SeriesPoint[]> {
  const total = series.reduce((n, s) => n + s.points.length, 0);
  const out = new Map<string, SeriesPoint[]>();
  for (const s of series) {
    if (total <= budget) {
      out.set(s.key, s.points);
      continue;
    }
    const share = Math.max(20, Math.floor((budget * s.points.length) / total));
    out.set(s.key, s.points.length <= share ? s.points : downsampleSeries(s.points, share, s.verdict.keepIds));
  }
  return out;
}

/** A target from a therapy plan, drawn as a horizontal line with its label and due date. */
export interface GoalLine {
  value: number;
  date: string;
  label: string;
}

export interface EventMarker {
  key: string;
  day: number;
  date: string;
  /** Short, for the chart: "X-ray (right)". */
  label: string;
  /** Longer, for the list under the chart. */
  detail: string;
}

/** The words of the event markers, in the reader's language (charts/chart-words.ts); English by default. */
export interface EventWords {
  kind(kind: EventKind): string;
  /** A classification id ("brooker:II") as the reader says it. */
  classification(id: string): string;
  /** "left", "right": after the event's short name, in brackets. */
  side(side: Side): string;
  drugStart(kind: 'nsaid_course' | 'bisphosphonate_course'): string;
  drugStop(kind: 'nsaid_course' | 'bisphosphonate_course'): string;
  /** A course's detail with "(starts)" / "(stops)". */
  starts(detail: string): string;
  stops(detail: string): string;
  /** "X-ray (left): note": the colon as the language sets it (French puts a no-break space before it). */
  detail(event: string, extra: string): string;
  excision(): string;
  /** "X-ray II": an X-ray's short name with its grade. */
  xray(grade: string): string;
}

const ENGLISH_EVENT_WORDS: EventWords = {
  kind: (kind) => EVENT_KIND_LABELS[kind],
  classification: (id) => CLASSIFICATION_LABELS[id] ?? id,
  side: (side) => side,
  drugStart: (kind) => `${kind === 'nsaid_course' ? 'NSAID' : 'Bisphosphonate'} start`,
  drugStop: (kind) => `${kind === 'nsaid_course' ? 'NSAID' : 'Bisphosphonate'} stop`,
  starts: (detail) => `${detail} (starts)`,
  stops: (detail) => `${detail} (stops)`,
  detail: (event, extra) => `${event}: ${extra}`,
  excision: () => 'Excision',
  xray: (grade) => `X-ray ${grade}`.trim(),
};

/** One marker per event, two for a drug course (its start and, once it has one, its end). */
export function eventMarkers(events: readonly EventLike[], words: EventWords = ENGLISH_EVENT_WORDS): EventMarker[] {
  const markers: EventMarker[] = [];
  for (const e of events) {
    const where = e.side ? ` (${words.side(e.side)})` : '';
    const kind = words.kind(e.kind);
    const extra = [e.title, e.classification ? words.classification(e.classification) : null, e.note].filter(Boolean).join('; ');
    const detail = extra ? words.detail(`${kind}${where}`, extra) : `${kind}${where}`;
    if (e.kind === 'nsaid_course' || e.kind === 'bisphosphonate_course') {
      markers.push({ key: `${e.id}-start`, day: dayNumber(e.date), date: e.date, label: words.drugStart(e.kind), detail: words.starts(detail) });
      if (e.endDate) markers.push({ key: `${e.id}-end`, day: dayNumber(e.endDate), date: e.endDate, label: words.drugStop(e.kind), detail: words.stops(detail) });
      continue;
    }
    const short = e.kind === 'excision' ? words.excision() : e.kind === 'xray' && e.classification ? words.xray(e.classification.split(':')[1] ?? '') : kind;
    markers.push({ key: e.id, day: dayNumber(e.date), date: e.date, label: `${short}${where}`, detail });
  }
  return markers.sort((a, b) => a.day - b.day);
}

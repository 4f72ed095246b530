// Arcs of a plane: the two motions of a plane added (elbow extension -10 + flexion 130 = arc 120).
//
// Why both the arc and its two ends: the same 100° arc can sit at -30/130 (functional for the elbow, Morrey
// 1981) or at -60/160 (not: the patient cannot straighten the arm). So "reaches the functional arc" means each
// motion reaches its own functional minimum, and the arc total is reported alongside.
//
// Order: "first" is the motion written first in the clinic form "-10/130" (extension before flexion);
// callers pass the plane's motions in the catalogue's order. Resets and "today" are the caller's filter:
// pass the points already restricted to what should be paired.

import { plainLabelRef } from '../domain/message-words';
import { inner, message, type MessageParam, type MessageRef } from '../i18n/message';
import { formatDay, formatDegrees, formatNumber } from './format';
import type { RomPoint } from './series-summary';

export interface ArcPoint extends RomPoint {
  /** The arc: first + second, in degrees. */
  value: number;
  first: number;
  second: number;
  firstId: string | null;
  secondId: string | null;
}

/** Functional minimums of the two motions, e.g. elbow { first: -30, second: 130 } (extension, flexion). */
export interface FunctionalArc {
  first: number;
  second: number;
}

/**
 * Pairs the two series by date: one arc per date on which both motions were measured. When a motion was
 * measured more than once that day, the last entry counts (a re-measure replaces the attempt before it).
 *
 * Each arc is a RomPoint, so summariseSeries/analyseSeries can judge the arc series with an arc threshold
 * (e.g. elbow total active arc 8.5, Cleffken 2007). Its rater and instrument are those shared by both
 * measurements, or null when they differ, which counts as a difference there.
 */
export function arcSeries(first: readonly RomPoint[], second: readonly RomPoint[]): ArcPoint[] {
  const a = lastPerDate(first);
  const b = lastPerDate(second);
  const arcs: ArcPoint[] = [];
  for (const [date, p] of a) {
    const q = b.get(date);
    if (!q) continue;
    const arc: ArcPoint = {
      date,
      value: p.value + q.value,
      first: p.value,
      second: q.value,
      firstId: p.id ?? null,
      secondId: q.id ?? null,
      raterId: p.raterId !== null && p.raterId === q.raterId ? p.raterId : null,
      instrument: p.instrument !== null && p.instrument === q.instrument ? p.instrument : null,
    };
    if (p.id !== undefined && q.id !== undefined) arc.id = `${p.id}+${q.id}`;
    arcs.push(arc);
  }
  return arcs.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

function lastPerDate(points: readonly RomPoint[]): Map<string, RomPoint> {
  const byDate = new Map<string, RomPoint>();
  for (const p of points) byDate.set(p.date, p);
  return byDate;
}

/** The clinic's short form: "-10/130" (first motion / second motion, signs kept). */
export function formatArc(first: number, second: number): string {
  return `${formatNumber(first)}/${formatNumber(second)}`;
}

export interface ArcInput {
  /** E.g. "Right elbow arc". */
  label: string;
  /** Motion names for the reason, e.g. "extension" and "flexion". */
  firstLabel: string;
  secondLabel: string;
  /**
   * The same names as messages, for `reasonRef` in the reader's language: the arc ("right elbow flexion-extension
   * arc", lower case: the reason makes its first letter a capital) and the two motions. Without them the labels
   * above are shown as given in every language.
   */
  names?: { arc: MessageRef; first: MessageRef; second: MessageRef };
  first: readonly RomPoint[];
  second: readonly RomPoint[];
  functional?: FunctionalArc | null;
}

export interface ArcAssessment {
  arcs: ArcPoint[];
  latest: ArcPoint | null;
  /** Sum of the functional minimums, e.g. 100 for -30/130. */
  functionalArc: number | null;
  /** Both motions of the latest arc reach their functional minimum. */
  reached: boolean | null;
  /** Degrees each motion still lacks (0 when reached). */
  firstShortBy: number | null;
  secondShortBy: number | null;
  /** The latest arc total is at least the functional total, whether or not it sits in the right place. */
  arcAtLeastFunctional: boolean | null;
  /** In English, for API callers and tests. */
  reason: string;
  /**
   * The same reason as a message (shared/i18n/messages/<lang>/analysis.ts `analysis.arc.*`). No screen prints it
   * today (the arcs table words its own cells); it is what the mobility and report screens, or an API caller in
   * another language, would show beside an arc.
   */
  reasonRef: MessageRef;
}

export function assessArc(input: ArcInput): ArcAssessment {
  const arcs = arcSeries(input.first, input.second);
  const latest = arcs[arcs.length - 1] ?? null;
  const f = input.functional ?? null;
  const functionalArc = f ? f.first + f.second : null;
  const names = input.names ?? { arc: plainLabelRef(input.label), first: plainLabelRef(input.firstLabel), second: plainLabelRef(input.secondLabel) };
  const arcName: MessageParam = { message: names.arc, capital: true };

  if (!latest) {
    return {
      arcs,
      latest,
      functionalArc,
      reached: null,
      firstShortBy: null,
      secondShortBy: null,
      arcAtLeastFunctional: null,
      reason: `${input.label}: ${input.firstLabel} and ${input.secondLabel} have not been measured on the same day yet.`,
      reasonRef: message('analysis.arc.notSameDay', { arc: arcName, first: inner(names.first), second: inner(names.second) }),
    };
  }

  const head = `${input.label} ${formatArc(latest.first, latest.second)} (${formatDegrees(latest.value)}) on ${formatDay(latest.date)}`;
  const headValues = { arc: arcName, from: { number: latest.first }, to: { number: latest.second }, total: { degrees: latest.value }, date: { date: latest.date } };
  if (!f || functionalArc === null) {
    return { arcs, latest, functionalArc, reached: null, firstShortBy: null, secondShortBy: null, arcAtLeastFunctional: null, reason: `${head}.`, reasonRef: message('analysis.arc.measured', headValues) };
  }

  const firstShortBy = Math.max(0, f.first - latest.first);
  const secondShortBy = Math.max(0, f.second - latest.second);
  const reached = firstShortBy === 0 && secondShortBy === 0;
  const target = `the functional arc ${formatArc(f.first, f.second)} (${formatDegrees(functionalArc)})`;
  const shortfalls = [
    firstShortBy > 0 ? `${input.firstLabel} ${formatDegrees(firstShortBy)} short` : null,
    secondShortBy > 0 ? `${input.secondLabel} ${formatDegrees(secondShortBy)} short` : null,
  ].filter((s): s is string => s !== null);
  const reason = reached ? `${head} reaches ${target}.` : `${head} falls short of ${target}: ${shortfalls.join(', ')}.`;
  const targetValues = { ...headValues, functionalFrom: { number: f.first }, functionalTo: { number: f.second }, functionalTotal: { degrees: functionalArc } };
  const shortRefs: MessageParam[] = [
    ...(firstShortBy > 0 ? [{ message: message('analysis.arc.shortPart', { motion: inner(names.first), degrees: { degrees: firstShortBy } }) }] : []),
    ...(secondShortBy > 0 ? [{ message: message('analysis.arc.shortPart', { motion: inner(names.second), degrees: { degrees: secondShortBy } }) }] : []),
  ];
  const reasonRef = reached ? message('analysis.arc.reaches', targetValues) : message('analysis.arc.short', { ...targetValues, shortfalls: { list: shortRefs } });

  return {
    arcs,
    latest,
    functionalArc,
    reached,
    firstShortBy,
    secondShortBy,
    arcAtLeastFunctional: latest.value >= functionalArc,
    reason,
    reasonRef,
  };
}

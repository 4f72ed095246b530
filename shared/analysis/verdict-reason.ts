// The sentences of the verdict: what was compared with what, by whom and with which instrument, which
// threshold and why, and (after an operation) since when. A therapist must be able to check every claim
// against the chart and the table of readings.

import { daysBetween } from '../domain/dates';
import { formatDay, formatDegrees, formatDuration, formatNumber, formatSlope, plural } from './format';
import type { AnalysisOptions, SeriesSummary } from './series-summary';
import type { Stratum } from './strata';
import type { Comparison, VerdictKind, VerdictThreshold } from './verdict';
import type { PooledFit } from './pooled-trend';
import { FAST_FACTOR, type Finding, type PooledFinding, type StratumFinding } from './verdict-checks';

export interface ReasonInput {
  kind: VerdictKind;
  needsConfirmation: boolean;
  finding: Finding | null;
  comparison: Comparison;
  threshold: VerdictThreshold;
  summary: SeriesSummary;
  strata: readonly Stratum[];
  alsoPooled: PooledFinding | null;
  pooledFit: PooledFit | null;
}

const INSTRUMENT_NOUNS: Readonly<Record<string, string>> = { goniometer: 'goniometer', inclinometer: 'inclinometer', smartphone: 'smartphone', visual: 'visual estimate' };

function noun(instrument: string | null): string {
  return instrument === null ? 'an unrecorded instrument' : INSTRUMENT_NOUNS[instrument] ?? instrument;
}

/** "measured by the same therapist with the goniometer" (or "by visual estimate"). */
export function measuredBy(instrument: string | null): string {
  if (instrument === 'visual') return 'measured by the same therapist by visual estimate';
  return `measured by the same therapist with the ${noun(instrument)}`;
}

/** "12°, same therapist and goniometer, catalogue default"; "24°: doubled, as no two readings are …; 12°, clinic's setting". */
export function thresholdText(t: VerdictThreshold, instrument: string | null | 'several'): string {
  const source = t.source === 'clinic' ? "clinic's setting" : 'catalogue default';
  if (t.basis === 'doubled') {
    return `${formatDegrees(t.degrees)}: doubled, as no two readings are by the same therapist with the same instrument; ${formatDegrees(t.degrees / 2)}, ${source}`;
  }
  const what = instrument === 'several' ? 'instrument' : noun(instrument);
  return `${formatDegrees(t.degrees)}, same therapist and ${what}, ${source}`;
}

/**
 * " since the open release (3 Mar 2026)", or "" when the series was never restarted. The date in brackets
 * because titles are free text ("Excision of heterotopic bone, right hip") and "of <date>" after a comma misreads.
 */
export function sinceReset(s: SeriesSummary): string {
  const r = s.resetBy;
  if (!r) return '';
  return ` since the ${operationName(r.kind, r.title)} (${formatDay(r.date)})`;
}

function operationName(kind: string | null, title: string | null): string {
  const t = title?.trim().replace(/[.\s]+$/, '');
  if (t) return t[0]!.toLowerCase() + t.slice(1);
  return kind === 'excision' ? 'excision' : kind === 'surgery' ? 'operation' : 'reset';
}

export function reasonFor(r: ReasonInput): string {
  const { finding: f, summary: s } = r;
  if (f?.check === 'pooled') return pooledReason(f, r);
  if (f?.check === 'stratum' && r.needsConfirmation) return confirmReason(f, r);
  if (f?.check === 'stratum') return stratumReason(f, r);
  if (f?.check === 'doubled' && r.needsConfirmation) return doubledConfirmReason(r, f.loose);
  return comparisonReason(r, s);
}

function arrow(c: Comparison, s: SeriesSummary): string {
  return `${s.label}: ${formatDegrees(c.from.value)} → ${formatDegrees(c.to.value)} over ${formatDuration(daysBetween(c.from.date, c.to.date))}${sinceReset(s)}`;
}

function change(c: Comparison): string {
  return `${c.change < 0 ? 'a loss' : 'a gain'} of ${formatDegrees(Math.abs(c.change))}`;
}

/** "reaching" when the change equals the threshold exactly: the smallest real change counts, and says so. */
function beyond(c: { change: number; threshold?: number; T?: { degrees: number } }): string {
  const t = c.threshold ?? c.T?.degrees ?? 0;
  return Math.abs(c.change) > t ? 'beyond' : 'reaching';
}

function trendWords(c: Comparison): string {
  return c.trend ? ` (${formatSlope(c.trend.slopePerWeek)})` : '';
}

/** Losing or improving on one stratum's readings. */
function stratumReason(f: StratumFinding, r: ReasonInput): string {
  const { comparison: c, summary: s } = r;
  const thr = thresholdText(r.threshold, f.stratum.instrument);
  const by = measuredBy(f.stratum.instrument);
  const falling = f.direction === 'loss' ? 'falling' : 'rising';
  if (f.basis === 'fast') {
    const days = formatDuration(daysBetween(f.from.date, f.to.date));
    return (
      `${s.label}: ${formatDegrees(Math.abs(f.change))} lost in ${days} (${formatDegrees(f.from.value)} → ${formatDegrees(f.to.value)}${sinceReset(s)}), ${by}: ` +
      `the latest reading is beyond ${FAST_FACTOR} × the threshold (${thr}) and the one before it beyond the threshold. A fast loss: act on it rather than wait for more readings.` +
      pooledAgrees(r)
    );
  }
  const both = `the last two readings both show it and the trend is ${falling}${trendWords(c)}`;
  if (f.against === 'best') {
    const pair = f.fromFirst ? `average of the readings of ${formatDay(f.fromFirst.date)} and ${formatDay(f.from.date)}` : formatDay(f.from.date);
    const base = s.points[f.stratum.indices[0]!]!;
    const vsBase = f.to.value - base.value;
    const where = vsBase === 0 ? ` It is back to the baseline of ${formatDegrees(base.value)}.` : ` It is ${formatDegrees(Math.abs(vsBase))} ${vsBase > 0 ? 'above' : 'below'} the baseline of ${formatDegrees(base.value)}.`;
    return (
      `${s.label} fell from its best of ${formatDegrees(round1(f.from.value))} (${pair}) to ${formatDegrees(f.to.value)} over ${formatDuration(daysBetween(f.from.date, f.to.date))}${sinceReset(s)}, ${by}: ` +
      `${change(c)}, ${beyond(c)} the threshold (${thr}); ${both}.${where}${pooledAgrees(r)}`
    );
  }
  return `${arrow(c, s)}, ${by}: ${change(c)}, ${beyond(c)} the threshold (${thr}); ${both}.${pooledAgrees(r)}`;
}

function pooledAgrees(r: ReasonInput): string {
  const p = r.alsoPooled;
  if (!p || p.fit.strata < 2) return '';
  return ` The trend pooled over ${whoPooled(r.strata)} agrees (${formatSlope(p.fit.slopePerDay * 7)}).`;
}

/** A loss or gain on one reading (or against the trend): re-measure. */
function confirmReason(f: StratumFinding, r: ReasonInput): string {
  const s = r.summary;
  const thr = thresholdText(r.threshold, f.stratum.instrument);
  const below = f.direction === 'loss' ? 'below' : 'above';
  const refText =
    f.against === 'best'
      ? `the best of ${formatDegrees(round1(f.from.value))} (average of two readings to ${formatDay(f.from.date)})`
      : `the baseline of ${formatDegrees(f.from.value)} on ${formatDay(f.from.date)}`;
  const size = formatDegrees(Math.abs(f.change));
  const previousBeyond = f.direction === 'loss' ? f.previous.value - f.from.value <= -f.T.degrees : f.previous.value - f.from.value >= f.T.degrees;
  const head = previousBeyond
    ? `${s.label}: the last two readings, ${formatDegrees(f.previous.value)} and ${formatDegrees(f.to.value)}, are beyond the threshold (${thr}) ${below} ${refText}`
    : `${s.label}: the latest reading, ${formatDegrees(f.to.value)} on ${formatDay(f.to.date)}, is ${size} ${below} ${refText}, ${beyond(f)} the threshold (${thr})`;
  const why = !previousBeyond
    ? `one ${f.direction === 'loss' ? 'low' : 'high'} reading is not enough`
    : !f.trendAgrees
      ? `the trend is not ${f.direction === 'loss' ? 'falling' : 'rising'}${f.trend ? ` (${formatSlope(f.trend.slopePerWeek)})` : ''}`
      : f.basis === 'fast'
        ? `under two weeks of readings the latest must reach ${FAST_FACTOR} × the threshold`
        : `there are only ${plural(f.stratum.indices.length, 'reading')} by the same therapist with the same instrument`;
  return `${head}, but ${why}. Re-measure to confirm.`;
}

function doubledConfirmReason(r: ReasonInput, loose: boolean): string {
  const c = r.comparison;
  const source = r.threshold.source === 'clinic' ? "clinic's setting" : 'catalogue default';
  const thr = loose
    ? `${formatDegrees(r.threshold.degrees)}: doubled, as the latest reading has no earlier one by the same therapist with the same instrument; ${formatDegrees(r.threshold.degrees / 2)}, ${source}`
    : thresholdText(r.threshold, null);
  const but = loose ? 'it rests on that one reading' : c.trendAgrees ? 'only the latest reading shows it' : `the trend does not agree${trendWords(c)}`;
  return `${arrow(c, r.summary)}: ${change(c)}, ${beyond(c)} the threshold (${thr}), but ${but}. Re-measure to confirm, ideally by the same therapist with the same instrument.`;
}

/** Holding, or a doubled-threshold loss or gain. */
function comparisonReason(r: ReasonInput, s: SeriesSummary): string {
  const c = r.comparison;
  const doubled = r.threshold.basis === 'doubled';
  const thr = thresholdText(r.threshold, c.to.instrument);
  const head = doubled ? arrow(c, s) : `${arrow(c, s)}, ${measuredBy(c.to.instrument)}`;
  if (r.kind === 'holding') {
    const changed = c.change === 0 ? 'no change' : `changed by ${formatDegrees(Math.abs(c.change))}`;
    // A change beyond T can end here only unconfirmed: one reading, and newer readings by others since.
    const verdictText = c.counts
      ? `${changed} on one reading, not confirmed by a second by the same therapist with the same instrument (threshold ${thr})`
      : `${changed}, within the measurement error (${thr})`;
    return `${head}: ${verdictText}.${pooledNote(r)}${latestApart(r)}`;
  }
  const trend = c.change < 0 ? 'falling' : 'rising';
  return `${head}: ${change(c)}, ${beyond(c)} the threshold (${thr}); the last two readings both show it and the trend is ${trend}${trendWords(c)}.`;
}

/** When the latest reading is not the one compared: it has no earlier reading by the same therapist and instrument. */
function latestApart(r: ReasonInput): string {
  const L = r.summary.latest;
  if (!L || r.comparison.to.index === L.index || r.threshold.basis === 'doubled') return '';
  const own = r.strata.find((s) => s.indices.includes(L.index));
  const why = own ? 'no earlier reading by the same therapist with the same instrument' : 'no single therapist and instrument on record, so nothing to compare it with';
  return ` The latest reading, ${formatDegrees(L.value)} on ${formatDay(L.date)}, has ${why}.`;
}

/** On a holding verdict with several strata: what the pooled trend says, so "holding" is not taken on faith. */
function pooledNote(r: ReasonInput): string {
  const fit = r.pooledFit;
  if (!fit || fit.strata < 2) return '';
  return ` Pooled over ${whoPooled(r.strata)}, like with like: ${formatSlope(fit.slopePerDay * 7)}.`;
}

function pooledReason(f: PooledFinding, r: ReasonInput): string {
  const s = r.summary;
  const fit = f.fit;
  const who = whoPooled(r.strata);
  const thr = thresholdText(r.threshold, 'several');
  const size = formatDegrees(Math.abs(Math.round(fit.fittedChange)));
  const slope = formatSlope(fit.slopePerDay * 7);
  if (f.basis === 'fast') {
    return (
      `${s.label}: ${size} lost in ${formatDuration(fit.spanDays)}${sinceReset(s)}, pooled over ${who} (${slope}): every comparison of readings by the same therapist with the same instrument fell, ` +
      `and the fitted loss is beyond ${FAST_FACTOR} × the threshold (${thr}). A fast loss: act on it rather than wait for more readings.`
    );
  }
  const since = s.resetBy ? sinceReset(s).trim() : `since ${formatDay(fit.fromDate)}`;
  const lo = fit.lowerPerDay === null ? null : formatNumber(fit.lowerPerDay * 7);
  const hi = fit.upperPerDay === null ? null : formatNumber(fit.upperPerDay * 7);
  const interval = lo === null ? `up to ${hi}°/week` : hi === null ? `from ${lo}°/week` : `${lo} to ${hi}°/week`;
  const trend = f.direction === 'loss' ? 'falling' : 'rising';
  return (
    `${s.label}: ${trend}, pooled over ${who}: ${slope}, ${size} ${f.direction === 'loss' ? 'lost' : 'gained'} ${since}, ${Math.round(fit.confidence * 100)} % interval ${interval}; ` +
    `beyond the threshold (${thr}). Each reading is compared only with readings by the same therapist with the same instrument.`
  );
}

/** "2 therapists", "2 instruments", "3 therapist-instrument pairs", or "one therapist with the goniometer". */
export function whoPooled(strata: readonly Stratum[]): string {
  const used = strata.filter((s) => s.indices.length >= 2);
  if (used.length <= 1) return `one therapist with the ${noun(used[0]?.instrument ?? null)}`;
  const raters = new Set(used.map((s) => s.raterId)).size;
  const instruments = new Set(used.map((s) => s.instrument)).size;
  if (instruments === 1) return `${raters} therapists`;
  if (raters === 1) return `${instruments} instruments`;
  return `${used.length} therapist-instrument pairs`;
}

export function insufficientReason(s: SeriesSummary, o: AnalysisOptions): string {
  const need = `at least ${o.minPoints} over ${formatDuration(o.minSpanDays)} are needed for a verdict.`;
  const since = s.resetBy ? (s.resetBy.kind === null && s.resetBy.title === null ? ` since the reset on ${formatDay(s.resetBy.date)}` : sinceReset(s)) : '';
  const n = s.points.length;
  if (n === 0) return `No measurements${since || ' yet'}: ${need}`;
  if (n < o.minPoints) return `Only ${plural(n, 'measurement')}${since}: ${need}`;
  return `${plural(n, 'measurement')}${since} over ${formatDuration(s.spanDays)}: ${need}`;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

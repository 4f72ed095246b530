// The sentences of the verdict: what was compared with what, by whom and with which instrument, which
// threshold and why, and (after an operation) since when. A therapist must be able to check every claim
// against the chart and the table of readings.
//
// Each reason is a message (shared/i18n/message.ts) the screens write in the person's language; the English
// `reason` is written from it (verdict-words.ts englishReason). Most reasons are "<series>: <what happened>" as
// 'verdicts.labelled', so a screen that names the series already can show the rest alone (the renderer's
// reasonBody). Optional clauses (" since the excision (3 Mar 2026)", " (-2.1°/week)") are messages starting with
// their space, or "" when absent, so each language places them in its own sentence.

import { daysBetween } from '../domain/dates';
import { message, type MessageParam, type MessageRef } from '../i18n/message';
import { durationRef } from './format';
import type { AnalysisOptions, SeriesSummary } from './series-summary';
import type { Stratum } from './strata';
import type { Comparison, VerdictKind, VerdictThreshold } from './verdict';
import type { PooledFit } from './pooled-trend';
import { FAST_FACTOR, type Finding, type PooledFinding, type StratumFinding } from './verdict-checks';
import { measuredBy, sinceReset, slopeRef, sourceRef, thresholdRef, whoPooled } from './verdict-words';

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

const m = (ref: MessageRef): MessageParam => ({ message: ref });
const deg = (degrees: number): MessageParam => ({ degrees });
const day = (date: string): MessageParam => ({ date });
const duration = (days: number): MessageParam => m(durationRef(days));
const factor: MessageParam = { number: FAST_FACTOR };

/** "Right knee flexion: <body>". */
function labelled(s: SeriesSummary, body: MessageRef): MessageRef {
  return message('verdicts.labelled', { series: m(s.labelRef), reason: m(body) });
}

export function reasonFor(r: ReasonInput): MessageRef {
  const { finding: f, summary: s } = r;
  if (f?.check === 'pooled') return pooledReason(f, r);
  if (f?.check === 'stratum' && r.needsConfirmation) return confirmReason(f, r);
  if (f?.check === 'stratum') return stratumReason(f, r);
  if (f?.check === 'doubled' && r.needsConfirmation) return doubledConfirmReason(r, f.loose);
  return comparisonReason(r, s);
}

/** "120° → 100° over 6 weeks since the excision (3 Mar 2026)". */
function arrow(c: Comparison, s: SeriesSummary): MessageParam {
  return m(message('verdicts.arrow', { from: deg(c.from.value), to: deg(c.to.value), duration: duration(daysBetween(c.from.date, c.to.date)), since: sinceReset(s) }));
}

function change(c: Comparison): MessageParam {
  const values = { degrees: deg(Math.abs(c.change)) };
  return m(c.change < 0 ? message('verdicts.change.loss', values) : message('verdicts.change.gain', values));
}

/** "reaching" when the change equals the threshold exactly: the smallest real change counts, and says so. */
function beyond(c: { change: number; threshold?: number; T?: { degrees: number } }, threshold: MessageRef): MessageParam {
  const t = c.threshold ?? c.T?.degrees ?? 0;
  const values = { threshold: m(threshold) };
  return m(Math.abs(c.change) > t ? message('verdicts.beyondThreshold', values) : message('verdicts.reachingThreshold', values));
}

/** " (-2.1°/week)", or "" without a trend. */
function trendWords(slopePerWeek: number | undefined): MessageParam {
  return slopePerWeek === undefined ? '' : m(message('verdicts.trendInBrackets', { slope: slopeRef(slopePerWeek) }));
}

/** "the last two readings both show it and the trend is falling (-2.1°/week)". */
function both(falling: boolean, c: Comparison): MessageParam {
  const values = { slope: trendWords(c.trend?.slopePerWeek) };
  return m(falling ? message('verdicts.both.falling', values) : message('verdicts.both.rising', values));
}

/** Losing or improving on one stratum's readings. */
function stratumReason(f: StratumFinding, r: ReasonInput): MessageRef {
  const { comparison: c, summary: s } = r;
  const thr = thresholdRef(r.threshold, f.stratum.instrument);
  const by = m(measuredBy(f.stratum.instrument));
  if (f.basis === 'fast') {
    return labelled(
      s,
      message('verdicts.stratum.fast', {
        lost: deg(Math.abs(f.change)),
        duration: duration(daysBetween(f.from.date, f.to.date)),
        from: deg(f.from.value),
        to: deg(f.to.value),
        since: sinceReset(s),
        by,
        factor,
        threshold: m(thr),
        pooled: pooledAgrees(r),
      }),
    );
  }
  const trend = both(f.direction === 'loss', c);
  if (f.against === 'best') {
    const pair = f.fromFirst ? m(message('verdicts.pair.average', { first: day(f.fromFirst.date), second: day(f.from.date) })) : day(f.from.date);
    const base = s.points[f.stratum.indices[0]!]!;
    const vsBase = f.to.value - base.value;
    const at = { size: deg(Math.abs(vsBase)), baseline: deg(base.value) };
    const where = vsBase === 0 ? message('verdicts.where.back', at) : vsBase > 0 ? message('verdicts.where.above', at) : message('verdicts.where.below', at);
    return message('verdicts.stratum.fromBest', {
      series: m(s.labelRef),
      best: deg(round1(f.from.value)),
      pair,
      to: deg(f.to.value),
      duration: duration(daysBetween(f.from.date, f.to.date)),
      since: sinceReset(s),
      by,
      change: change(c),
      beyond: beyond(c, thr),
      both: trend,
      where: m(where),
      pooled: pooledAgrees(r),
    });
  }
  const head = m(message('verdicts.head.measured', { arrow: arrow(c, s), by }));
  return labelled(s, message('verdicts.change', { head, change: change(c), beyond: beyond(c, thr), both: trend, pooled: pooledAgrees(r) }));
}

function pooledAgrees(r: ReasonInput): MessageParam {
  const p = r.alsoPooled;
  if (!p || p.fit.strata < 2) return '';
  return m(message('verdicts.pooledAgrees', { who: whoPooled(r.strata), slope: slopeRef(p.fit.slopePerDay * 7) }));
}

/** A loss or gain on one reading (or against the trend): re-measure. */
function confirmReason(f: StratumFinding, r: ReasonInput): MessageRef {
  const thr = thresholdRef(r.threshold, f.stratum.instrument);
  const loss = f.direction === 'loss';
  const reference = m(
    f.against === 'best'
      ? message('verdicts.ref.best', { best: deg(round1(f.from.value)), date: day(f.from.date) })
      : message('verdicts.ref.baseline', { baseline: deg(f.from.value), date: day(f.from.date) }),
  );
  const previousBeyond = loss ? f.previous.value - f.from.value <= -f.T.degrees : f.previous.value - f.from.value >= f.T.degrees;
  const two = { previous: deg(f.previous.value), latest: deg(f.to.value), threshold: m(thr), reference };
  const one = { latest: deg(f.to.value), date: day(f.to.date), size: deg(Math.abs(f.change)), reference, beyond: beyond(f, thr) };
  const head = previousBeyond
    ? loss
      ? message('verdicts.confirm.twoBelow', two)
      : message('verdicts.confirm.twoAbove', two)
    : loss
      ? message('verdicts.confirm.oneBelow', one)
      : message('verdicts.confirm.oneAbove', one);
  const slope = { slope: trendWords(f.trend?.slopePerWeek) };
  const why = !previousBeyond
    ? loss
      ? message('verdicts.why.oneLow')
      : message('verdicts.why.oneHigh')
    : !f.trendAgrees
      ? loss
        ? message('verdicts.why.notFalling', slope)
        : message('verdicts.why.notRising', slope)
      : f.basis === 'fast'
        ? message('verdicts.why.fast', { factor })
        : message('verdicts.why.few', { count: f.stratum.indices.length });
  return labelled(r.summary, message('verdicts.confirm', { head: m(head), why: m(why) }));
}

function doubledConfirmReason(r: ReasonInput, loose: boolean): MessageRef {
  const c = r.comparison;
  const t = r.threshold;
  const thr = loose ? message('verdicts.threshold.doubledLoose', { degrees: deg(t.degrees), half: deg(t.degrees / 2), source: sourceRef(t.source) }) : thresholdRef(t, null);
  const but = loose ? message('verdicts.but.oneReading') : c.trendAgrees ? message('verdicts.but.onlyLatest') : message('verdicts.but.trendDisagrees', { slope: trendWords(c.trend?.slopePerWeek) });
  return labelled(r.summary, message('verdicts.doubledConfirm', { arrow: arrow(c, r.summary), change: change(c), beyond: beyond(c, thr), but: m(but) }));
}

/** Holding, or a doubled-threshold loss or gain. */
function comparisonReason(r: ReasonInput, s: SeriesSummary): MessageRef {
  const c = r.comparison;
  const thr = thresholdRef(r.threshold, c.to.instrument);
  const head = r.threshold.basis === 'doubled' ? arrow(c, s) : m(message('verdicts.head.measured', { arrow: arrow(c, s), by: m(measuredBy(c.to.instrument)) }));
  if (r.kind === 'holding') {
    const changed = m(c.change === 0 ? message('verdicts.changed.none') : message('verdicts.changed.by', { degrees: deg(Math.abs(c.change)) }));
    // A change beyond T can end here only unconfirmed: one reading, and newer readings by others since.
    const values = { head, changed, threshold: m(thr), pooled: pooledNote(r), latest: latestApart(r) };
    return labelled(s, c.counts ? message('verdicts.holding.unconfirmed', values) : message('verdicts.holding.within', values));
  }
  return labelled(s, message('verdicts.change', { head, change: change(c), beyond: beyond(c, thr), both: both(c.change < 0, c), pooled: '' }));
}

/** When the latest reading is not the one compared: it has no earlier reading by the same therapist and instrument. */
function latestApart(r: ReasonInput): MessageParam {
  const L = r.summary.latest;
  if (!L || r.comparison.to.index === L.index || r.threshold.basis === 'doubled') return '';
  const own = r.strata.find((s) => s.indices.includes(L.index));
  const values = { value: deg(L.value), date: day(L.date) };
  return m(own ? message('verdicts.latestApart.noEarlier', values) : message('verdicts.latestApart.noStratum', values));
}

/** On a holding verdict with several strata: what the pooled trend says, so "holding" is not taken on faith. */
function pooledNote(r: ReasonInput): MessageParam {
  const fit = r.pooledFit;
  if (!fit || fit.strata < 2) return '';
  return m(message('verdicts.pooledNote', { who: whoPooled(r.strata), slope: slopeRef(fit.slopePerDay * 7) }));
}

function pooledReason(f: PooledFinding, r: ReasonInput): MessageRef {
  const s = r.summary;
  const fit = f.fit;
  const who = whoPooled(r.strata);
  const threshold = m(thresholdRef(r.threshold, 'several'));
  const size = deg(Math.abs(Math.round(fit.fittedChange)));
  const slope = slopeRef(fit.slopePerDay * 7);
  if (f.basis === 'fast') {
    return labelled(s, message('verdicts.pooled.fast', { size, duration: duration(fit.spanDays), since: sinceReset(s), who, slope, factor, threshold }));
  }
  const since = s.resetBy ? sinceReset(s) : m(message('verdicts.since.date', { date: day(fit.fromDate) }));
  const lo = fit.lowerPerDay === null ? null : round1(fit.lowerPerDay * 7);
  const hi = fit.upperPerDay === null ? null : round1(fit.upperPerDay * 7);
  const interval =
    lo === null
      ? message('verdicts.interval.upTo', { hi: { number: hi ?? 0 } })
      : hi === null
        ? message('verdicts.interval.from', { lo: { number: lo } })
        : message('verdicts.interval.between', { lo: { number: lo }, hi: { number: hi } });
  const values = { who, slope, size, since, confidence: { number: Math.round(fit.confidence * 100) }, interval: m(interval), threshold };
  return labelled(s, f.direction === 'loss' ? message('verdicts.pooled.loss', values) : message('verdicts.pooled.gain', values));
}

export function insufficientReason(s: SeriesSummary, o: AnalysisOptions): MessageRef {
  const need = m(message('verdicts.insufficient.need', { count: o.minPoints, duration: duration(o.minSpanDays) }));
  const r = s.resetBy;
  const since = !r ? '' : r.kind === null && r.title === null ? m(message('verdicts.since.resetOn', { date: day(r.date) })) : sinceReset(s);
  const n = s.points.length;
  if (n === 0) return since === '' ? message('verdicts.insufficient.noneYet', { need }) : message('verdicts.insufficient.none', { since, need });
  if (n < o.minPoints) return message('verdicts.insufficient.only', { count: n, since, need });
  return message('verdicts.insufficient.short', { count: n, since, duration: duration(s.spanDays), need });
}

function round1(v: number): number {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}

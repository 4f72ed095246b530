// Words for what the analysis says beyond the verdict's own reason: the threshold applied and why, which
// readings the verdict rests on, and how the latest value compares with the normal and the other side. Pure,
// so the dashboard, the detail chart, the patient page and the report say it the same way.
//
// The analysis is being extended (threshold, strata, pooled, otherSideDifference): every field read here past
// kind and reason may be absent in an older answer, and each helper then says less rather than something wrong.
import type { SeriesSummary } from '../../../shared/analysis/series-summary';
import type { Verdict, VerdictStratum } from '../../../shared/analysis/verdict';
import { formatDegrees, sideLabel, type Side } from '../../../shared/domain/catalogue';
import { formatSlope } from '../../../shared/analysis/format';

export type VerdictView = Pick<Verdict, 'kind' | 'reason' | 'needsConfirmation'> & Partial<Pick<Verdict, 'comparison' | 'basis' | 'threshold' | 'strata' | 'pooled' | 'resetBy'>>;
export type SummaryView = Partial<Pick<SeriesSummary, 'percentOfNormal' | 'percentOfOtherSide' | 'otherSideDifference' | 'latest'>>;

const INSTRUMENT_WORDS: Readonly<Record<string, string>> = {
  goniometer: 'goniometer',
  inclinometer: 'inclinometer',
  smartphone: 'smartphone app',
  visual: 'visual estimate',
};

/** "goniometer", "visual estimate"; "instrument not recorded" for null. */
export function instrumentWord(instrument: string | null | undefined): string {
  if (instrument == null) return 'instrument not recorded';
  return INSTRUMENT_WORDS[instrument] ?? instrument;
}

export function sourceWords(source: 'clinic' | 'catalogue' | undefined): string {
  return source === 'clinic' ? 'clinic setting' : 'catalogue default';
}

/** The instrument the applied threshold belongs to: the compared readings', or several when strata differ. */
function thresholdInstrument(v: VerdictView): string | null {
  const own = v.comparison?.to.instrument ?? null;
  if (v.basis === 'stratum' || v.basis === 'fast') return own;
  const instruments = new Set((v.strata ?? []).map((s) => s.instrument));
  if (instruments.size === 1) return [...instruments][0] ?? null;
  return instruments.size === 0 ? own : null;
}

/**
 * "Threshold 12°, same therapist and goniometer (catalogue default)"; doubled: "Threshold 24°: 12° doubled, as no
 * two readings are by the same therapist with the same instrument (clinic setting)". Null without a threshold.
 */
export function thresholdSentence(v: VerdictView, fallbackDegrees?: number): string | null {
  const t = v.threshold;
  if (!t) return fallbackDegrees === undefined ? null : `Threshold ${formatDegrees(fallbackDegrees)}, same therapist and instrument`;
  const source = sourceWords(t.source);
  if (t.basis === 'doubled') {
    return `Threshold ${formatDegrees(t.degrees)}: ${formatDegrees(t.degrees / 2)} doubled, as no two readings are by the same therapist with the same instrument (${source})`;
  }
  const instrument = thresholdInstrument(v);
  const what = instrument === null ? 'instrument' : instrumentWord(instrument);
  return `Threshold ${formatDegrees(t.degrees)}, same therapist and ${what} (${source})`;
}

/** Where the clinic set another threshold for some instrument: "6° for the inclinometer readings". */
export function otherThresholds(v: VerdictView): string | null {
  const t = v.threshold?.degrees;
  if (t === undefined) return null;
  const others = new Map<string, number>();
  for (const s of v.strata ?? []) if (s.threshold !== t && s.instrument) others.set(s.instrument, s.threshold);
  if (others.size === 0) return null;
  return [...others].map(([instrument, degrees]) => `${formatDegrees(degrees)} for the ${instrumentWord(instrument)} readings`).join('; ');
}

/** What the verdict rests on, in a few words: "readings by Abena Owusu with the goniometer". */
export function basisSentence(v: VerdictView, nameOf: (id: string | null) => string): string | null {
  switch (v.basis) {
    case 'stratum':
    case 'fast': {
      const to = v.comparison?.to;
      if (!to) return null;
      const fast = v.basis === 'fast' ? 'a fast loss within two weeks, ' : '';
      return `Judged on ${fast}readings by ${nameOf(to.raterId)} with the ${instrumentWord(to.instrument)}`;
    }
    case 'pooled': {
      const p = v.pooled;
      if (!p) return 'Judged on the trend pooled over the therapists, each compared only with their own readings';
      const interval = p.lowerPerWeek !== null && p.upperPerWeek !== null ? `, ${Math.round(p.confidence * 100)} % interval ${formatSlope(p.lowerPerWeek)} to ${formatSlope(p.upperPerWeek)}` : '';
      return `Judged on the trend pooled over ${p.strata} groups of readings (same therapist and instrument within each): ${formatSlope(p.slopePerWeek)}${interval}`;
    }
    case 'doubled':
      return 'Judged on the first and latest readings, taken by different therapists or instruments';
    default:
      return null;
  }
}

/** The strata in words for a screen reader or the report: "Abena Owusu, goniometer (12 readings)". */
export function strataWords(strata: readonly VerdictStratum[], nameOf: (id: string | null) => string): string {
  return strata.map((s) => `${nameOf(s.raterId)}, ${instrumentWord(s.instrument)} (${s.readings} reading${s.readings === 1 ? '' : 's'})`).join('; ');
}

/** "73% of normal": only when the analysis gives a percentage (it does only where one means something). */
export function normalWords(s: SummaryView): string | null {
  return s.percentOfNormal == null ? null : `${s.percentOfNormal}% of normal`;
}

/**
 * "95% of the left", or where a percentage would mislead, the difference: "12° less than the left". Null when
 * the other side was not measured close enough in time to compare.
 */
export function otherSideWords(s: SummaryView, side: Side): string | null {
  const other = sideLabel(side === 'left' ? 'right' : 'left').toLowerCase();
  if (s.percentOfOtherSide != null) return `${s.percentOfOtherSide}% of the ${other}`;
  const d = s.otherSideDifference;
  if (d == null) return null;
  if (Math.abs(d) < 0.05) return `same as the ${other}`;
  return `${formatDegrees(Math.abs(d))} ${d < 0 ? 'less' : 'more'} than the ${other}`;
}

/**
 * The reason without its leading series name ("Right elbow flexion: 130° → 110° …" → "130° → 110° …"), for
 * places that already name the series right before it. Left whole when it does not start that way.
 */
export function reasonAfterLabel(reason: string, label: string | undefined): string {
  if (!label || !reason.startsWith(`${label}: `)) return reason;
  const rest = reason.slice(label.length + 2);
  return rest.length === 0 ? reason : rest[0]!.toUpperCase() + rest.slice(1);
}

// Words for what the analysis says beyond the verdict's own reason: the threshold applied and why, which
// readings the verdict rests on, and how the latest value compares with the normal and the other side. Each is a
// message (shared/i18n/message.ts), pure, so the dashboard, the detail chart, the patient page and the report say
// it the same way, each in its own language (use-verdict-text.ts writes them).
//
// The analysis is being extended (threshold, strata, pooled, otherSideDifference): every field read here past
// kind and reason may be absent in an older answer, and each helper then says less rather than something wrong.
import type { SeriesSummary } from '../../../shared/analysis/series-summary';
import type { Verdict } from '../../../shared/analysis/verdict';
import { slopeRef, sourceRef, withInstrument } from '../../../shared/analysis/verdict-words';
import type { Side } from '../../../shared/domain/catalogue';
import type { TFunction } from 'i18next';
import type { Formatter } from '../../../shared/format';
import { message, writeMessage, type MessageRef } from '../../../shared/i18n/message';

export type VerdictView = Pick<Verdict, 'kind' | 'reason' | 'needsConfirmation'> & Partial<Pick<Verdict, 'reasonRef' | 'comparison' | 'basis' | 'threshold' | 'strata' | 'pooled' | 'resetBy'>>;
export type SummaryView = Partial<Pick<SeriesSummary, 'percentOfNormal' | 'percentOfOtherSide' | 'otherSideDifference' | 'latest'>>;

const SAME: Readonly<Record<string, MessageRef>> = {
  goniometer: message('verdicts.same.goniometer'),
  inclinometer: message('verdicts.same.inclinometer'),
  smartphone: message('verdicts.same.smartphone'),
  visual: message('verdicts.same.visual'),
};

/** The instrument the applied threshold belongs to: the compared readings', or several when strata differ. */
function thresholdInstrument(v: VerdictView): string | null {
  const own = v.comparison?.to.instrument ?? null;
  if (v.basis === 'stratum' || v.basis === 'fast') return own;
  const instruments = new Set((v.strata ?? []).map((s) => s.instrument));
  if (instruments.size === 1) return [...instruments][0] ?? null;
  return instruments.size === 0 ? own : null;
}

function sameTherapistAnd(instrument: string | null): MessageRef {
  if (instrument === null) return message('verdicts.same.several');
  return SAME[instrument] ?? message('verdicts.same.other', { instrument });
}

/**
 * "Threshold 12°, same therapist and goniometer (catalogue default)"; doubled: "Threshold 24°: 12° doubled, as no
 * two readings are by the same therapist with the same instrument (clinic's setting)". Null without a threshold.
 */
export function thresholdSentence(v: VerdictView, fallbackDegrees?: number): MessageRef | null {
  const t = v.threshold;
  if (!t) return fallbackDegrees === undefined ? null : message('verdicts.thresholdLine.fallback', { degrees: { degrees: fallbackDegrees } });
  if (t.basis === 'doubled') return message('verdicts.thresholdLine.doubled', { degrees: { degrees: t.degrees }, half: { degrees: t.degrees / 2 }, source: sourceRef(t.source) });
  return message('verdicts.thresholdLine.same', { degrees: { degrees: t.degrees }, same: { message: sameTherapistAnd(thresholdInstrument(v)) }, source: sourceRef(t.source) });
}

/** Where the clinic set another threshold for some instrument: "6° for the readings with the inclinometer". */
export function otherThresholds(v: VerdictView): MessageRef | null {
  const t = v.threshold?.degrees;
  if (t === undefined) return null;
  const others = new Map<string, number>();
  for (const s of v.strata ?? []) if (s.threshold !== t && s.instrument) others.set(s.instrument, s.threshold);
  if (others.size === 0) return null;
  const items = [...others].map(([instrument, degrees]) => ({ message: message('verdicts.otherThreshold', { degrees: { degrees }, with: { message: withInstrument(instrument) } }) }));
  return message('verdicts.otherThresholds', { items: { list: items, join: 'semicolon' } });
}

/** What the verdict rests on, in a few words: "Judged on readings by Abena Owusu with the goniometer". */
export function basisSentence(v: VerdictView, nameOf: (id: string | null) => string): MessageRef | null {
  switch (v.basis) {
    case 'stratum':
    case 'fast': {
      const to = v.comparison?.to;
      if (!to) return null;
      const values = { name: nameOf(to.raterId), with: { message: withInstrument(to.instrument) } };
      return v.basis === 'fast' ? message('verdicts.basis.fast', values) : message('verdicts.basis.stratum', values);
    }
    case 'pooled': {
      const p = v.pooled;
      if (!p) return message('verdicts.basis.pooledUnknown');
      const interval =
        p.lowerPerWeek !== null && p.upperPerWeek !== null
          ? { message: message('verdicts.basis.interval', { confidence: { number: Math.round(p.confidence * 100) }, lo: slopeRef(p.lowerPerWeek), hi: slopeRef(p.upperPerWeek) }) }
          : '';
      return message('verdicts.basis.pooled', { count: p.strata, slope: slopeRef(p.slopePerWeek), interval });
    }
    case 'doubled':
      return message('verdicts.basis.doubled');
    default:
      return null;
  }
}

/** "73% of normal": only when the analysis gives a percentage (it does only where one means something). */
export function normalWords(s: SummaryView): MessageRef | null {
  return s.percentOfNormal == null ? null : message('verdicts.ofNormal', { percent: { number: s.percentOfNormal } });
}

/**
 * "95% of the left", or where a percentage would mislead, the difference: "12° less than the left". Null when
 * the other side was not measured close enough in time to compare.
 */
export function otherSideWords(s: SummaryView, side: Side): MessageRef | null {
  const left = side === 'right';
  if (s.percentOfOtherSide != null) {
    const values = { percent: { number: s.percentOfOtherSide } };
    return left ? message('verdicts.otherSide.percent.left', values) : message('verdicts.otherSide.percent.right', values);
  }
  const d = s.otherSideDifference;
  if (d == null) return null;
  if (Math.abs(d) < 0.05) return left ? message('verdicts.otherSide.same.left') : message('verdicts.otherSide.same.right');
  const values = { degrees: { degrees: Math.abs(d) } };
  if (d < 0) return left ? message('verdicts.otherSide.less.left', values) : message('verdicts.otherSide.less.right', values);
  return left ? message('verdicts.otherSide.more.left', values) : message('verdicts.otherSide.more.right', values);
}

/**
 * The reason without its leading series name ("Right elbow flexion: 130° → 110° …" → "130° → 110° …"), for
 * places that already name the series right before it; `capital` says its first letter must be raised, as it
 * starts a sentence now. Left whole when the reason does not start with the series name.
 */
export function reasonBody(ref: MessageRef): { ref: MessageRef; capital: boolean } {
  const inner = ref.id === 'verdicts.labelled' ? ref.params?.['reason'] : undefined;
  if (inner && typeof inner === 'object' && 'message' in inner) return { ref: inner.message, capital: true };
  return { ref, capital: false };
}

/**
 * The whole reason written with a given `t` and formatter, for text built outside React (the referral letter's
 * draft, in the letter's language). Reasons hold no lists, so the locale only lower-cases nested words.
 */
export function reasonWith(v: Pick<VerdictView, 'reason' | 'reasonRef'>, t: TFunction, format: Formatter, locale = 'en'): string {
  if (!v.reasonRef) return v.reason;
  const translate = (id: string, values: Record<string, string | number>) => t(id, { ...values, defaultValue: id });
  return writeMessage(v.reasonRef, { translate, format, locale });
}

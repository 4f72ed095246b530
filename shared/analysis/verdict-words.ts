// The phrases verdict reasons are built from, as messages: each instrument phrase is a key of its own ("with the
// goniometer", "by visual estimate"; "avec le goniomètre", "par estimation visuelle") because articles and
// agreement differ by instrument and language; a noun glued into a sentence would read wrong in French or Spanish.

import { formatChange } from '../format';
import { englishText, message, type MessageParam, type MessageRef, type MessageWriter } from '../i18n/message';
import { formatDay, formatDegrees, formatNumber } from './format';
import type { SeriesSummary } from './series-summary';
import type { Stratum } from './strata';
import type { VerdictThreshold } from './verdict';

const WITH: Readonly<Record<string, MessageRef>> = {
  goniometer: message('verdicts.with.goniometer'),
  inclinometer: message('verdicts.with.inclinometer'),
  smartphone: message('verdicts.with.smartphone'),
  visual: message('verdicts.with.visual'),
};

const SAME: Readonly<Record<string, MessageRef>> = {
  goniometer: message('verdicts.same.goniometer'),
  inclinometer: message('verdicts.same.inclinometer'),
  smartphone: message('verdicts.same.smartphone'),
  visual: message('verdicts.same.visual'),
};

/** "with the goniometer", "by visual estimate", "with an unrecorded instrument". */
export function withInstrument(instrument: string | null): MessageRef {
  if (instrument === null) return message('verdicts.with.unrecorded');
  return WITH[instrument] ?? message('verdicts.with.other', { instrument });
}

/** "measured by the same therapist with the goniometer" (or "by visual estimate"). */
export function measuredBy(instrument: string | null): MessageRef {
  return message('verdicts.measuredBy', { with: { message: withInstrument(instrument) } });
}

/** "same therapist and goniometer"; 'several': "same therapist and instrument". */
function sameTherapistAnd(instrument: string | null | 'several'): MessageRef {
  if (instrument === 'several') return message('verdicts.same.several');
  if (instrument === null) return message('verdicts.same.unrecorded');
  return SAME[instrument] ?? message('verdicts.same.other', { instrument });
}

export function sourceRef(source: VerdictThreshold['source']): MessageParam {
  return { message: source === 'clinic' ? message('verdicts.source.clinic') : message('verdicts.source.catalogue') };
}

/** "12°, same therapist and goniometer, catalogue default"; "24°: doubled, as no two readings are …; 12°, clinic's setting". */
export function thresholdRef(t: VerdictThreshold, instrument: string | null | 'several'): MessageRef {
  if (t.basis === 'doubled') return message('verdicts.threshold.doubled', { degrees: { degrees: t.degrees }, half: { degrees: t.degrees / 2 }, source: sourceRef(t.source) });
  return message('verdicts.threshold.same', { degrees: { degrees: t.degrees }, same: { message: sameTherapistAnd(instrument) }, source: sourceRef(t.source) });
}

/** A slope as "-2.1°/week". */
export function slopeRef(perWeek: number): MessageParam {
  return { message: message('verdicts.slope', { slope: { number: Number(formatNumber(perWeek)) } }) };
}

/**
 * " since the open release (3 Mar 2026)", or "" when the series was never restarted. The date in brackets
 * because titles are free text ("Excision of heterotopic bone, right hip") and "of <date>" after a comma misreads.
 * Starts with its space, so a sentence without it has none.
 */
export function sinceReset(s: SeriesSummary): MessageParam {
  const r = s.resetBy;
  if (!r) return '';
  const date = { date: r.date };
  const title = r.title?.trim().replace(/[.\s]+$/, '');
  // The title is the clinic's own text: kept as typed (lower-cased at its start to sit inside the sentence).
  if (title) return { message: message('verdicts.since.titled', { title: title[0]!.toLowerCase() + title.slice(1), date }) };
  if (r.kind === 'excision') return { message: message('verdicts.since.excision', { date }) };
  if (r.kind === 'surgery') return { message: message('verdicts.since.surgery', { date }) };
  return { message: message('verdicts.since.reset', { date }) };
}

/** "2 therapists", "2 instruments", "3 therapist-instrument pairs", or "one therapist with the goniometer". */
export function whoPooled(strata: readonly Stratum[]): MessageParam {
  const used = strata.filter((s) => s.indices.length >= 2);
  if (used.length <= 1) return { message: message('verdicts.who.one', { with: { message: withInstrument(used[0]?.instrument ?? null) } }) };
  const raters = new Set(used.map((s) => s.raterId)).size;
  const instruments = new Set(used.map((s) => s.instrument)).size;
  if (instruments === 1) return { message: message('verdicts.who.therapists', { count: raters }) };
  if (raters === 1) return { message: message('verdicts.who.instruments', { count: instruments }) };
  return { message: message('verdicts.who.pairs', { count: used.length }) };
}

/** How `reason` (the English text for API callers) writes values: the unambiguous "4 Mar 2026" for dates. */
const ENGLISH_FORMAT: MessageWriter['format'] = { date: formatDay, degrees: formatDegrees, change: formatChange, number: formatNumber };

/** The English text of a reason, written from its message so the two can never differ. */
export function englishReason(ref: MessageRef): string {
  return englishText(ref, ENGLISH_FORMAT);
}

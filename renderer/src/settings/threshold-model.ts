// The thresholds panel's boxes: one per instrument plus "any instrument", how typed text becomes the
// 'thresholds.set' and 'thresholds.clear' calls, and the sentence that confirms what was saved.
import type { ThresholdEntry } from '../../../shared/api/operations/thresholds';
import { INSTRUMENTS, type Instrument } from '../../../shared/domain/visit';
import { numberFromText } from '../clinical/format';
import type { ThresholdWords } from './threshold-words';

/** Form field names: 'any' stands for the null instrument, which is not a usable field name. */
export type SlotKey = 'any' | Instrument;
export const SLOTS: readonly SlotKey[] = ['any', ...INSTRUMENTS];
export type ThresholdValues = Record<SlotKey, string>;

export function instrumentOf(slot: SlotKey): Instrument | null {
  return slot === 'any' ? null : slot;
}

/** The clinic's value for one box, or undefined where the clinic has none. */
export function overrideOf(entry: ThresholdEntry, slot: SlotKey): number | undefined {
  return entry.overrides.find((o) => o.instrument === instrumentOf(slot))?.degrees;
}

export function valuesOf(entry: ThresholdEntry): ThresholdValues {
  const values = {} as ThresholdValues;
  for (const slot of SLOTS) {
    const d = overrideOf(entry, slot);
    values[slot] = d === undefined ? '' : String(d);
  }
  return values;
}

/** Typed text as the schema expects it; a trailing degree sign ("10°") is how people write angles. */
export function typedDegrees(text: string): number | string | null {
  return numberFromText(text.replace(/\s*°\s*$/, ''));
}

export interface SlotChange {
  slot: SlotKey;
  /** null: back to the default (a clear). */
  degrees: number | string | null;
}

/**
 * What saving the boxes changes: a typed value that differs from the clinic's is a set (the text is passed on
 * when it is not a number, so the shared schema refuses it with its own message); an emptied box is a clear.
 */
export function changesOf(entry: ThresholdEntry, values: ThresholdValues): SlotChange[] {
  const changes: SlotChange[] = [];
  for (const slot of SLOTS) {
    const typed = typedDegrees(values[slot]);
    const current = overrideOf(entry, slot);
    if (typed === null) {
      if (current !== undefined) changes.push({ slot, degrees: null });
    } else if (typed !== current) changes.push({ slot, degrees: typed });
  }
  return changes;
}

/** "Hip extension saved: universal goniometer 10°; any instrument back to the default. Catalogue default 12°." */
export function savedMessage(entry: ThresholdEntry, changes: readonly SlotChange[], words: ThresholdWords): string {
  const { t, lower } = words;
  const name = words.entryName(entry);
  if (changes.length === 0) return t('thresholdForm.noChange', { name: lower(name) });
  const parts = changes.map((c) =>
    c.degrees === null ? t('thresholdForm.partCleared', { slot: lower(words.slot(c.slot)) }) : t('thresholdForm.partSet', { slot: lower(words.slot(c.slot)), degrees: words.degrees(Number(c.degrees)) }),
  );
  return t('thresholdForm.saved', { name, parts: parts.join('; '), fallback: words.degrees(entry.catalogueDefault.degrees) });
}

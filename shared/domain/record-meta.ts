import { z } from 'zod';
import { isoInstant, requiredText, uuid } from './schema-parts';
import { message, said } from '../i18n/message';

/**
 * Clinical records are never edited in place or deleted. A correction writes a new version that
 * supersedes the old one (same lineage); voiding marks the current version with a reason. Every
 * versioned record carries this.
 */
export const VoidMark = z.strictObject({ at: isoInstant, by: z.string().nullable(), reason: z.string() });

export const RecordMeta = {
  id: z.string(),
  /** The id of the first version: stays the same through corrections. */
  lineageId: z.string(),
  supersedesId: z.string().nullable(),
  recordedAt: isoInstant,
  recordedBy: z.string().nullable(),
  /** Why this version replaced the one before it; null for a first version. */
  correctionReason: z.string().nullable(),
  voided: VoidMark.nullable(),
};

export const reason = (what: 'correction' | 'voiding' | 'revision' | 'ending' | 'change') =>
  requiredText(`A reason for the ${what}`, 500).refine((r) => r.length >= 3, { error: said(message('domain.reason.tooShort')) });

export const VoidInput = z.strictObject({ id: uuid, reason: reason('voiding') });
export const HistoryInput = z.strictObject({ id: uuid });

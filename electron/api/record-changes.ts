import type { NewVersion, VersionColumns, VersionedRecords } from '../db/versioned-records';
import { audit } from './audit';
import type { ApiContext } from './context';
import { requireActor } from './session';
import { correctionOf } from './versions';

// Clinical records are corrected or voided, never edited: the one way each is done, for every kind of record
// (risk factors, watched sites, events, measurements, plan goals). The SQL is the repositories' (db/); this is
// the order of the steps and the audit row, which must be the same everywhere. Call inside the change's
// transaction (dispatch opens it for every change).

/** A kind of versioned record as these helpers need it: its versions, and how one version reads whole. */
export interface RecordKind<Row extends VersionColumns, Rec> {
  versions: VersionedRecords<Row>;
  read(id: string): Rec | null;
  /** The audit log's name for it, e.g. 'risk_factor'. */
  entity: string;
}

/** Marks the current version `id` voided by the working therapist, with the reason; returns it as voided. */
export function voidRecord<Row extends VersionColumns, Rec>(
  ctx: ApiContext,
  kind: RecordKind<Row, Rec>,
  operation: string,
  input: { id: string; reason: string },
): { old: Row; after: Rec } {
  const old = kind.versions.current(input.id);
  const before = readVersion(kind, old.id);
  const at = ctx.now();
  kind.versions.void(old.id, at, requireActor(ctx), input.reason);
  const after = readVersion(kind, old.id);
  audit(ctx, { at, operation, entity: kind.entity, entityId: old.lineage_id, before, after });
  return { old, after };
}

/**
 * Replaces the current version `id` by a new one in the same lineage, with the reason. `write` checks the new
 * values against the old version (throwing leaves nothing written) and inserts the new version.
 *
 * `supersedeFirst` is for a table whose unique index allows one current row per thing (a watched site per
 * joint and side): the old row stops being current before the new one goes in. The link to the new id is a
 * deferred foreign key, checked at commit. Otherwise the old row stays current while `write` runs, so its
 * checks still see the record as it was.
 */
export function correctRecord<Row extends VersionColumns, Rec extends { id: string }>(
  ctx: ApiContext,
  kind: RecordKind<Row, Rec>,
  operation: string,
  input: { id: string; reason: string },
  write: (version: NewVersion, old: Row) => Rec,
  options: { supersedeFirst?: boolean } = {},
): Rec {
  const old = kind.versions.current(input.id);
  const before = readVersion(kind, old.id);
  const at = ctx.now();
  const version = correctionOf(ctx, old, at, input.reason);
  if (options.supersedeFirst) kind.versions.markSuperseded(old.id, version.id);
  const after = write(version, old);
  if (!options.supersedeFirst) kind.versions.markSuperseded(old.id, after.id);
  audit(ctx, { at, operation, entity: kind.entity, entityId: old.lineage_id, before, after });
  return after;
}

function readVersion<Row extends VersionColumns, Rec>(kind: RecordKind<Row, Rec>, id: string): Rec {
  const rec = kind.read(id);
  // current() has just found this row, so a miss is a fault in the repository, not the person's input.
  if (rec === null) throw new Error(`${kind.entity} ${id} could not be read back`);
  return rec;
}

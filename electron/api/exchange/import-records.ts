import type { ImportReport } from '../../../shared/api/operations/exchange';
import type { BundleContents } from '../../../shared/exchange/read-bundle';
import type { ImportedVersion } from '../../../shared/exchange/read-entry';
import { capitalName, siteName, siteStatusWord } from '../../../shared/domain/message-words';
import { englishText, message, type MessageRef } from '../../../shared/i18n/message';
import { AppError } from '../../db/errors';
import { prepared } from '../../db/statement-cache';
import { CURRENT_ONLY, lineageMatch, type NewVersion, type VersionColumns, type VersionedRecords, type VersionedTable } from '../../db/versioned-records';
import type { ApiContext } from '../context';

// Watched sites, risk factors, events, plans and goals of a checked Bundle, written in the caller's transaction.
// Like measurements (import-bundle.ts), each keeps its ids: a version held here is matched, a later version of a
// lineage held here becomes its correction, a void arrives as a void. Nothing held here is changed otherwise.

export type RecordCounts = Pick<ImportReport['added'], 'sites' | 'riskFactors' | 'events' | 'planVersions' | 'goals'>;
type Conflict = ImportReport['conflicts'][number];

/** The refusal when a record in the file is held here under another patient. */
const ELSEWHERE = {
  event: (id: string) => message('exchange.error.eventElsewhere', { id }),
  'watched site': (id: string) => message('exchange.error.siteElsewhere', { id }),
  'risk factor': (id: string) => message('exchange.error.riskFactorElsewhere', { id }),
  goal: (id: string) => message('exchange.error.goalElsewhere', { id }),
} as const;

/** What a conflict is about, starting its sentence ("A goal: …"). */
const KIND = {
  event: message('exchange.conflict.kind.event'),
  'watched site': message('exchange.conflict.kind.watchedSite'),
  'risk factor': message('exchange.conflict.kind.riskFactor'),
  goal: message('exchange.conflict.kind.goal'),
} as const;

/** A conflict's message: its id for the screen, its English text for API callers. */
export function conflictSaid(ref: MessageRef): { message: string; messageRef: MessageRef } {
  return { message: englishText(ref), messageRef: ref };
}

interface Writer {
  ctx: ApiContext;
  patientId: string;
  actor: string;
  at: string;
  conflicts: Conflict[];
}

function currentOf(ctx: ApiContext, table: VersionedTable, lineageId: string): { id: string; recorded_at: string } | null {
  const l = lineageMatch(table);
  return prepared<[{ lineage: unknown }], { id: string; recorded_at: string }>(ctx.db, `SELECT ${l.id} AS id, r.recorded_at FROM ${table} r WHERE ${l.where} AND ${CURRENT_ONLY}`)
    .get({ lineage: l.lineage(lineageId) }) ?? null;
}

/**
 * A record voided here has no current version, but the file's version of it must not bring it back: the void
 * stands, and the person is told.
 */
export function voidedHere(ctx: ApiContext, table: VersionedTable, lineageId: string): boolean {
  const l = lineageMatch(table);
  return prepared<[{ lineage: unknown }], { n: number }>(ctx.db, `SELECT count(*) AS n FROM ${table} r WHERE ${l.where}`).get({ lineage: l.lineage(lineageId) })!.n > 0 && !currentOf(ctx, table, lineageId);
}

/**
 * One version from the file. A version older than the one held here (this workstation corrected the record since)
 * is left out and listed: the newer one stays current.
 */
function importVersion<Row extends VersionColumns & { patient_id: string }>(
  w: Writer,
  table: VersionedTable,
  store: VersionedRecords<Row>,
  r: ImportedVersion,
  what: keyof typeof ELSEWHERE,
  insert: (version: NewVersion) => void,
): 'added' | 'matched' | 'kept' {
  const held = store.get(r.id);
  if (held) {
    if (held.patient_id !== w.patientId) throw new AppError('conflict', ELSEWHERE[what](r.id));
    if (r.state.kind === 'voided' && !held.voided_at && !held.superseded_by) {
      store.void(r.id, r.voidedAt ?? w.at, w.actor, r.state.reason);
      return 'added';
    }
    return 'matched';
  }
  if (voidedHere(w.ctx, table, r.lineageId)) {
    w.conflicts.push({ field: what, here: null, incoming: r.id, ...conflictSaid(message('exchange.conflict.voided', { what: { message: KIND[what] } })) });
    return 'kept';
  }
  const current = currentOf(w.ctx, table, r.lineageId);
  if (current && current.recorded_at > r.recordedAt) {
    w.conflicts.push({ field: what, here: current.id, incoming: r.id, ...conflictSaid(message('exchange.conflict.corrected', { what: { message: KIND[what] } })) });
    return 'kept';
  }
  const supersedes = current && r.id !== r.lineageId ? current.id : null;
  if (supersedes) store.markSuperseded(supersedes, r.id);
  insert({
    id: r.id,
    lineageId: r.lineageId,
    supersedesId: supersedes,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy,
    correctionReason: supersedes ? (r.state.kind === 'corrected' ? r.state.reason : 'Corrected at the sending workstation') : null,
  });
  if (r.state.kind === 'voided') store.void(r.id, r.voidedAt ?? w.at, w.actor, r.state.reason);
  return 'added';
}

export function importRecords(ctx: ApiContext, c: BundleContents, patientId: string, actor: string, conflicts: Conflict[]): { added: RecordCounts; matched: RecordCounts } {
  const w: Writer = { ctx, patientId, actor, at: ctx.now(), conflicts };
  const added: RecordCounts = { sites: 0, riskFactors: 0, events: 0, planVersions: 0, goals: 0 };
  const matched: RecordCounts = { ...added };
  const count = (key: keyof RecordCounts, r: 'added' | 'matched' | 'kept') => {
    if (r === 'added') added[key]++;
    else if (r === 'matched') matched[key]++;
  };
  const { profile, events, goals } = ctx.repos;

  for (const e of c.events) {
    const values = { patientId, kind: e.kind, date: e.date, endDate: e.endDate, joint: e.joint, side: e.side, title: e.title, value: e.value, unit: e.unit, classification: e.classification, note: e.note };
    count('events', importVersion(w, 'clinical_events', events.versions, e, 'event', (v) => events.insert(v, values)));
  }
  // Voided sites first: one site per joint and side may be current, and a voided one was current once too.
  for (const s of [...c.sites].sort((a, b) => Number(b.state.kind === 'voided') - Number(a.state.kind === 'voided'))) {
    const other = profile.currentSite(patientId, s.joint, s.side);
    if (other && other.lineageId !== s.lineageId && !profile.siteVersions.get(s.id)) {
      conflicts.push({
        field: 'watchedSite',
        here: other.id,
        incoming: s.id,
        ...conflictSaid(message('exchange.conflict.siteWatched', { site: capitalName(siteName(s.side, s.joint)), status: { message: siteStatusWord(s.status), lower: true }, since: { date: s.since } })),
      });
      continue;
    }
    count('sites', importVersion(w, 'watched_sites', profile.siteVersions, s, 'watched site', (v) =>
      profile.insertSite(v, { patientId, joint: s.joint, side: s.side, status: s.status, since: s.since, note: s.note })));
  }
  for (const r of c.riskFactors) {
    count('riskFactors', importVersion(w, 'risk_factors', profile.riskFactorVersions, r, 'risk factor', (v) =>
      profile.insertRiskFactor(v, { patientId, kind: r.kind, onsetDate: r.onsetDate, note: r.note })));
  }

  for (const v of c.plans) count('planVersions', importPlanVersion(w, v));
  for (const g of c.goals) {
    count('goals', importVersion(w, 'plan_goals', goals.goalVersions, g, 'goal', (version) =>
      goals.insertGoal(version, { planId: g.planId, patientId, motion: g.motion, side: g.side, mode: g.mode, target: g.target, targetDate: g.targetDate, setWhenMet: g.setWhenMet })));
  }
  return { added, matched };
}

/**
 * A plan version: revisions are whole new versions (never corrections of an error), each superseding the one in
 * force before it; a stop or a void made at the other workstation since is applied to the version held here.
 */
function importPlanVersion(w: Writer, v: BundleContents['plans'][number]): 'added' | 'matched' | 'kept' {
  const { plans } = w.ctx.repos;
  const held = plans.versions.get(v.id);
  let changed = false;
  if (held) {
    if (held.patient_id !== w.patientId) throw new AppError('conflict', message('exchange.error.planElsewhere', { id: v.planId }));
  } else {
    const current = currentOf(w.ctx, 'plan_versions', v.planId);
    const row = current ? plans.versions.get(current.id) : null;
    if (row && row.effective_from >= v.effectiveFrom) {
      w.conflicts.push({ field: 'plan', here: row.id, incoming: v.id, ...conflictSaid(message('exchange.conflict.planRevised', { title: v.title, here: { date: row.effective_from }, incoming: { date: v.effectiveFrom } })) });
      return 'kept';
    }
    if (row) plans.versions.markSuperseded(row.id, v.id);
    plans.insertVersion(
      { id: v.id, lineageId: v.planId, supersedesId: row?.id ?? null, recordedAt: v.recordedAt, recordedBy: v.recordedBy, correctionReason: row ? (v.correctionReason ?? 'Revised at the sending workstation') : null },
      { patientId: w.patientId, title: v.title, effectiveFrom: v.effectiveFrom, endDate: v.endDate, sites: v.sites, passiveRomAllowed: v.passiveRomAllowed, precautions: v.precautions },
      v.items,
    );
    changed = true;
  }
  const now = plans.versions.get(v.id)!;
  const isCurrent = !now.superseded_by && !now.voided_at;
  if (v.ended && isCurrent && !now.ended_on) {
    plans.end(v.id, v.ended.on, v.ended.at, w.actor, v.ended.reason);
    changed = true;
  }
  if (v.voided && isCurrent) {
    plans.versions.void(v.id, v.voided.at ?? w.at, w.actor, v.voided.reason);
    changed = true;
  }
  return changed ? 'added' : 'matched';
}

import { DEMOGRAPHICS, type ImportFhirInput, type ImportReport } from '../../../shared/api/operations/exchange';
import type { Patient } from '../../../shared/domain/patient';
import { initialsOf } from '../../../shared/domain/therapist';
import type { BundleContents, ImportedMeasurement, ImportedPatient } from '../../../shared/exchange/read-bundle';
import { LANGUAGE_NAMES } from '../../../shared/i18n/languages';
import { message, type MessageParam, type MessageRef } from '../../../shared/i18n/message';
import { AppError } from '../../db/errors';
import type { ApiContext } from '../context';
import { conflictSaid, importRecords, voidedHere } from './import-records';

type Decisions = NonNullable<ImportFhirInput['decisions']>;
type Field = Decisions['takeIncoming'][number];
const FIELDS: readonly Field[] = DEMOGRAPHICS;
const FIELD_NAMES: Record<Field, MessageRef> = {
  familyName: message('exchange.report.field.familyName'),
  givenNames: message('exchange.report.field.givenNames'),
  clinicId: message('exchange.report.field.clinicId'),
  dateOfBirth: message('exchange.report.field.dateOfBirth'),
  sex: message('exchange.report.field.sex'),
  documentLanguage: message('exchange.report.field.documentLanguage'),
};

/** A demographic's value as recorded: a date in the clinic's format, the sex in the screen's words, a language by its own name. */
function valueParam(p: Pick<ImportedPatient, Field>, f: Field): MessageParam {
  if (f === 'sex') return { message: message(`sex.${p.sex}`), lower: true };
  if (f === 'documentLanguage') return p.documentLanguage ? LANGUAGE_NAMES[p.documentLanguage] : { message: message('exchange.report.none') };
  const value = p[f];
  if (value === null) return { message: message('exchange.report.none') };
  return f === 'dateOfBirth' ? { date: value } : value;
}

const zero = () => ({ patients: 0, therapists: 0, visits: 0, measurements: 0 });
const total = (c: ImportReport['added']): number => Object.values(c).reduce((n, x) => n + x, 0);

/**
 * Writes a checked Bundle's records (shared/exchange/read-bundle.ts) in the caller's transaction. Every record
 * keeps its ids, so a second import of the same file finds everything and writes nothing. Clinical records are
 * only ever added: a correction or a void from the other side becomes a new version of the lineage held here.
 */
export function importContents(ctx: ApiContext, c: BundleContents, decisions: Decisions | undefined): ImportReport {
  const at = ctx.now();
  const actor = ctx.actorId();
  if (!actor) throw new AppError('invalid_input', message('exchange.error.noActor'));
  const added = zero();
  const matched = zero();
  const conflicts: ImportReport['conflicts'] = [];
  let demographicsTaken = false;

  const found = findPatient(ctx, c.patient);
  let patientId: string;
  if (found) {
    matched.patients++;
    patientId = found.patient.id;
    const take = new Set(decisions?.takeIncoming ?? []);
    const p = found.patient;
    const pick = <K extends Field>(f: K): ImportedPatient[K] => (take.has(f) ? c.patient[f] : p[f]);
    for (const f of FIELDS) {
      const here = p[f];
      const incoming = c.patient[f];
      if (here !== incoming && !take.has(f)) {
        conflicts.push({ field: f, here, incoming, ...conflictSaid(message('exchange.conflict.demographic', { field: { message: FIELD_NAMES[f] }, here: valueParam(p, f), incoming: valueParam(c.patient, f) })) });
      }
    }
    if (FIELDS.some((f) => take.has(f) && p[f] !== c.patient[f])) {
      // Taken only when a person chose to, after seeing the conflict; the version guards against an edit meanwhile.
      const updated = ctx.repos.patients.update(
        { id: p.id, version: p.version, familyName: pick('familyName'), givenNames: pick('givenNames'), clinicId: pick('clinicId'), dateOfBirth: pick('dateOfBirth'), sex: pick('sex'), documentLanguage: pick('documentLanguage') },
        at,
      );
      if (!updated) throw new AppError('conflict', message('exchange.error.patientChanged'));
      demographicsTaken = true;
    }
  } else {
    patientId = ctx.repos.patients.insertImported(c.patient, at).id;
    added.patients++;
  }

  for (const t of c.therapists) {
    if (ctx.repos.therapists.get(t.id)) {
      matched.therapists++;
      continue;
    }
    // The rater keeps the id their records name; a registration number held here by someone else is listed, not merged.
    const holder = t.registrationNumber ? ctx.repos.therapists.findByRegistration(t.registrationNumber) : null;
    if (holder) {
      conflicts.push({
        field: 'therapist',
        here: holder.name,
        incoming: t.name,
        ...conflictSaid(message('exchange.conflict.registration', { incoming: t.name, number: t.registrationNumber ?? '', here: holder.name })),
      });
    }
    ctx.repos.therapists.insertImported(t.id, { name: t.name, title: t.title, registrationNumber: holder ? null : t.registrationNumber, initials: initialsOf(t.name), active: t.active }, at);
    added.therapists++;
  }

  for (const v of c.visits) {
    const here = ctx.repos.visits.visit(v.id);
    if (here && here.patientId !== patientId) throw new AppError('conflict', message('exchange.error.visitElsewhere', { id: v.id }));
    if (!here) {
      const readings = c.measurements.filter((m) => m.visitId === v.id);
      ctx.repos.visits.insertVisit({
        id: v.id, patientId, date: v.date, therapistId: v.therapistId, setting: v.setting, symptoms: v.symptoms, notes: null,
        // The visit's default instrument is not in the file; its readings carry their own.
        instrument: readings[0]?.instrument ?? 'goniometer', endFeel: null,
        recordedAt: readings.reduce((first, m) => (m.recordedAt < first ? m.recordedAt : first), at), recordedBy: null,
      });
      added.visits++;
    } else matched.visits++;
    if (v.voided && !ctx.repos.visits.visitVoid(v.id)) {
      ctx.repos.visits.voidVisit(v.id, at, actor, 'Entered in error at the sending workstation');
      if (here) added.visits++;
    }
  }

  // Oldest first, so a lineage's versions arrive in order.
  for (const m of [...c.measurements].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))) {
    const r = importMeasurement(ctx, m, patientId, actor, at, conflicts);
    if (r === 'matched') matched.measurements++;
    else if (r === 'added') added.measurements++;
  }

  const records = importRecords(ctx, c, patientId, actor, conflicts);
  const addedAll = { ...added, ...records.added };
  const unchanged = total(addedAll) === 0 && !demographicsTaken;
  return { patientId, matchedBy: found?.by ?? null, added: addedAll, matched: { ...matched, ...records.matched }, unchanged, conflicts, notImported: c.notImported };
}

function findPatient(ctx: ApiContext, p: ImportedPatient): { patient: Patient; by: NonNullable<ImportReport['matchedBy']> } | null {
  const byId = ctx.repos.patients.get(p.id);
  if (byId) return { patient: byId, by: 'id' };
  const candidates: [Patient[], NonNullable<ImportReport['matchedBy']>][] = [
    [p.clinicId ? ctx.repos.patients.withSameClinicId(p.clinicId) : [], 'clinicId'],
    [ctx.repos.patients.withSameIdentity(p), 'nameAndBirthDate'],
  ];
  for (const [list, by] of candidates) {
    if (list.length === 1) return { patient: list[0]!, by };
    if (list.length > 1) throw new AppError('conflict', message('exchange.error.manyMatches', { matches: list.length, familyName: p.familyName, givenNames: p.givenNames, dateOfBirth: { date: p.dateOfBirth } }));
  }
  return null;
}

function importMeasurement(ctx: ApiContext, m: ImportedMeasurement, patientId: string, actor: string, at: string, conflicts: ImportReport['conflicts']): 'added' | 'matched' | 'kept' {
  const visits = ctx.repos.visits;
  const held = visits.measurementVersions.get(m.id);
  if (held) {
    if (held.patient_id !== patientId) throw new AppError('conflict', message('exchange.error.measurementElsewhere', { id: m.id }));
    if (m.state.kind === 'voided' && !held.voided_at && !held.superseded_by) {
      visits.measurementVersions.void(m.id, m.voidedAt ?? at, actor, m.state.reason);
      return 'added';
    }
    return 'matched';
  }
  if (voidedHere(ctx, 'measurements', m.lineageId)) {
    conflicts.push({ field: 'measurement', here: null, incoming: m.id, ...conflictSaid(message('exchange.conflict.voided', { what: { message: message('exchange.conflict.kind.measurement') } })) });
    return 'kept';
  }
  const current = visits.currentOfLineage(m.lineageId);
  // A later version of a lineage held here is its correction; one whose earlier versions never came here starts it.
  const supersedes = current && m.id !== m.lineageId ? current.id : null;
  // The old version is marked first (superseded_by is checked at commit), so there is never a second current one.
  if (supersedes) visits.measurementVersions.markSuperseded(supersedes, m.id);
  visits.writeMeasurement(
    {
      id: m.id,
      lineageId: m.lineageId,
      supersedesId: supersedes,
      recordedAt: m.recordedAt,
      recordedBy: m.raterId,
      correctionReason: supersedes ? (m.state.kind === 'corrected' ? m.state.reason : 'Corrected at the sending workstation') : null,
    },
    { visitId: m.visitId, patientId, motion: m.motion, side: m.side, mode: m.mode, degrees: m.degrees, raterId: m.raterId, instrument: m.instrument, endFeel: m.endFeel, pain: m.pain, note: m.note },
  );
  if (m.state.kind === 'voided') visits.measurementVersions.void(m.id, m.voidedAt ?? at, actor, m.state.reason);
  return 'added';
}

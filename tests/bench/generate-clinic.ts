// A clinic-sized database for the benchmark: 10,000 patients, 2,000 of them with five years of
// history (about 2 million measurements), written through the app's repositories in bulk, each record with the
// audit row its operation writes in the app (the same row: the record read back as the handler reads it, through
// the same writeAudit), so the file's size and the reads meet a real clinic's file.
import { randomUUID } from 'node:crypto';
import { motionsOfJoint, type JointId, type Side } from '../../shared/domain/catalogue';
import { siteMotionJoints } from '../../shared/domain/ho';
import { createBackend } from '../../electron/api/backend';
import { writeAudit } from '../../electron/db/audit-repository';
import { mulberry32 } from '../../electron/sample-data/random';
import { newCredentialRowNow } from '../../electron/auth/credentials';

export interface ClinicSize {
  patients: number;
  withHistory: number;
  years: number;
}
/** The administrator's PIN in the generated clinic: the browser half signs in with it. */
export const BENCH_PIN = '731942';

export const FULL_SIZE: ClinicSize = { patients: 10_000, withHistory: 2_000, years: 5 };
export const QUICK_SIZE: ClinicSize = { patients: 1_000, withHistory: 100, years: 5 };
/** About 100,000 measurements per transaction where patients have a history. */
const PATIENTS_PER_TRANSACTION = 200;


const SURNAMES = ['Okafor', 'Mensah', 'Ndlovu', 'Garcia', 'Nguyen', 'Kowalski', 'Haddad', 'Silva', 'Ivanova', 'Osei', 'Tanaka', 'Dubois', 'Mwangi', 'Hartley', 'Petrov', 'Fernandes'];
const GIVEN = ['Ada', 'Kofi', 'Thandi', 'Lucia', 'Minh', 'Piotr', 'Rania', 'Joao', 'Olga', 'Kwame', 'Yuki', 'Claire', 'Amina', 'Tomas'];
const JOINTS: JointId[] = ['elbow', 'hip', 'knee', 'shoulder'];

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface GeneratedClinic {
  patients: number;
  visits: number;
  measurements: number;
  largestPatientId: string;
  /** A patient with one motion measured on 1,000 visits, for the detail chart's figure. */
  longSeriesPatientId: string;
  longSeriesKey: string;
  largestPatientMeasurements: number;
  searchPrefixes: string[];
  therapistId: string;
  /** Audit rows written with the records, one per operation as the app writes them. */
  auditRows: number;
}

/** Deterministic for a given seed and anchor date. */
export function generateClinic(dbPath: string, size: ClinicSize, anchor = '2026-11-01', seed = 20261125): GeneratedClinic {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const backend = createBackend({ databasePath: dbPath, mode: 'server' });
  const { db, repos } = backend.context;
  // Settings of this connection only; the file is the one the app writes. Every INSERT inside a long transaction
  // keeps a statement journal of the pages it changes, which SQLite spills to a temporary file past 64 KiB: kept in
  // memory, that halves the generator's CPU time (1.7 million small writes fewer at the quick size). A large page
  // cache keeps the random-keyed indexes' pages in memory between a chunk's writes.
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -524288');
  // Foreign keys are checked once, over the whole file, at the end (foreign_key_check) instead of at each insert.
  // Where a new visit or patient gets its key from 0018's `_keyed` trigger rather than from its INSERT (as the
  // repositories now give it, nextKeySql), the trigger's UPDATE makes SQLite look for measurements of the old key
  // with no index it can use: a scan of every measurement per visit, about 22 hours at the full size. With keys
  // given in the INSERTs both ways cost the same CPU (4.4-4.8 s against 4.6-5.1 s for 36,588 measurements). The
  // bytes written are the same; the app's own saves, timed by the bench, keep their checks.
  db.pragma('foreign_keys = OFF');
  const at = new Date().toISOString();
  let visits = 0;
  let measurements = 0;
  let largest = { id: '', count: 0 };
  let therapistId = '';
  let longSeriesPatientId = '';
  let auditRows = 0;
  /** What the operation's handler writes after its change: before null, after the record as read back. */
  const audited = (operation: string, entity: string, entityId: string, actorId: string, after: unknown) => {
    writeAudit(db, { at, actorId, operation, entity, entityId, before: null, after });
    auditRows++;
  };

  const setUp = db.transaction(() => {
    const t1 = repos.therapists.insert({ name: 'Abena Owusu', title: 'PT', registrationNumber: 'B-1', initials: 'AO' }, at);
    const t2 = repos.therapists.insert({ name: 'Jonas Meier', title: 'PT', registrationNumber: 'B-2', initials: 'JM' }, at);
    repos.clinic.insert({ name: 'Benchmark Clinic', address: null, phone: null, logo: null, paperSize: 'A4', dateFormat: 'D MMM YYYY', lockAfterMinutes: 5 }, at);
    // The first therapist is the administrator the browser half signs in as (browser.ts).
    repos.accounts.setRole(t1.id, 'administrator');
    repos.accounts.setCredential(t1.id, newCredentialRowNow(BENCH_PIN), false);
    therapistId = t1.id;
    audited('therapists.create', 'therapist', t1.id, t1.id, t1);
    audited('therapists.create', 'therapist', t2.id, t1.id, t2);
    return { t1, t2 };
  });
  const { t1, t2 } = setUp();
  // Right knee flexion measured every other day for 1,000 visits: the long series the detail chart must draw.
  const writeLongSeries = (patientId: string, rater: string, until: number) => {
    const siteId = randomUUID();
    const site = repos.profile.insertSite({ id: siteId, lineageId: siteId, supersedesId: null, recordedAt: at, recordedBy: rater, correctionReason: null }, {
      patientId, joint: 'knee', side: 'right', status: 'confirmed', since: isoDay(until - 2000 * 86_400_000), note: null,
    });
    audited('sites.add', 'watched_site', site.lineageId, rater, site);
    for (let v = 0; v < 1000; v++) {
      const visitId = randomUUID();
      const date = isoDay(until - (1000 - v) * 2 * 86_400_000);
      repos.visits.insertVisit({
        id: visitId, patientId, date, therapistId: rater, setting: 'outpatient',
        symptoms: { decreasedRange: false, swelling: false, redness: false, warmth: false, fever: false, pain: null },
        notes: null, instrument: 'goniometer', endFeel: null, recordedAt: at, recordedBy: rater,
      });
      const id = randomUUID();
      repos.visits.writeMeasurement({ id, lineageId: id, supersedesId: null, recordedAt: at, recordedBy: rater, correctionReason: null }, {
        visitId, patientId, motion: 'knee.flexion', side: 'right', mode: 'active', degrees: Math.round(100 + 20 * Math.sin(v / 80) + (rnd() - 0.5) * 6), raterId: rater, instrument: 'goniometer', endFeel: null, pain: null, note: null,
      });
      audited('visits.record', 'visit', visitId, rater, repos.visits.visit(visitId));
      visits++;
      measurements++;
    }
  };
  const end = Date.parse(`${anchor}T00:00:00Z`);
  // The worklist's everyday cases among the patients without a long history, from their own random numbers so
  // the histories stay as they were: a quarter have a site at risk after a recent injury (due, overdue or not
  // yet), some measured once or twice; one in 25 has an ALP result.
  const extra = mulberry32(seed ^ 0x5eed);
  const version = (by: string) => {
    const id = randomUUID();
    return { id, lineageId: id, supersedesId: null, recordedAt: at, recordedBy: by, correctionReason: null };
  };
  const writeWorklistCase = (patientId: string, i: number, rater: string) => {
    let v = 0;
    let m = 0;
    if (i % 4 === 0) {
      const joint = JOINTS[Math.floor(extra() * JOINTS.length)]!;
      const side: Side = extra() < 0.5 ? 'left' : 'right';
      const injured = end - Math.floor(extra() * 150) * 86_400_000;
      const injury = repos.events.insert(version(rater), { patientId, kind: 'injury', date: isoDay(injured), endDate: null, joint: null, side: null, title: 'Injury', value: null, unit: null, classification: null, note: null });
      audited('events.record', 'event', injury.lineageId, rater, injury);
      const site = repos.profile.insertSite(version(rater), { patientId, joint, side, status: extra() < 0.2 ? 'suspected' : 'at_risk', since: isoDay(injured + 86_400_000), note: null });
      audited('sites.add', 'watched_site', site.lineageId, rater, site);
      const spec = motionsOfJoint(joint)[0]!;
      for (let k = 0, n = Math.floor(extra() * 3); k < n; k++) {
        const visitId = randomUUID();
        const day = injured + Math.floor(extra() * (end - injured)) + 0;
        repos.visits.insertVisit({
          id: visitId, patientId, date: isoDay(Math.min(day, end)), therapistId: rater, setting: 'outpatient',
          symptoms: { decreasedRange: false, swelling: extra() < 0.05, redness: false, warmth: false, fever: false, pain: null },
          notes: null, instrument: 'goniometer', endFeel: null, recordedAt: at, recordedBy: rater,
        });
        repos.visits.writeMeasurement(version(rater), {
          visitId, patientId, motion: spec.key, side, mode: 'active', degrees: Math.round(spec.normal.value * 0.8), raterId: rater, instrument: 'goniometer', endFeel: null, pain: null, note: null,
        });
        audited('visits.record', 'visit', visitId, rater, repos.visits.visit(visitId));
        v++;
        m++;
      }
    }
    if (i % 25 === 0) {
      const lab = repos.events.insert(version(rater), { patientId, kind: 'lab_result', date: isoDay(end - Math.floor(extra() * 200) * 86_400_000), endDate: null, joint: null, side: null, title: 'Serum alkaline phosphatase', value: 60 + Math.floor(extra() * 190), unit: 'U/L', classification: null, note: null });
      audited('events.record', 'event', lab.lineageId, rater, lab);
    }
    return { visits: v, measurements: m };
  };
  const start = end - size.years * 365.25 * 86_400_000;

  // One transaction per chunk of patients, as a clinic's writes come: the WAL and the memory stay bounded at the
  // full size, where one transaction would hold the whole file's pages.
  const writePatients = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const patient = repos.patients.insert(
        {
          familyName: `${pick(SURNAMES)}${i % 97 === 0 ? '' : String.fromCharCode(97 + (i % 26))}`,
          givenNames: pick(GIVEN),
          clinicId: `P-${String(i).padStart(6, '0')}`,
          dateOfBirth: isoDay(Date.parse('1940-01-01') + Math.floor(rnd() * 60 * 365) * 86_400_000),
          sex: i % 2 ? 'female' : 'male',
        },
        at,
      );
      audited('patients.create', 'patient', patient.id, t1.id, patient);
      if (i === size.withHistory) {
        longSeriesPatientId = patient.id;
        writeLongSeries(patient.id, t1.id, end);
      }
      if (i > size.withHistory) {
        const written = writeWorklistCase(patient.id, i, i % 3 === 0 ? t2.id : t1.id);
        visits += written.visits;
        measurements += written.measurements;
      }
      if (i >= size.withHistory) continue;
      const isLargest = i === 0;
      const sites: { joint: JointId; side: Side }[] = isLargest
        ? [{ joint: 'elbow', side: 'right' }, { joint: 'hip', side: 'left' }]
        : [{ joint: pick(JOINTS), side: rnd() < 0.5 ? 'left' : 'right' }];
      for (const s of sites) {
        const id = randomUUID();
        const site = repos.profile.insertSite({ id, lineageId: id, supersedesId: null, recordedAt: at, recordedBy: t1.id, correctionReason: null }, {
          patientId: patient.id, joint: s.joint, side: s.side, status: 'confirmed', since: isoDay(start), note: null,
        });
        audited('sites.add', 'watched_site', site.lineageId, t1.id, site);
      }
      const series = sites.flatMap((s) =>
        siteMotionJoints(s.joint).flatMap((j) => motionsOfJoint(j).map((spec) => ({ spec, side: s.side }))),
      );
      const perVisit = isLargest ? series.slice(0, 12) : series.slice(0, 6);
      const stepDays = isLargest ? 7 : 9;
      const count = Math.floor((end - start) / (stepDays * 86_400_000));
      const drift = (rnd() - 0.6) * 0.05;
      for (let v = 0; v < count; v++) {
        const visitId = randomUUID();
        const rater = v % 3 === 0 ? t2.id : t1.id;
        repos.visits.insertVisit({
          id: visitId, patientId: patient.id, date: isoDay(start + v * stepDays * 86_400_000), therapistId: rater, setting: 'outpatient',
          symptoms: { decreasedRange: false, swelling: false, redness: false, warmth: false, fever: false, pain: null },
          notes: null, instrument: 'goniometer', endFeel: null, recordedAt: at, recordedBy: rater,
        });
        visits++;
        // Everyone's first motion is also measured passively (a few degrees more), as clinics often do.
        const entries = isLargest ? perVisit.map((e) => ({ ...e, mode: 'active' as const })) : [...perVisit.map((e) => ({ ...e, mode: 'active' as const })), { ...perVisit[0]!, mode: 'passive' as const }];
        for (const { spec, side, mode } of entries) {
          const { min, max } = spec.plausible;
          const base = spec.normal.value * 0.8 + drift * v;
          const degrees = Math.max(min, Math.min(max, Math.round(base + (mode === 'passive' ? 4 : 0) + (rnd() - 0.5) * 8)));
          const id = randomUUID();
          repos.visits.writeMeasurement({ id, lineageId: id, supersedesId: null, recordedAt: at, recordedBy: rater, correctionReason: null }, {
            visitId, patientId: patient.id, motion: spec.key, side, mode, degrees, raterId: rater, instrument: 'goniometer', endFeel: null, pain: null, note: null,
          });
          measurements++;
        }
        audited('visits.record', 'visit', visitId, rater, repos.visits.visit(visitId));
      }
      const mine = count * entriesPerVisit(isLargest, perVisit.length);
      if (mine > largest.count) largest = { id: patient.id, count: mine };
    }
  });
  for (let from = 0; from < size.patients; from += PATIENTS_PER_TRANSACTION) writePatients(from, Math.min(size.patients, from + PATIENTS_PER_TRANSACTION));
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new Error(`the generated clinic breaks ${broken.length} foreign keys, e.g. ${JSON.stringify(broken[0])}`);
  db.pragma('foreign_keys = ON');
  backend.close();
  return {
    patients: size.patients, visits, measurements, largestPatientId: largest.id, largestPatientMeasurements: largest.count,
    longSeriesPatientId, longSeriesKey: 'right.knee.flexion.active',
    searchPrefixes: SURNAMES.map((s) => s.slice(0, 4)), therapistId, auditRows,
  };
}

function entriesPerVisit(isLargest: boolean, motions: number): number {
  return isLargest ? motions : motions + 1;
}

import type Database from 'better-sqlite3';
import { AppMetaRepository } from '../db/app-meta-repository';
import { ClinicRepository } from '../db/clinic-repository';
import { EventRepository } from '../db/event-repository';
import { HoProfileRepository } from '../db/ho-profile-repository';
import { PatientRepository } from '../db/patient-repository';
import { PlanGoalRepository } from '../db/plan-goal-repository';
import { PlanRepository } from '../db/plan-repository';
import { ReferralRepository } from '../db/referral-repository';
import { ReportRepository } from '../db/report-repository';
import { TherapistRepository } from '../db/therapist-repository';
import { ThresholdRepository } from '../db/threshold-repository';
import { VisitRepository } from '../db/visit-repository';
import { WorklistStore } from '../db/worklist-store';
import type { SessionStore } from '../auth/sessions';
import type { ScryptParams } from '../auth/password';
import { AccountRepository } from '../db/account-repository';
import { AccessLogRepository } from '../db/access-log-repository';

export type AppMode = 'desktop' | 'server';

/** What every handler gets: the open database, its repositories, who is signed in, and the clock. */
export interface ApiContext {
  db: Database.Database;
  repos: Repositories;
  /** Everyone signed in, on every client (electron/auth/sessions.ts). */
  sessions: SessionStore;
  /**
   * The person signed in on the client this request came from (its scope, electron/auth/sessions.ts
   * requestActor), or null. Dispatch has checked the session before any handler that needs one runs.
   */
  actorId(): string | null;
  /** scrypt's cost for new credentials: the current parameters, lowered only by tests. */
  credentialParams: ScryptParams;
  /** Now, as a UTC ISO instant. */
  now(): string;
  app: { name: string; version: string; databasePath: string; mode: AppMode };
  /** Runs fn in one transaction: the change and its audit rows commit together or not at all. */
  transaction<T>(fn: () => T): T;
  /** Closes the database, lets `swap` replace its file (restore), and opens it again. */
  replaceDatabase(swap: () => void): void;
}

export interface Repositories {
  patients: PatientRepository;
  clinic: ClinicRepository;
  therapists: TherapistRepository;
  meta: AppMetaRepository;
  profile: HoProfileRepository;
  visits: VisitRepository;
  events: EventRepository;
  thresholds: ThresholdRepository;
  worklist: WorklistStore;
  plans: PlanRepository;
  goals: PlanGoalRepository;
  reports: ReportRepository;
  referrals: ReferralRepository;
  accounts: AccountRepository;
  accessLog: AccessLogRepository;
}

export function createRepositories(db: Database.Database): Repositories {
  return {
    patients: new PatientRepository(db),
    clinic: new ClinicRepository(db),
    therapists: new TherapistRepository(db),
    meta: new AppMetaRepository(db),
    profile: new HoProfileRepository(db),
    visits: new VisitRepository(db),
    events: new EventRepository(db),
    thresholds: new ThresholdRepository(db),
    worklist: new WorklistStore(db),
    plans: new PlanRepository(db),
    goals: new PlanGoalRepository(db),
    reports: new ReportRepository(db),
    referrals: new ReferralRepository(db),
    accounts: new AccountRepository(db),
    accessLog: new AccessLogRepository(db),
  };
}

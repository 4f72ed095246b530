import type { Goal } from '../../../shared/domain/plan-records';
import type { ExchangeClinic, ExchangeSource } from '../../../shared/exchange/source';
import type { ApiContext } from '../context';
import { readPatientFile } from '../patient-file';
import { goalSeries, readPlan, today } from '../plan-reads';
import { AppError } from '../../db/errors';
import { message } from '../../../shared/i18n/message';
import { ensureDatabaseIdentity } from '../../db/identity';
import { prepared } from '../../db/statement-cache';

// What the FHIR mapper (shared/exchange) takes, read from the database: one patient at a time, so a whole-clinic
// export never holds more than one patient's record.

/** The clinic as exports name it: the database's identity is its stable id (the clinic row has none). */
export function exchangeClinic(ctx: ApiContext): ExchangeClinic {
  const clinic = ctx.repos.clinic.get();
  if (!clinic) throw new AppError('conflict', message('exchange.error.noClinic'));
  return { id: ensureDatabaseIdentity(ctx.db), name: clinic.name, address: clinic.address, phone: clinic.phone };
}

function voidedGoals(ctx: ApiContext, patientId: string): Omit<Goal, 'status'>[] {
  const { goals } = ctx.repos;
  const ids = prepared(ctx.db, `SELECT id FROM plan_goals WHERE patient_id = ? AND voided_at IS NOT NULL ORDER BY recorded_at`).all(patientId) as { id: string }[];
  return ids.flatMap((r) => goals.goal(r.id) ?? []);
}

/** One patient's record, current and voided, with every plan; call inside one read transaction. */
export function readExchangeSource(ctx: ApiContext, clinic: ExchangeClinic, patientId: string): ExchangeSource {
  const file = readPatientFile(ctx, patientId);
  const planIds = ctx.repos.plans.plansOf(patientId);
  // The goal series are read once for all the patient's plans, and not at all for a patient without one.
  const series = planIds.length ? goalSeries(ctx, patientId) : undefined;
  return {
    clinic,
    file,
    plans: planIds.map((id) => readPlan(ctx, id, series)),
    today: today(ctx),
    voided: {
      goals: voidedGoals(ctx, patientId),
      visits: ctx.repos.visits.voidedVisitsOf(patientId),
      measurements: ctx.repos.visits.voidedMeasurementsOf(patientId),
      events: ctx.repos.events.voidedOf(patientId),
      riskFactors: ctx.repos.profile.voidedRiskFactorsOf(patientId),
      sites: ctx.repos.profile.voidedSitesOf(patientId),
    },
  };
}

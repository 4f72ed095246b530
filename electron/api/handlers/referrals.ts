import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ReferralRepository } from '../../db/referral-repository';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { requireActor } from '../session';
import { requirePatient } from '../versions';
import type { HandlerTable } from './types';

// One repository per connection, built on first use, as the report log's (handlers/reports.ts).
const repos = new WeakMap<Database.Database, ReferralRepository>();
function referralRepo(ctx: ApiContext): ReferralRepository {
  let repo = repos.get(ctx.db);
  if (!repo) {
    repo = new ReferralRepository(ctx.db);
    repos.set(ctx.db, repo);
  }
  return repo;
}

export const referralHandlers: HandlerTable<'referrals.record' | 'referrals.list'> = {
  /** A letter was printed: its full text is kept with who sent it and when, and audited like any change. */
  'referrals.record': (input, ctx) => {
    const by = requireActor(ctx);
    const patient = requirePatient(ctx, input.patientId);
    const at = ctx.now();
    const letter = referralRepo(ctx).insert({ id: randomUUID(), ...input, patientId: patient.id, recordedAt: at, recordedBy: by });
    audit(ctx, { at, operation: 'referrals.record', entity: 'referral_letter', entityId: letter.id, before: null, after: letter });
    return letter;
  },

  'referrals.list': (input, ctx) => {
    requirePatient(ctx, input.patientId);
    return referralRepo(ctx).listFor(input.patientId);
  },
};

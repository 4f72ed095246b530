import { randomUUID } from 'node:crypto';
import { audit } from '../audit';
import { requireActor } from '../session';
import { requirePatient } from '../versions';
import type { HandlerTable } from './types';

export const referralHandlers: HandlerTable<'referrals.record' | 'referrals.list'> = {
  /** A letter was printed: its full text is kept with who sent it and when, and audited like any change. */
  'referrals.record': (input, ctx) => {
    const by = requireActor(ctx);
    const patient = requirePatient(ctx, input.patientId);
    const at = ctx.now();
    const letter = ctx.repos.referrals.insert({ id: randomUUID(), ...input, patientId: patient.id, recordedAt: at, recordedBy: by });
    audit(ctx, { at, operation: 'referrals.record', entity: 'referral_letter', entityId: letter.id, before: null, after: letter });
    return letter;
  },

  'referrals.list': (input, ctx) => {
    requirePatient(ctx, input.patientId);
    return ctx.repos.referrals.listFor(input.patientId);
  },
};

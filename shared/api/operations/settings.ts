import { z } from 'zod';
import { Clinic, ClinicInput, ClinicUpdateInput } from '../../domain/clinic';
import { uuid } from '../../domain/schema-parts';
import { Therapist, TherapistInput, TherapistUpdateInput } from '../../domain/therapist';
import { Empty } from './common';

/** Who is working at this workstation, and whether the clinic has been set up at all. */
export const SessionState = z.strictObject({
  needsSetup: z.boolean(),
  clinic: Clinic.nullable(),
  currentTherapist: Therapist.nullable(),
  lastTherapistId: z.string().nullable(),
  activeTherapists: z.array(Therapist),
});
export type SessionState = z.infer<typeof SessionState>;

export const SetupInput = z.strictObject({ clinic: ClinicInput, therapist: TherapistInput });

export const settingsOperations = {
  'session.get': { kind: 'read', input: Empty, output: SessionState },
  'session.selectTherapist': { kind: 'change', actor: 'none', input: z.strictObject({ therapistId: uuid }), output: SessionState },
  'setup.complete': { kind: 'change', actor: 'none', input: SetupInput, output: SessionState },
  'clinic.get': { kind: 'read', input: Empty, output: Clinic },
  'clinic.update': { kind: 'change', input: ClinicUpdateInput, output: Clinic },
  'therapists.list': { kind: 'read', input: z.strictObject({ includeInactive: z.boolean().default(false) }), output: z.array(Therapist) },
  'therapists.create': { kind: 'change', input: TherapistInput, output: Therapist },
  'therapists.update': { kind: 'change', input: TherapistUpdateInput, output: Therapist },
  'therapists.setActive': { kind: 'change', input: z.strictObject({ id: uuid, active: z.boolean() }), output: Therapist },
} as const;

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
  'session.get': { input: Empty, output: SessionState },
  'session.selectTherapist': { input: z.strictObject({ therapistId: uuid }), output: SessionState },
  'setup.complete': { input: SetupInput, output: SessionState },
  'clinic.get': { input: Empty, output: Clinic },
  'clinic.update': { input: ClinicUpdateInput, output: Clinic },
  'therapists.list': { input: z.strictObject({ includeInactive: z.boolean().default(false) }), output: z.array(Therapist) },
  'therapists.create': { input: TherapistInput, output: Therapist },
  'therapists.update': { input: TherapistUpdateInput, output: Therapist },
  'therapists.setActive': { input: z.strictObject({ id: uuid, active: z.boolean() }), output: Therapist },
} as const;

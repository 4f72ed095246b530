// The people a sample clinic needs besides its patients. Registration numbers are left empty so they can
// never collide with a real therapist's.

/** The colleague who measures every few visits, created when the clinic has no other active therapist. */
export const SAMPLE_COLLEAGUE = { name: 'Daniel Okafor', title: 'Physiotherapist' } as const;

/** For `npm run sample-data` on a database that was never set up. */
export const SAMPLE_CLINIC = { name: 'Sample Rehabilitation Clinic', address: '1 Example Street', phone: null } as const;
export const SAMPLE_THERAPIST = { name: 'Grace Adjei', title: 'Physiotherapist' } as const;

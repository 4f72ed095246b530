import { z } from 'zod';
import { MessageRefSchema } from '../../i18n/message';
import { Empty } from './common';

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  mode: z.enum(['desktop', 'server']),
});

/**
 * What the back end is doing before it answers anything else (electron/api/startup-gate.ts): opening the
 * database, bringing it up to this version of ROMtrack (a backup first, each migration, then giving back the
 * space the old tables held), ready, or failed with what happened.
 */
export const UPDATE_STEPS = ['backup', 'migrate', 'compact'] as const;
export type UpdateStep = (typeof UPDATE_STEPS)[number];

export const StartupStatus = z
  .strictObject({
    phase: z.enum(['opening', 'updating', 'ready', 'failed']),
    /** During 'updating': the step under way, the `stepIndex`-th of `stepCount`. */
    step: z.enum(UPDATE_STEPS).nullable(),
    stepIndex: z.number().int().min(0),
    stepCount: z.number().int().min(0),
    /** The schema version being made during 'migrate'; the file's version before and after the update. */
    version: z.number().int().min(1).nullable(),
    fromVersion: z.number().int().min(0).nullable(),
    toVersion: z.number().int().min(1),
    /** The step's work done of its total (rows carried and cleared, for the large migrations). */
    done: z.number().int().min(0),
    total: z.number().int().min(1),
    /** During 'failed': what happened, and what to do about it. */
    failure: MessageRefSchema.nullable(),
    advice: MessageRefSchema.nullable(),
  })
  .refine((s) => s.done <= s.total, { message: 'done is at most total' })
  .refine((s) => s.stepIndex <= s.stepCount, { message: 'stepIndex is at most stepCount' });
export type StartupStatus = z.output<typeof StartupStatus>;

export const appOperations = {
  'app.info': { kind: 'read', actor: 'none', input: Empty, output: AppInfo },
  // Answered while every other operation is refused (the database update at start), and after it.
  'app.startup': { kind: 'read', actor: 'none', input: Empty, output: StartupStatus },
} as const;

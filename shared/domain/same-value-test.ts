import { z } from 'zod';

/**
 * Schemas that accept exactly the values a plain test accepts, and return them unchanged, though zod must run a
 * transform to say so (a catalogue key read into its type, say). The contract's output check
 * (electron/api/output-check.ts) runs the test instead of zod's transform: on the largest patient's file that is
 * 2,600 readings' motions, and zod's pipe cost more than the rest of the check. Registered by the schema's own
 * author, next to the transform it stands for; tests/integration/output-check.test.ts holds each test to zod.
 */
export const sameValueTests = z.registry<{ test: (value: unknown) => boolean }>();

/** Registers `test` as the whole verdict of `schema` on any value (true: zod accepts it and returns it as it is). */
export function withSameValueTest<S extends z.ZodType>(schema: S, test: (value: unknown) => boolean): S {
  sameValueTests.add(schema, { test });
  return schema;
}

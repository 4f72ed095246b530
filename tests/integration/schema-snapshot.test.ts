import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { databaseAt } from '../support/migrate-to';
import { schemaText } from '../../electron/db/schema-text';

// A schema change must be deliberate, as in Actual: any change to what a fully migrated database looks like
// fails here until the snapshot is regenerated with `npm run schema:snapshot` and the diff of
// schema.sql is read and committed with the migration that made it.
const SNAPSHOT = './__snapshots__/schema.sql';

describe('database schema', () => {
  const d = databaseAt(LATEST_SCHEMA_VERSION);
  afterAll(() => d.dispose());

  it('matches the committed snapshot (regenerate deliberately: npm run schema:snapshot)', async () => {
    await expect(schemaText(d.db), `The schema differs from tests/integration/__snapshots__/schema.sql. If the change is meant, run "npm run schema:snapshot" and commit the new file with its migration.`).toMatchFileSnapshot(SNAPSHOT);
  });
});

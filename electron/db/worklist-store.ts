import type Database from 'better-sqlite3';
import { WorklistQueries } from './worklist-query';
import { WorklistRepository } from './worklist-repository';
import { WorklistSettingsRepository } from './worklist-settings-repository';

/** The worklist's tables (migration 10) behind one name in the API context. */
export class WorklistStore {
  readonly summaries: WorklistRepository;
  readonly queries: WorklistQueries;
  readonly settings: WorklistSettingsRepository;

  constructor(db: Database.Database) {
    this.summaries = new WorklistRepository(db);
    this.queries = new WorklistQueries(db);
    this.settings = new WorklistSettingsRepository(db);
  }
}

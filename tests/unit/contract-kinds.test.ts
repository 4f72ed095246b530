import { describe, expect, it } from 'vitest';
import { operationRules, operations, type OperationName } from '../../shared/api/contract';

const names = Object.keys(operations) as OperationName[];
const verbOf = (name: string) => name.slice(name.indexOf('.') + 1);

// What an operation's name says it does, by the first word of its verb (addMeasurements: add). A name matching
// neither list must be added to one, so a new operation gets its mark looked at.
const WRITE_VERB = /^(create|update|record|void|correct|add|set|clear|revise|end|change|complete|select|restore|import)([A-Z]\w*)?$/;
const READ_VERB = /^(get|list|history|voided|file|info|settings|statuses|patient|exportProgress)$/;
/** Exports write no record, but each is logged (who exported what) in the audit log, so they are changes. */
const LOGGED_READS = new Set<string>(['exchange.exportFhir', 'exchange.exportCsv', 'exchange.exportClinic']);

describe('the contract marks which operations change data', () => {
  it('marks every operation named for a write as a change, and every operation named for a read as a read', () => {
    const unmatched = names.filter((n) => !WRITE_VERB.test(verbOf(n)) && !READ_VERB.test(verbOf(n)) && !LOGGED_READS.has(n));
    expect(unmatched).toEqual([]);
    const wrong = names.filter((n) => {
      const expected = WRITE_VERB.test(verbOf(n)) || LOGGED_READS.has(n) ? 'change' : 'read';
      return operationRules(n).kind !== expected;
    });
    expect(wrong).toEqual([]);
  });

  it('lets only first-run set-up and choosing who works change data without a working therapist', () => {
    expect(names.filter((n) => operationRules(n).kind === 'change' && !operationRules(n).needsActor).sort()).toEqual(['session.selectTherapist', 'setup.complete']);
    expect(names.filter((n) => operationRules(n).kind === 'read' && operationRules(n).needsActor)).toEqual([]);
  });

  it('runs every change in dispatch’s transaction except the backups, sample data and the clinic export, which await work between writes', () => {
    const own = names.filter((n) => operationRules(n).kind === 'change' && operationRules(n).ownTransaction).sort();
    expect(own).toEqual(['backups.create', 'backups.restore', 'exchange.exportClinic', 'sampleData.create']);
  });
});

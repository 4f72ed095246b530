import { describe, expect, it } from 'vitest';
import { operationRules, operations, type OperationName } from '../../shared/api/contract';

const names = Object.keys(operations) as OperationName[];
const verbOf = (name: string) => name.slice(name.indexOf('.') + 1);

// What an operation's name says it does, by the first word of its verb (addMeasurements: add). A name matching
// neither list must be added to one, so a new operation gets its mark looked at.
const WRITE_VERB = /^(create|update|record|void|correct|add|set|clear|revise|end|change|complete|select|restore|import|sign|unlock|recover|syncNow|configure|pull)([A-Z]\w*)?$/;
const READ_VERB = /^(get|list|history|voided|file|info|startup|settings|statuses|patient|exportProgress|importProgress|forPatient|syncStatus|recoveryKey|foreignRecords|sparklines)$/;
/** Exports write no record, but each is logged (who exported what) in the audit log, so they are changes. */
const LOGGED_READS = new Set<string>(['exchange.exportFhir', 'exchange.exportCsv', 'exchange.exportClinic']);

describe('the contract marks which operations change data', () => {
  it('marks every operation named for a write as a change, and every operation named for a read as a read', () => {
    const unmatched = names.filter((n) => !WRITE_VERB.test(verbOf(n)) && !READ_VERB.test(verbOf(n)) && !LOGGED_READS.has(n));
    expect(unmatched).toEqual([]);
    const wrong = names.filter((n) => {
      // A read's whole name wins over a write verb it starts with (importProgress reads how an import goes).
      const expected = !READ_VERB.test(verbOf(n)) && (WRITE_VERB.test(verbOf(n)) || LOGGED_READS.has(n)) ? 'change' : 'read';
      return operationRules(n).kind !== expected;
    });
    expect(wrong).toEqual([]);
  });

  it('answers without a signed-in session only app info, first-run set-up and the ways of signing in and out', () => {
    expect(names.filter((n) => !operationRules(n).needsActor).sort()).toEqual([
      'app.info', 'app.startup', 'session.get', 'session.recoverAdministrator', 'session.setUpAccounts', 'session.signIn', 'session.signOut', 'session.unlock', 'setup.complete',
    ]);
  });

  it('keeps the clinic settings, accounts, thresholds, backups, the whole-clinic export and import, and the access log for administrators', () => {
    expect(names.filter((n) => operationRules(n).role === 'administrator').sort()).toEqual([
      'access.forPatient', 'backups.create', 'backups.restore', 'clinic.update', 'exchange.configureSync', 'exchange.exportClinic', 'exchange.importClinic', 'security.recoveryKey', 'therapists.create', 'therapists.setActive',
      'therapists.setCredential', 'therapists.setRole', 'therapists.update', 'thresholds.clear', 'thresholds.set', 'worklist.setSettings',
    ]);
  });

  it('runs every change in dispatch’s transaction except the backups, sample data, the clinic export and import and the credential checks, which await work between writes', () => {
    const own = names.filter((n) => operationRules(n).kind === 'change' && operationRules(n).ownTransaction).sort();
    expect(own).toEqual([
      'backups.create', 'backups.restore', 'exchange.exportClinic', 'exchange.importClinic', 'exchange.pullForeign', 'exchange.syncNow', 'sampleData.create',
      // scrypt runs off the main thread between awaits, and a wrong credential is counted though the call fails.
      'session.changeCredential', 'session.recoverAdministrator', 'session.setUpAccounts', 'session.signIn', 'session.unlock', 'setup.complete',
    ]);
  });
});

// npm run bench [-- --patients N]: prints measured medians against the targets of the performance issue.
// The clinic-scale data generator and the remaining targets belong to that issue; this measures what exists.
import { parseArgs } from 'node:util';
import { createBackend } from '../../electron/api/backend';
import { openDatabase } from '../../electron/db/open';
import { makeTempDir } from '../support/temp-dir';
import { medianMs, printTable, type BenchRow } from './harness';

const SURNAMES = ['Okafor', 'Mensah', 'Ndlovu', 'Garcia', 'Nguyen', 'Kowalski', 'Haddad', 'Silva', 'Ivanova', 'Osei', 'Tanaka', 'Dubois'];
const GIVEN = ['Ada', 'Kofi', 'Thandi', 'Lucia', 'Minh', 'Piotr', 'Rania', 'Joao', 'Olga', 'Kwame', 'Yuki', 'Claire'];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { patients: { type: 'string', default: '10000' } } });
  const count = Number(values.patients);
  const tmp = makeTempDir('romtrack-bench-');
  try {
    const backend = createBackend({ databasePath: tmp.dbPath, mode: 'server' });
    const { db, repos, now } = backend.context;
    // Deterministic names so runs compare; bulk insert in one transaction through the repository.
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        repos.patients.insert(
          {
            familyName: `${SURNAMES[i % SURNAMES.length]}${Math.floor(i / SURNAMES.length)}`,
            givenNames: GIVEN[(i * 7) % GIVEN.length]!,
            clinicId: `C-${String(i).padStart(6, '0')}`,
            dateOfBirth: `19${String(30 + (i % 70)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`,
            sex: i % 2 ? 'female' : 'male',
          },
          now(),
        );
      }
    })();
    backend.close();

    const rows: BenchRow[] = [];
    rows.push({ name: `open + migrate + quick_check, ${count} patients`, medianMs: await medianMs(() => openDatabase(tmp.dbPath).close(), 9), targetMs: 1000, runs: 9 });
    const api = createBackend({ databasePath: tmp.dbPath, mode: 'server' });
    let n = 0;
    rows.push({
      name: 'patient search by name prefix',
      medianMs: await medianMs(() => api.dispatch('patients.list', { query: `${SURNAMES[n++ % SURNAMES.length]}1` }), 51),
      targetMs: 10,
      runs: 51,
    });
    api.close();
    printTable(rows);
  } finally {
    tmp.cleanup();
  }
}

void main();

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestBackend } from '../support/backend';
import { makePatient } from '../support/clinical-fixtures';

// 60 kills at moments spread over the writer's first 250 ms keep CI inside its time; ROMTRACK_CRASH_CYCLES=1000 for
// a long run before a release.
const CYCLES = Number(process.env.ROMTRACK_CRASH_CYCLES ?? 60);
const writer = join(__dirname, '..', '..', 'build', 'node', 'tests', 'support', 'crash-writer.js');

/** Runs the writer until it has started, waits a random moment, and kills it without warning. */
function runAndKill(args: string[], waitMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      const first = out === '';
      out += d.toString();
      if (first && out.startsWith('ready')) setTimeout(() => child.kill('SIGKILL'), waitMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself: ${err}`));
      else resolve([...out.matchAll(/^ack (\S+)$/gm)].map((m) => m[1]!));
    });
  });
}

describe('crash safety: power cut while recording visits', () => {
  const api = openTestBackend();
  afterAll(() => api.dispose());

  it(`after ${CYCLES} SIGKILLs every acknowledged visit is there, whole, and the file is sound`, { timeout: 900_000 }, async () => {
    expect(existsSync(writer), 'the crash writer is built by "npm run build" (npm test runs it first)').toBe(true);
    const patient = await makePatient(api);
    const therapistId = api.actorId()!;
    api.close();

    const acknowledged = new Set<string>();
    let lost = 0;
    let halfWritten = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // Deterministic "random" moments from 0 to 250 ms, so a failure can be replayed.
      const wait = (cycle * 7919) % 251;
      for (const id of await runAndKill([api.dbPath, patient.id, therapistId], wait)) acknowledged.add(id);

      const db = new Database(api.dbPath);
      expect(db.pragma('integrity_check', { simple: true }), `integrity after kill ${cycle + 1}`).toBe('ok');
      // Two single scans, not a join per visit: the file grows by thousands of visits over the run.
      const present = new Set((db.prepare('SELECT id FROM visits').all() as { id: string }[]).map((v) => v.id));
      const perVisit = new Map((db.prepare('SELECT (SELECT id FROM visits WHERE key = m.visit) AS visit_id, count(*) AS n FROM measurements m GROUP BY m.visit').all() as { visit_id: string; n: number }[]).map((r) => [r.visit_id, r.n]));
      lost = [...acknowledged].filter((id) => !present.has(id)).length;
      halfWritten = [...present].filter((id) => perVisit.get(id) !== 12).length;
      db.close();
      expect(lost, `acknowledged visits missing after kill ${cycle + 1}`).toBe(0);
      expect(halfWritten, `visits without all 12 measurements after kill ${cycle + 1}`).toBe(0);
    }
    console.log(`crash safety: ${CYCLES} kills, ${acknowledged.size} acknowledged visits, ${lost} lost, ${halfWritten} half-written`);
    expect(acknowledged.size).toBeGreaterThan(CYCLES / 4);
  });
});

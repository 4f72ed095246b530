// The whole benchmark clinic exported as FHIR NDJSON (exchange.exportClinic's streaming), in a process of its
// own so its peak resident memory is the export's and not the generator's. Issue 19's target: 2 million
// measurements in under 2 minutes, streamed, in under 300 MB.
//   as part of npm run bench: exportBench(dbPath, therapistId) from run.ts
//   alone, on a kept database:  node build/node/tests/bench/export-clinic.js --db PATH --therapist ID --out FILE.ndjson
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createBackend } from '../../electron/api/backend';
import { callOperation } from '../../electron/api/dispatch';
import type { BenchRow } from './harness';
import { signInProcess } from '../support/backend';
import { makeTempDir } from '../support/temp-dir';

interface ExportFigures {
  ms: number;
  cpuMs: number;
  patients: number;
  resources: number;
  measurements: number;
  bytes: number;
  peakRssMb: number;
  /** The largest anonymous resident memory sampled (heaps, SQLite's caches, buffers), and the file-backed part then. */
  peakAnonMb: number;
  fileMbAtPeak: number;
  /** Resident memory of the process before the export started: Node, the modules and the open database. */
  rssBeforeMb: number;
}

/**
 * The process's peak resident memory: the kernel's high-water mark of this program's own memory (VmHWM). Not
 * getrusage's maxRSS: Linux carries the parent's high-water mark into a child across exec, so a child of the bench
 * reported the bench's own 845 MB at full size against 203 MB measured alone.
 */
function peakResidentMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (hwm) return Number(hwm) / 1024;
  } catch {
    // no /proc: getrusage's figure, which is the process's own where the process was not started by a larger one
  }
  return process.resourceUsage().maxRSS / 1024; // KiB
}

/** Resident memory by kind, from the kernel (Linux); zeros elsewhere. */
function residentMb(): { anon: number; file: number } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { anon: kb('RssAnon') / 1024, file: kb('RssFile') / 1024 };
  } catch {
    return { anon: 0, file: 0 };
  }
}

/**
 * In the child: the export as the app runs it, through dispatch (its worker thread, its heap limits, the audit
 * row), while this thread samples the process's resident memory. The peak RSS is the kernel's figure for the whole
 * process, worker included.
 */
async function runExport(dbPath: string, therapistId: string, outPath: string): Promise<ExportFigures> {
  const backend = createBackend({ databasePath: dbPath, mode: 'server' });
  try {
    signInProcess(backend, therapistId);
    const measurements = backend.context.db.prepare('SELECT count(*) FROM measurements WHERE superseded_by IS NULL AND voided_at IS NULL').pluck().get() as number;
    let peak = { anon: 0, file: 0 };
    const sample = () => {
      const now = residentMb();
      if (now.anon > peak.anon) peak = now;
    };
    const rssBefore = process.memoryUsage.rss();
    const timer = setInterval(sample, 20);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const answer = await callOperation(backend.dispatch, 'exchange.exportClinic', { path: outPath });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    clearInterval(timer);
    if (!answer.ok) throw new Error(`the export failed: ${JSON.stringify(answer)}`);
    const result = answer.value;
    return {
      ms,
      // The process's CPU time: both threads.
      cpuMs: (used.user + used.system) / 1000,
      patients: result.patients,
      resources: result.resources,
      measurements,
      bytes: result.bytes,
      peakRssMb: peakResidentMb(),
      peakAnonMb: peak.anon,
      fileMbAtPeak: peak.file,
      rssBeforeMb: rssBefore / 1024 / 1024,
    };
  } finally {
    backend.close();
  }
}

/** Runs the export in a fresh Node process on this compiled file and returns the bench's rows. */
export async function exportBench(dbPath: string, therapistId: string): Promise<BenchRow[]> {
  const out = makeTempDir('romtrack-bench-export-');
  try {
    const outPath = `${out.dir}/clinic.ndjson`;
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [__filename, '--db', dbPath, '--therapist', therapistId, '--out', outPath], { maxBuffer: 1 << 20 }, (err, text, errText) =>
        err ? reject(new Error(`${err.message}\n${errText}`)) : resolve(text),
      );
    });
    const f = JSON.parse(stdout.trim().split('\n').pop()!) as ExportFigures;
    const mb = (statSync(outPath).size / 1024 / 1024).toFixed(0);
    const perTwoMillion = (f.ms / Math.max(1, f.measurements)) * 2_000_000;
    return [
      {
        name: `export the whole clinic as FHIR NDJSON (${f.patients} patients, ${f.measurements} measurements, ${f.resources} resources, ${mb} MB)`,
        medianMs: f.ms,
        targetMs: Math.round(120_000 * (f.measurements / 2_000_000)),
        runs: 1,
        note: `CPU ${(f.cpuMs / 1000).toFixed(1)} s; ${(f.resources / (f.ms / 1000)).toFixed(0)} resources/s; at this rate 2 million measurements take ${(perTwoMillion / 1000).toFixed(0)} s (target 120 s)`,
      },
      {
        name: 'export: peak resident memory of the exporting process',
        medianMs: f.peakRssMb,
        targetMs: 300,
        runs: 1,
        unit: 'MB',
        note: `${f.rssBeforeMb.toFixed(0)} MB before the export began; at its largest ${f.peakAnonMb.toFixed(0)} MB anonymous (heaps, caches) and ${f.fileMbAtPeak.toFixed(0)} MB file-backed (code)`,
      },
    ];
  } finally {
    out.cleanup();
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { db: { type: 'string' }, therapist: { type: 'string' }, out: { type: 'string' } } });
  if (!values.db || !values.therapist || !values.out) {
    console.error('Usage: node export-clinic.js --db PATH --therapist ID --out FILE.ndjson');
    process.exitCode = 2;
  } else {
    runExport(values.db, values.therapist, values.out).then(
      (f) => console.log(JSON.stringify(f)),
      (err: unknown) => {
        console.error(err);
        process.exitCode = 1;
      },
    );
  }
}

// The generated clinic, kept between runs of the bench: at the full size its generation is most of the run, and a
// second run on the same code meets the same file. A kept file is reused only while everything that decides its
// bytes is unchanged: the generator, the database code that writes the rows and their audit rows (electron/db,
// with its migrations, so the schema version), the sign-in code that writes the credential, and the size asked.
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { generateClinic, type ClinicSize, type GeneratedClinic } from './generate-clinic';

/** What the run is told about the clinic it got. */
export interface ClinicSource {
  clinic: GeneratedClinic;
  /** Where it came from: generated now, or the kept file of an earlier run (with that run's date). */
  reusedFrom: string | null;
  key: string;
}

const CACHE_DIR = join(tmpdir(), 'romtrack-bench-clinics');

/** The sources whose code decides the generated file's bytes, compiled (.js) or not (.ts) as this run is. */
const SOURCE_DIRS = [join(__dirname, '..', '..', 'electron', 'db'), join(__dirname, '..', '..', 'electron', 'auth'), join(__dirname, '..', '..', 'electron', 'sample-data')];
const SOURCE_FILES = [join(__dirname, 'generate-clinic.js'), join(__dirname, 'generate-clinic.ts')];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []))
    .sort();
}

export function clinicKey(size: ClinicSize): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ size, schema: LATEST_SCHEMA_VERSION }));
  for (const file of [...SOURCE_DIRS.flatMap(sourceFiles), ...SOURCE_FILES.filter((f) => existsSync(f))]) {
    hash.update(file.slice(file.lastIndexOf('electron')));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

const Kept = z.object({
  patients: z.number(),
  visits: z.number(),
  measurements: z.number(),
  largestPatientId: z.string(),
  longSeriesPatientId: z.string(),
  longSeriesKey: z.string(),
  largestPatientMeasurements: z.number(),
  searchPrefixes: z.array(z.string()),
  therapistId: z.string(),
  auditRows: z.number(),
});

/**
 * Puts the clinic of this size at dbPath: a copy of the kept file when its key still matches, else a new one,
 * generated and then kept (earlier kept files of the same size are removed: their code is gone). `fresh` always
 * generates.
 */
export function clinicAt(dbPath: string, size: ClinicSize, label: string, fresh = false, cacheDir = CACHE_DIR): ClinicSource {
  const key = clinicKey(size);
  const kept = join(cacheDir, `${label}-${key}.sqlite`);
  const about = `${kept}.json`;
  if (!fresh && existsSync(kept) && existsSync(about)) {
    const clinic = Kept.safeParse(JSON.parse(readFileSync(about, 'utf8')));
    if (clinic.success) {
      // A copy: the run writes into its file (visits, a threshold, access rows). A clone where the disk can.
      copyFileSync(kept, dbPath, constants.COPYFILE_FICLONE);
      return { clinic: clinic.data, reusedFrom: statSync(kept).mtime.toISOString().slice(0, 16).replace('T', ' '), key };
    }
  }
  const clinic = generateClinic(dbPath, size);
  // Everything into the one file, so that the copy is the whole database.
  const db = new Database(dbPath);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const old of readdirSync(cacheDir)) if (old.startsWith(`${label}-`)) rmSync(join(cacheDir, old), { force: true });
    // Written under another name first, so a run stopped halfway never leaves a file that looks kept.
    copyFileSync(dbPath, `${kept}.partial`);
    renameSync(`${kept}.partial`, kept);
    writeFileSync(about, JSON.stringify(clinic));
  } catch (err) {
    console.warn(`The generated clinic could not be kept for the next run (${err instanceof Error ? err.message : String(err)}); this run goes on.`);
  }
  return { clinic, reusedFrom: null, key };
}

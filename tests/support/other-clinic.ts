import { randomUUID } from 'node:crypto';
import { SYSTEM } from '../../shared/exchange/codes';
import type { FhirTestServer } from './fhir-server';

// Another clinic writing to the district's server for a patient this clinic also treats: its Organization, the
// patient (matched by ROMtrack's identifier, as after an import of this clinic's file), one visit and its range of
// motion measurements, sent the way any FHIR client would, as a transaction Bundle.

export interface OtherClinicVisit {
  clinicId: string;
  clinicName: string;
  date: string;
  /** Text, degrees: e.g. ['Left elbow flexion (active)', 95]. */
  measurements: [string, number][];
}

const identifier = (value: string) => [{ system: SYSTEM.record, value }];
const query = (value: string) => `identifier=${encodeURIComponent(`${SYSTEM.record}|${value}`)}`;

/** Sends the visit; returns the server's ids of the Observations it made. */
export async function otherClinicVisit(server: FhirTestServer, token: string, patientId: string, v: OtherClinicVisit): Promise<string[]> {
  const org = `urn:uuid:${randomUUID()}`;
  const patient = `urn:uuid:${randomUUID()}`;
  const encounter = `urn:uuid:${randomUUID()}`;
  const encounterId = randomUUID();
  const entry = [
    { fullUrl: org, resource: { resourceType: 'Organization', identifier: identifier(v.clinicId), name: v.clinicName, active: true }, request: { method: 'POST', url: 'Organization', ifNoneExist: query(v.clinicId) } },
    { fullUrl: patient, resource: { resourceType: 'Patient', identifier: identifier(patientId) }, request: { method: 'POST', url: 'Patient', ifNoneExist: query(patientId) } },
    {
      fullUrl: encounter,
      resource: { resourceType: 'Encounter', identifier: identifier(encounterId), status: 'finished', class: { code: 'AMB' }, subject: { reference: patient }, period: { start: v.date, end: v.date }, serviceProvider: { reference: org } },
      request: { method: 'POST', url: 'Encounter', ifNoneExist: query(encounterId) },
    },
    ...v.measurements.map(([text, degrees]) => {
      const id = randomUUID();
      return {
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: {
          resourceType: 'Observation',
          identifier: identifier(id),
          status: 'final',
          code: { coding: [{ system: 'http://snomed.info/sct', code: '364564000' }], text },
          subject: { reference: patient },
          encounter: { reference: encounter },
          effectiveDateTime: v.date,
          valueQuantity: { value: degrees, unit: '°', system: 'http://unitsofmeasure.org', code: 'deg' },
        },
        request: { method: 'POST', url: 'Observation', ifNoneExist: query(id) },
      };
    }),
  ];
  const res = await fetch(server.baseUrl, { method: 'POST', headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${token}` }, body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry }) });
  const body = (await res.json()) as { entry?: { response?: { location?: string } }[] };
  if (!res.ok) throw new Error(`the other clinic's Bundle was refused: HTTP ${res.status} ${JSON.stringify(body)}`);
  return (body.entry ?? []).slice(3).map((e) => (e.response?.location ?? '').split('/')[1] ?? '');
}

/** The other clinic corrects one of its measurements: a new version of the same resource on the server. */
export async function otherClinicCorrects(server: FhirTestServer, token: string, observationId: string, degrees: number): Promise<void> {
  const headers = { 'content-type': 'application/fhir+json', authorization: `Bearer ${token}` };
  const current = (await (await fetch(`${server.baseUrl}/Observation/${observationId}`, { headers })).json()) as Record<string, unknown>;
  const res = await fetch(`${server.baseUrl}/Observation/${observationId}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ ...current, status: 'amended', valueQuantity: { value: degrees, unit: '°', system: 'http://unitsofmeasure.org', code: 'deg' }, note: [{ text: 'Corrected: read from the wrong arm of the goniometer' }] }),
  });
  if (!res.ok) throw new Error(`the correction was refused: HTTP ${res.status}`);
}

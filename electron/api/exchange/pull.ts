import { clinicSystem, SYSTEM } from '../../../shared/exchange/codes';
import type { Resource } from '../../../shared/exchange/fhir';
import { organizationRefs } from '../../../shared/exchange/foreign-summary';
import { writeAudit } from '../../db/audit-repository';
import { acknowledged } from '../../db/sync-repository';
import type { ApiContext } from '../context';
import { markPulled, pullSince, storeForeign, type FetchedRecord } from './foreign-store';
import { exchangeClinic } from './read-source';
import type { FhirClient } from './sync-client';

// Pull (exchange.md, "Sync with a district server"): what other clinics wrote for one of this clinic's patients,
// fetched on request. The patient is found on the server by ROMtrack's identifier (and the clinic's own patient
// id); then each clinical type is searched with `patient=` and `_lastUpdated=gt<the newest time seen there>`, the
// server's time, never this computer's clock. This clinic's own resources come back too and are left out: those it
// pushed (acknowledged), and any whose clinic (Organization) is this one. Nothing is written until every search
// answered, so a pull cut off by the network leaves what was held as it was, and the next one asks again.

/** The clinical types another clinic may hold for a patient (each has a `patient` search parameter in R4). */
export const PULLED_TYPES = ['Encounter', 'Observation', 'Condition', 'Procedure', 'MedicationStatement', 'DiagnosticReport', 'CarePlan', 'Goal'] as const;

const PAGE = 100;

type Json = Record<string, unknown>;
const obj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function identifiers(r: unknown): { system: string; value: string }[] {
  if (!obj(r) || !Array.isArray(r.identifier)) return [];
  return r.identifier.flatMap((i: unknown) => (obj(i) && typeof i.system === 'string' && typeof i.value === 'string' ? [{ system: i.system, value: i.value }] : []));
}

const recordLineage = (r: unknown): string | null => identifiers(r).find((i) => i.system === SYSTEM.record)?.value ?? null;

function lastUpdatedOf(r: Json): string | null {
  return obj(r.meta) && typeof r.meta.lastUpdated === 'string' ? r.meta.lastUpdated : null;
}

function versionOf(r: Json): string {
  return obj(r.meta) && typeof r.meta.versionId === 'string' ? r.meta.versionId : (lastUpdatedOf(r) ?? '1');
}

const asJson = (r: Resource): Json => Object.fromEntries(Object.entries(r));

/** Resolves which clinic wrote a resource: the Organization it names, else its Encounter's serviceProvider. */
class Origins {
  private readonly orgs = new Map<string, { name: string | null; ours: boolean }>();
  private readonly encounters = new Map<string, string | null>();

  constructor(
    private readonly client: FhirClient,
    private readonly ownClinicId: string,
    private readonly ownOrgRef: string | null,
  ) {}

  noteEncounter(r: Json): void {
    if (typeof r.id === 'string') this.encounters.set(`Encounter/${r.id}`, organizationRefs(r)[0] ?? null);
  }

  async originOf(r: Json): Promise<string | null> {
    const direct = organizationRefs(r)[0];
    if (direct) return direct;
    const enc = obj(r.encounter) && typeof r.encounter.reference === 'string' ? r.encounter.reference : null;
    if (!enc || !/^Encounter\/[^/]+$/.test(enc)) return null;
    if (!this.encounters.has(enc)) {
      const read = await this.client.read('Encounter', enc.slice('Encounter/'.length));
      this.encounters.set(enc, read ? (organizationRefs(asJson(read))[0] ?? null) : null);
    }
    return this.encounters.get(enc) ?? null;
  }

  async organization(ref: string): Promise<{ name: string | null; ours: boolean }> {
    let known = this.orgs.get(ref);
    if (!known) {
      const read = await this.client.read('Organization', ref.slice('Organization/'.length));
      const json = read ? asJson(read) : null;
      const ours = ref === this.ownOrgRef || identifiers(json).some((i) => i.system === SYSTEM.record && i.value === this.ownClinicId);
      known = { name: json && typeof json.name === 'string' ? json.name : null, ours };
      this.orgs.set(ref, known);
    }
    return known;
  }
}

export interface PullOutcome {
  added: number;
  /** Server patients matched; 0 means the server holds nothing for this patient. */
  matched: number;
}

/** One pull for one patient; throws (writing nothing) when the server cannot be asked. */
export async function pullPatient(ctx: ApiContext, server: string, client: FhirClient, patientId: string, actorId: string | null): Promise<PullOutcome> {
  const clinic = exchangeClinic(ctx);
  const patient = ctx.repos.patients.get(patientId);
  const own = acknowledged(ctx.db, server, 'Organization', clinic.id);
  const origins = new Origins(client, clinic.id, own ? `Organization/${own.serverId}` : null);

  const queries = [`${SYSTEM.record}|${patientId}`];
  if (patient?.clinicId) queries.push(`${clinicSystem(clinic.id, 'patient-id')}|${patient.clinicId}`);
  const serverPatients = new Set<string>();
  for (const q of queries) for (const p of await client.search(`/Patient?identifier=${encodeURIComponent(q)}`)) if (p.id) serverPatients.add(p.id);

  const fetched: FetchedRecord[] = [];
  const newest = new Map<string, string | null>();
  for (const type of PULLED_TYPES) {
    const since = pullSince(ctx.db, server, patientId, type);
    let seen: string | null = null;
    for (const id of serverPatients) {
      const after = since ? `&_lastUpdated=${encodeURIComponent(`gt${since}`)}` : '';
      for (const resource of await client.search(`/${type}?patient=${encodeURIComponent(`Patient/${id}`)}${after}&_count=${PAGE}`)) {
        const r = asJson(resource);
        const lastUpdated = lastUpdatedOf(r);
        if (lastUpdated && (!seen || lastUpdated > seen)) seen = lastUpdated;
        if (type === 'Encounter') origins.noteEncounter(r);
        const lineage = recordLineage(r);
        if (lineage && acknowledged(ctx.db, server, type, lineage)) continue;
        const originRef = await origins.originOf(r);
        const origin = originRef ? await origins.organization(originRef) : null;
        if (origin?.ours) continue;
        fetched.push({ resourceType: type, serverId: String(r.id), version: versionOf(r), lastUpdated: lastUpdated ?? ctx.now(), originRef, originName: origin?.name ?? null, json: JSON.stringify(r) });
      }
    }
    newest.set(type, seen);
  }

  const at = ctx.now();
  const added = ctx.transaction(() => {
    const n = storeForeign(ctx.db, server, patientId, fetched, at, actorId);
    for (const type of PULLED_TYPES) markPulled(ctx.db, server, patientId, type, newest.get(type) ?? null, at);
    if (n > 0) {
      // Who fetched what from where. Its entity leads to no clinical table, so the push's change feed ignores it.
      writeAudit(ctx.db, { at, actorId, operation: 'exchange.pullForeign', entity: 'foreign_records', entityId: patientId, before: null, after: { server, added: n } });
    }
    return n;
  });
  return { added, matched: serverPatients.size };
}

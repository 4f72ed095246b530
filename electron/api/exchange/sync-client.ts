import type { Bundle, Resource } from '../../../shared/exchange/fhir';
import { englishText, message, type MessageRef } from '../../../shared/i18n/message';

// The one place sync talks to the network: two FHIR interactions (a transaction Bundle, an update by id with
// If-Match), each retried with back-off while the failure may pass (no network, a timeout, 5xx, 429), and
// reported at once when it will not (a refused token, a Bundle the server rejects, a stale update).

/** Access tokens fetched on demand (SMART Backend Services), instead of a fixed bearer token. */
export interface TokenSource {
  token(): Promise<string>;
  invalidate(): void;
}

export interface ClientOptions {
  baseUrl: string;
  bearerToken: string | null;
  tokens?: TokenSource | null;
  /** Per request. */
  timeoutMs: number;
  /** Attempts after the first, for a failure that may pass. */
  retries: number;
  /** The first wait; each retry doubles it. */
  backoffMs: number;
}

/**
 * A sync request that failed. What it says is a message id (kept so in the sync status and nothingFetched's reason,
 * written in the person's language); its `message` is the English text for logs and API callers.
 */
export class SyncHttpError extends Error {
  constructor(
    readonly said: MessageRef,
    readonly status: number | null,
    /** Worth trying again later. */
    readonly transient: boolean,
  ) {
    super(englishText(said));
    this.name = 'SyncHttpError';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The server's own words, from the OperationOutcome it answered with, when it gave one. */
function outcomeText(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('issue' in body) || !Array.isArray(body.issue)) return null;
  const texts = body.issue.flatMap((i: unknown) => {
    if (typeof i !== 'object' || i === null) return [];
    const d = 'diagnostics' in i && typeof i.diagnostics === 'string' ? i.diagnostics : null;
    const t = 'details' in i && typeof i.details === 'object' && i.details !== null && 'text' in i.details && typeof i.details.text === 'string' ? i.details.text : null;
    return [d ?? t ?? []].flat();
  });
  return texts.length ? texts.slice(0, 3).join('; ') : null;
}

/** A failure, with the other side's own words after it where it gave some (they stay in its language). */
export function withWords(problem: MessageRef, words: string | null): MessageRef {
  return words ? message('exchange.sync.error.said', { problem: { message: problem }, words }) : problem;
}

function failure(status: number, body: unknown): SyncHttpError {
  const words = outcomeText(body);
  if (status === 401 || status === 403) return new SyncHttpError(withWords(message('exchange.sync.error.tokenRefused', { status }), words), status, false);
  if (status === 412) return new SyncHttpError(withWords(message('exchange.sync.error.changed'), words), status, false);
  const transient = status >= 500 || status === 429 || status === 408;
  return new SyncHttpError(withWords(message('exchange.sync.error.http', { status }), words), status, transient);
}

export interface EntryAnswer {
  /** `<type>/<id>`, without its history part. */
  location: string;
  version: string | null;
}

export interface UpdateResult {
  version: string | null;
}

export class FhirClient {
  constructor(private readonly options: ClientOptions) {}

  private async once(method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, ifMatch?: string, fresh = false): Promise<{ body: unknown; etag: string | null }> {
    const headers: Record<string, string> = { accept: 'application/fhir+json' };
    if (method !== 'GET') headers['content-type'] = 'application/fhir+json';
    const tokens = this.options.tokens;
    if (tokens) headers.authorization = `Bearer ${await tokens.token()}`;
    else if (this.options.bearerToken) headers.authorization = `Bearer ${this.options.bearerToken}`;
    if (ifMatch) headers['if-match'] = ifMatch;
    // A search's next page is a full address the server gave.
    const url = /^https?:\/\//.test(path) ? path : `${this.options.baseUrl}${path}`;
    let res: Response;
    try {
      res = await fetch(url, { method, headers, ...(method === 'GET' ? {} : { body: JSON.stringify(body) }), signal: AbortSignal.timeout(this.options.timeoutMs), redirect: 'error' });
    } catch (err) {
      const url = this.options.baseUrl;
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      const said = timedOut ? message('exchange.sync.error.timeout', { url, seconds: Math.round(this.options.timeoutMs / 1000) }) : message('exchange.sync.error.unreachable', { url });
      throw new SyncHttpError(said, null, true);
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's error page): the status says enough.
      parsed = null;
    }
    // A token the server no longer takes (revoked, or expired early): one more try with a new one.
    if (res.status === 401 && tokens && !fresh) {
      tokens.invalidate();
      return this.once(method, path, body, ifMatch, true);
    }
    if (!res.ok) throw failure(res.status, parsed);
    return { body: parsed, etag: res.headers.get('etag') };
  }

  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (err) {
        if (!(err instanceof SyncHttpError) || !err.transient || n >= this.options.retries) throw err;
        await sleep(this.options.backoffMs * 2 ** n);
      }
    }
  }

  /**
   * A transaction Bundle: all its entries or none (on the server's side). The answer names, for each entry in
   * order, the resource the server made or matched (`Observation/123`) and its version.
   */
  async transaction(bundle: Bundle): Promise<EntryAnswer[]> {
    const { body } = await this.withRetries(() => this.once('POST', '', bundle));
    const answers = transactionAnswers(body);
    if (answers === null || answers.length !== (bundle.entry?.length ?? 0)) {
      throw new SyncHttpError(message('exchange.sync.error.transactionAnswer'), null, false);
    }
    return answers;
  }

  /**
   * Every resource a search finds, following the server's `next` links; at most `maxPages` pages, so a server
   * that keeps paging cannot hold a request forever.
   */
  async search(pathAndQuery: string, maxPages = 50): Promise<Resource[]> {
    const out: Resource[] = [];
    let next: string | null = pathAndQuery;
    for (let page = 0; next && page < maxPages; page++) {
      const at: string = next;
      const { body } = await this.withRetries(() => this.once('GET', at, undefined));
      if (!record(body) || body.resourceType !== 'Bundle') throw new SyncHttpError(message('exchange.sync.error.searchAnswer'), null, false);
      for (const e of Array.isArray(body.entry) ? body.entry : []) {
        const r = record(e) ? e.resource : null;
        if (isResource(r) && (!record(e.search) || e.search.mode !== 'include')) out.push(r);
      }
      const link = Array.isArray(body.link) ? body.link.find((l: unknown) => record(l) && l.relation === 'next') : undefined;
      next = record(link) && typeof link.url === 'string' ? link.url : null;
    }
    return out;
  }

  /** One resource by its server id, or null when the server has none. */
  async read(type: string, id: string): Promise<Resource | null> {
    try {
      const { body } = await this.withRetries(() => this.once('GET', `/${type}/${encodeURIComponent(id)}`, undefined));
      return isResource(body) && body.resourceType === type ? body : null;
    } catch (err) {
      if (err instanceof SyncHttpError && (err.status === 404 || err.status === 410)) return null;
      throw err;
    }
  }

  /** An update of a resource the server holds, only if its version is still the one this clinic last saw. */
  async update(resource: Resource & { id: string }, ifMatchVersion: string | null): Promise<UpdateResult> {
    const path = `/${resource.resourceType}/${encodeURIComponent(resource.id)}`;
    const { body, etag } = await this.withRetries(() => this.once('PUT', path, resource, ifMatchVersion ? `W/"${ifMatchVersion}"` : undefined));
    return { version: versionFrom(body, etag) };
  }
}

/** The version the server gave: its `meta.versionId`, else the ETag (`W/"3"`). */
export function versionFrom(resource: unknown, etag: string | null | undefined): string | null {
  if (typeof resource === 'object' && resource !== null && 'meta' in resource && typeof resource.meta === 'object' && resource.meta !== null) {
    const meta = resource.meta;
    if ('versionId' in meta && typeof meta.versionId === 'string') return meta.versionId;
  }
  const m = etag ? /"([^"]+)"/.exec(etag) : null;
  return m?.[1] ?? null;
}

const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a server returned as a resource: an object with a type and an id. Its content is read field by field later. */
function isResource(v: unknown): v is Resource & { id: string } {
  return record(v) && typeof v.resourceType === 'string' && typeof v.id === 'string';
}

/** A transaction-response Bundle's entries, or null when the body is not one. */
export function transactionAnswers(body: unknown): EntryAnswer[] | null {
  if (!record(body) || body.resourceType !== 'Bundle' || !Array.isArray(body.entry)) return null;
  const out: EntryAnswer[] = [];
  for (const e of body.entry) {
    const response = record(e) ? e.response : null;
    if (!record(e) || !record(response) || typeof response.location !== 'string') return null;
    // `Observation/123`, `Observation/123/_history/2`, or either after the server's base address.
    const path = response.location.split('/');
    const h = path.lastIndexOf('_history');
    const end = h >= 2 ? h : path.length;
    const type = path[end - 2];
    const id = path[end - 1];
    if (!type || !id) return null;
    const etag = typeof response.etag === 'string' ? response.etag : null;
    out.push({ location: `${type}/${id}`, version: versionFrom(e.resource, etag) ?? (h >= 2 ? (path[h + 1] ?? null) : null) });
  }
  return out;
}

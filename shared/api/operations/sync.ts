import { z } from 'zod';
import { uuid } from '../../domain/schema-parts';
import { MessageRefSchema, message, said, saidIssue, type MessageRef } from '../../i18n/message';
import { Empty } from './common';

// Sync with a district FHIR server (issue 19, item 4; ../shared/exchange.md "Sync with a district server").
// Nothing reaches the network until an administrator sets a server here. The bearer token is written, never
// read back: reads say only whether one is set.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The FHIR base address, checked where it enters: http(s) only, no user name or password inside it (the token
 * is its own field), no query or fragment; plain http only to this computer, since the records are health data.
 * Returned without a trailing slash, so `<base>/Patient` is always one slash.
 */
export function checkBaseUrl(text: string): { ok: true; url: string } | { ok: false; message: MessageRef } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: message('exchange.syncInput.notUrl') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: message('exchange.syncInput.scheme') };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return { ok: false, message: message('exchange.syncInput.plainHttp') };
  }
  if (url.username || url.password) return { ok: false, message: message('exchange.syncInput.credentials') };
  if (url.search || url.hash) return { ok: false, message: message('exchange.syncInput.query') };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

const baseUrl = z
  .string({ error: said(message('exchange.syncInput.baseUrl')) })
  .trim()
  .min(1, { error: said(message('exchange.syncInput.baseUrl')) })
  .max(2000, { error: said(message('exchange.syncInput.baseUrlTooLong')) })
  .transform((text, ctx) => {
    const checked = checkBaseUrl(text);
    if (checked.ok) return checked.url;
    ctx.addIssue(saidIssue(checked.message));
    return z.NEVER;
  });

const token = z
  .string({ error: said(message('exchange.syncInput.token')) })
  .trim()
  .min(1, { error: said(message('exchange.syncInput.tokenEmpty')) })
  .max(4096, { error: said(message('exchange.syncInput.tokenTooLong')) })
  .refine((t) => /^[\x21-\x7e]+$/.test(t), { error: said(message('exchange.syncInput.tokenChars')) });

const KEY_MESSAGE = said(message('exchange.syncInput.key'));

/**
 * SMART Backend Services: the client id the district registered, the private key whose public part it holds, and
 * the token endpoint when the server does not publish it. Whether the key can sign (RSA ≥ 2048 bits, EC P-384) is
 * checked by the back end, which has the cryptography.
 */
export const SmartInput = z.strictObject({
  clientId: z
    .string({ error: said(message('exchange.syncInput.clientId')) })
    .trim()
    .min(1, { error: said(message('exchange.syncInput.clientId')) })
    .max(255, { error: said(message('exchange.syncInput.clientIdTooLong')) })
    .refine((t) => /^[\x21-\x7e]+$/.test(t), { error: said(message('exchange.syncInput.clientIdChars')) }),
  /** Left out, the key set stays. */
  privateKey: z
    .string({ error: KEY_MESSAGE })
    .trim()
    .max(16384, { error: said(message('exchange.syncInput.keyTooLong')) })
    .refine((t) => /^-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+-----END (RSA |EC )?PRIVATE KEY-----$/.test(t), { error: KEY_MESSAGE })
    .optional(),
  /** null: read it from the server's .well-known/smart-configuration. */
  tokenUrl: baseUrl.nullable(),
});
export type SmartInput = z.input<typeof SmartInput>;

export const ConfigureSyncInput = z.strictObject({
  /** null turns sync off: nothing is sent until a server is set again. */
  baseUrl: baseUrl.nullable(),
  /** A new bearer token; null removes it; left out, the one set stays. */
  bearerToken: token.nullable().optional(),
  /** SMART Backend Services instead of the bearer token; null removes it; left out, what is set stays. */
  smart: SmartInput.nullable().optional(),
});
export type ConfigureSyncInput = z.input<typeof ConfigureSyncInput>;

export const SyncStatus = z.strictObject({
  /** A server is set: changes are pushed in the background. */
  configured: z.boolean(),
  baseUrl: z.string().nullable(),
  /** The token itself is never returned. */
  bearerToken: z.enum(['set', 'not set']),
  /** SMART Backend Services, when set: used instead of the bearer token. The key is never returned. */
  smart: z
    .strictObject({
      clientId: z.string(),
      tokenUrl: z.string().nullable(),
      privateKey: z.literal('set'),
      /** null when the key set cannot sign (it was checked when it entered; this says if that ever changes). */
      algorithm: z.enum(['RS384', 'ES384']).nullable(),
      /** The public key's thumbprint, the `kid` of every signed request: the district files the public key under it. */
      keyId: z.string().nullable(),
    })
    .nullable(),
  running: z.boolean(),
  /** When every change up to then was last acknowledged by the server (a UTC instant). */
  lastSyncedAt: z.string().nullable(),
  /** Patients with changes the server has not acknowledged yet. */
  waiting: z.number().int().min(0),
  /** Why the last try failed: its English text, and its message id where it has one (a status written by an older version has none). */
  lastError: z.strictObject({ at: z.string(), message: z.string(), messageRef: MessageRefSchema.optional() }).nullable(),
  /** When the background push tries next (a UTC instant), or null when nothing is scheduled. */
  nextAttemptAt: z.string().nullable(),
  /** Updates the server refused because its copy had changed since (412): left for a person, not retried. */
  conflicts: z.array(z.strictObject({ resourceType: z.string(), lineage: z.string(), serverId: z.string(), detectedAt: z.string(), message: z.string() })),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** A record another clinic wrote for this patient, as fetched from the district's server; read-only here. */
export const ForeignRecord = z.strictObject({
  resourceType: z.string(),
  serverId: z.string(),
  /** The newest version fetched, and how many were. */
  version: z.string(),
  versions: z.number().int().min(1),
  /** The resource's own status (final, amended, entered-in-error…), when it has one. */
  status: z.string().nullable(),
  /** The clinical date it carries (effective, period, performed, onset…), when it has one. */
  date: z.string().nullable(),
  /** What it says, in the other clinic's words: its code's text, value and body site. */
  summary: z.string(),
  origin: z.strictObject({ server: z.string(), organization: z.string().nullable(), name: z.string().nullable() }),
  lastUpdated: z.string(),
  fetchedAt: z.string(),
});
export type ForeignRecord = z.infer<typeof ForeignRecord>;

export const ForeignRecordsInput = z.strictObject({ patientId: uuid });

export const ForeignRecords = z.strictObject({
  /** A server is set, so records can be fetched. */
  configured: z.boolean(),
  /** When this patient's records were last fetched from the server set, or null. */
  lastPulledAt: z.string().nullable(),
  /** Newest first. */
  records: z.array(ForeignRecord),
});
export type ForeignRecords = z.infer<typeof ForeignRecords>;

export const PullResult = ForeignRecords.extend({
  /** Versions new to this computer in this pull (0 when nothing changed on the server). */
  added: z.number().int().min(0),
});
export type PullResult = z.infer<typeof PullResult>;

export const syncOperations = {
  /** Other clinics' records of a patient held here, apart from the clinic's own. */
  'exchange.foreignRecords': { kind: 'read', input: ForeignRecordsInput, output: ForeignRecords },
  /** Fetches what other clinics wrote for the patient since the last fetch; waits on the network (own transaction). */
  'exchange.pullForeign': { kind: 'change', transaction: 'own', input: ForeignRecordsInput, output: PullResult },
  'exchange.syncStatus': { kind: 'read', input: Empty, output: SyncStatus },
  /** Starts a push now (or says one is running) and returns at once: the push runs outside the request. */
  'exchange.syncNow': { kind: 'change', transaction: 'own', input: Empty, output: SyncStatus },
  'exchange.configureSync': { kind: 'change', role: 'administrator', input: ConfigureSyncInput, output: SyncStatus },
} as const;

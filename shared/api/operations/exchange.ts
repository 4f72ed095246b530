import { z } from 'zod';
import { calendarDate, uuid } from '../../domain/schema-parts';
import { Empty } from './common';
import { MAX_REQUEST_BYTES } from '../transport';
import { MessageRefSchema, message, said, saidIssue } from '../../i18n/message';

// Exchange (issue 19): FHIR R4 and CSV exports. The mapping is shared/exchange/; the back end reads the records and
// returns the file's text with its name and media type, which the renderer saves as a file (in server mode a Blob
// download; see docs/architecture.md, Exchange).

/** Exactly one patient, or the whole clinic; an optional date range keeps the clinical records dated inside it. */
const scopeFields = {
  patientId: uuid.optional(),
  all: z.literal(true, { error: said(message('exchange.input.allTrue')) }).optional(),
  from: calendarDate('The first date').optional(),
  to: calendarDate('The last date').optional(),
};

function checkPeriod(s: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (s.from && s.to && s.from > s.to) ctx.addIssue({ ...saidIssue(message('domain.operations.period', { to: { date: s.to }, from: { date: s.from } })), path: ['to'] });
}

function checkScope(s: { patientId?: string | undefined; all?: true | undefined; from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if ((s.patientId === undefined) === (s.all === undefined)) {
    ctx.addIssue({ ...saidIssue(message('exchange.input.oneOrAll')), path: ['patientId'] });
  }
  checkPeriod(s, ctx);
}

/**
 * One patient's Bundle, made in memory. The whole clinic is exchange.exportClinic: streamed to NDJSON, since a
 * clinic's Bundles held at once would not fit in memory.
 */
export const ExportFhirInput = z
  .strictObject({ patientId: uuid, from: scopeFields.from, to: scopeFields.to })
  .superRefine((s, ctx) => {
    checkPeriod(s, ctx);
  });
export type ExportFhirInput = z.input<typeof ExportFhirInput>;

export const ExportCsvInput = z
  .strictObject({
    ...scopeFields,
    /** Patients and raters as pseudonyms that hold within this file only; no names, no clinic ids. */
    pseudonymise: z.boolean().default(false),
  })
  .superRefine(checkScope);
export type ExportCsvInput = z.input<typeof ExportCsvInput>;

/** A file to save: its suggested name, media type and text. */
export const ExportFile = z.strictObject({
  fileName: z.string(),
  mediaType: z.enum(['application/fhir+json', 'application/fhir+ndjson', 'text/csv']),
  content: z.string(),
  /** How many patients, and how many FHIR resources or CSV rows, the file holds. */
  patients: z.number().int(),
  records: z.number().int(),
});
export type ExportFile = z.infer<typeof ExportFile>;

const PATH_MESSAGE = said(message('exchange.error.fullPath'));
const PATH_TOO_LONG = said(message('exchange.input.pathTooLong'));

/** The whole clinic, streamed to a file on the machine that holds the database (a USB stick, a shared folder). */
export const ExportClinicInput = z
  .strictObject({
    path: z
      .string({ error: PATH_MESSAGE })
      .trim()
      .min(1, { error: PATH_MESSAGE })
      .max(1000, { error: PATH_TOO_LONG })
      .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: PATH_MESSAGE })
      .refine((p) => /\.ndjson$/i.test(p), { error: said(message('exchange.error.ndjsonName')) }),
    from: scopeFields.from,
    to: scopeFields.to,
  })
  .superRefine((s, ctx) => {
    checkPeriod(s, ctx);
  });
export type ExportClinicInput = z.input<typeof ExportClinicInput>;

export const ClinicExport = z.strictObject({
  path: z.string(),
  patients: z.number().int(),
  /** FHIR resources written, one a line. */
  resources: z.number().int(),
  bytes: z.number().int(),
});

export type ClinicExport = z.infer<typeof ClinicExport>;

/** How far the running (or the last) whole-clinic export is, for a progress bar: patients done of the total. */
export const ExportProgress = z.strictObject({
  running: z.boolean(),
  path: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int(),
  /** The last export's outcome once it ended: what it wrote, or why it stopped. Both null while one runs. */
  result: ClinicExport.nullable(),
  error: z.string().nullable(),
  /** Why it stopped, as a message id for the screen; `error` is its English text for API callers. */
  errorRef: MessageRefSchema.nullable(),
});

/** Room for the request's own JSON around the file's text, which escaping can enlarge. */
export const MAX_IMPORT_CHARS = MAX_REQUEST_BYTES - 64 * 1024;

/** The patient's details an import may find different here; a person decides, field by field, which to keep. */
export const DEMOGRAPHICS = ['familyName', 'givenNames', 'clinicId', 'dateOfBirth', 'sex', 'documentLanguage'] as const;
export type Demographic = (typeof DEMOGRAPHICS)[number];

export const ImportFhirInput = z.strictObject({
  /** The text of a patient file exported by ROMtrack (exchange.exportFhir with a patientId). */
  content: z
    .string({ error: said(message('exchange.input.chooseFile')) })
    .min(1, { error: said(message('exchange.input.emptyFile')) })
    .max(MAX_IMPORT_CHARS, { error: said(message('exchange.input.fileTooLarge', { size: Math.floor(MAX_IMPORT_CHARS / 1024) })) }),
  /** The person's decisions on the conflicts a first import listed: which of the file's demographics to take. */
  decisions: z.strictObject({ takeIncoming: z.array(z.enum(DEMOGRAPHICS)).max(DEMOGRAPHICS.length) }).optional(),
});
export type ImportFhirInput = z.input<typeof ImportFhirInput>;

const count = z.number().int();
const Counts = z.strictObject({
  patients: count,
  therapists: count,
  visits: count,
  measurements: count,
  sites: count,
  riskFactors: count,
  events: count,
  planVersions: count,
  goals: count,
});

export const ImportReport = z.strictObject({
  /** The patient in this database the file was imported into. */
  patientId: z.string(),
  /** How the patient was found here; null when the file's patient was added. */
  matchedBy: z.enum(['id', 'clinicId', 'nameAndBirthDate']).nullable(),
  /** Records new to this database (a correction or a void of a record held here counts as added: a new version). */
  added: Counts,
  /** Records this database already held under the same ids. */
  matched: Counts,
  /** True when the import wrote nothing (the same file imported again). */
  unchanged: z.boolean(),
  /** Differences left for a person to decide; nothing here was overwritten. */
  /** Each with its message as an id (written in the screen's language) and its English text for API callers. */
  conflicts: z.array(z.strictObject({ field: z.string(), here: z.string().nullable(), incoming: z.string().nullable(), message: z.string(), messageRef: MessageRefSchema })),
  /** Resources of kinds this import does not write yet, by type. */
  notImported: z.array(z.strictObject({ resourceType: z.string(), count: z.number().int() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** A whole-clinic file (exchange.exportClinic's NDJSON) on the machine that holds the database. */
export const ImportClinicInput = z.strictObject({
  path: z
    .string({ error: PATH_MESSAGE })
    .trim()
    .min(1, { error: PATH_MESSAGE })
    .max(1000, { error: PATH_TOO_LONG })
    .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: PATH_MESSAGE })
    .refine((p) => /\.ndjson$/i.test(p), { error: said(message('exchange.input.importNdjson')) }),
});
export type ImportClinicInput = z.input<typeof ImportClinicInput>;

/** The clinic file's patients, summed; each conflict names its patient. Demographics are decided one patient file at a time. */
export const ImportClinicReport = z.strictObject({
  patients: z.number().int(),
  added: Counts,
  matched: Counts,
  unchanged: z.boolean(),
  conflicts: z.array(z.strictObject({ patientId: z.string(), field: z.string(), here: z.string().nullable(), incoming: z.string().nullable(), message: z.string(), messageRef: MessageRefSchema })),
  notImported: z.array(z.strictObject({ resourceType: z.string(), count: z.number().int() })),
});
export type ImportClinicReport = z.infer<typeof ImportClinicReport>;

/**
 * How far the running (or the last) whole-clinic import is: while checking, patients checked (total 0: not known
 * until the file is read through); while writing, patients written of the total.
 */
export const ImportProgress = z.strictObject({
  running: z.boolean(),
  path: z.string().nullable(),
  phase: z.enum(['checking', 'writing']).nullable(),
  done: z.number().int(),
  total: z.number().int(),
  /** The last import's outcome once it ended: its report, or why it stopped. Both null while one runs. */
  result: ImportClinicReport.nullable(),
  error: z.string().nullable(),
  /** Why it stopped, as a message id for the screen; `error` is its English text for API callers. */
  errorRef: MessageRefSchema.nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const exchangeOperations = {
  /** One patient: a FHIR R4 transaction Bundle (JSON). The whole clinic: one such Bundle per line (NDJSON). */
  'exchange.exportFhir': { kind: 'change', access: 'export', input: ExportFhirInput, output: ExportFile },
  /** One row per current measurement. */
  'exchange.exportCsv': { kind: 'change', access: 'export', input: ExportCsvInput, output: ExportFile },
  /**
   * Administrators only: every patient's record leaves the clinic. FHIR Bulk Data NDJSON of the whole clinic (one resource per line, every type in one file) to `path`, never
   * over an existing file. Streamed patient by patient across awaits, so it keeps its own transactions.
   */
  'exchange.exportClinic': { kind: 'change', role: 'administrator', transaction: 'own', input: ExportClinicInput, output: ClinicExport },
  'exchange.exportProgress': { kind: 'read', input: Empty, output: ExportProgress },
  /** A patient file from another workstation or clinic: checked whole first, idempotent, demographics never overwritten unasked. */
  'exchange.importFhir': { kind: 'change', input: ImportFhirInput, output: ImportReport },
  /**
   * Administrators only, like a restore. A whole clinic's NDJSON file from the server's disk: every patient checked
   * before any is written, then written in short transactions with the event loop free between them (others are
   * answered meanwhile), each with its audit row; a file stopped half way is finished by importing it again.
   */
  'exchange.importClinic': { kind: 'change', role: 'administrator', transaction: 'own', input: ImportClinicInput, output: ImportClinicReport },
  'exchange.importProgress': { kind: 'read', input: Empty, output: ImportProgress },
} as const;

import { z } from 'zod';
import { calendarDate, uuid } from '../../domain/schema-parts';
import { Empty } from './common';
import { MAX_REQUEST_BYTES } from '../transport';

// Exchange (issue 19): FHIR R4 and CSV exports. The mapping is shared/exchange/; the back end reads the records and
// returns the file's text with its name and media type, which the renderer saves as a file (in server mode a Blob
// download; see docs/architecture.md, Exchange).

/** Exactly one patient, or the whole clinic; an optional date range keeps the clinical records dated inside it. */
const scopeFields = {
  patientId: uuid.optional(),
  all: z.literal(true, { error: 'Say all: true to export the whole clinic.' }).optional(),
  from: calendarDate('The first date').optional(),
  to: calendarDate('The last date').optional(),
};

function checkScope(s: { patientId?: string | undefined; all?: true | undefined; from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if ((s.patientId === undefined) === (s.all === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['patientId'], message: 'Export one patient or the whole clinic: give a patient, or all: true, not both.' });
  }
  if (s.from && s.to && s.from > s.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last date is before the first date.' });
}

/**
 * One patient's Bundle, made in memory. The whole clinic is exchange.exportClinic: streamed to NDJSON, since a
 * clinic's Bundles held at once would not fit in memory.
 */
export const ExportFhirInput = z
  .strictObject({ patientId: uuid, from: scopeFields.from, to: scopeFields.to })
  .superRefine((s, ctx) => {
    if (s.from && s.to && s.from > s.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last date is before the first date.' });
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

const PATH_MESSAGE = 'Give the full path of the file to write, for example /media/usb/clinic.ndjson or E:\\clinic.ndjson.';

/** The whole clinic, streamed to a file on the machine that holds the database (a USB stick, a shared folder). */
export const ExportClinicInput = z
  .strictObject({
    path: z
      .string({ error: PATH_MESSAGE })
      .trim()
      .min(1, { error: PATH_MESSAGE })
      .max(1000, { error: 'This path is too long.' })
      .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: PATH_MESSAGE })
      .refine((p) => /\.ndjson$/i.test(p), { error: 'The file name must end in .ndjson: the export is FHIR NDJSON, one resource per line.' }),
    from: scopeFields.from,
    to: scopeFields.to,
  })
  .superRefine((s, ctx) => {
    if (s.from && s.to && s.from > s.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last date is before the first date.' });
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
});

/** Room for the request's own JSON around the file's text, which escaping can enlarge. */
export const MAX_IMPORT_CHARS = MAX_REQUEST_BYTES - 64 * 1024;

/** The patient's details an import may find different here; a person decides, field by field, which to keep. */
export const DEMOGRAPHICS = ['familyName', 'givenNames', 'clinicId', 'dateOfBirth', 'sex', 'documentLanguage'] as const;
export type Demographic = (typeof DEMOGRAPHICS)[number];
export const DEMOGRAPHIC_LABELS: Record<Demographic, string> = { familyName: 'Family name', givenNames: 'Given names', clinicId: 'Clinic id', dateOfBirth: 'Date of birth', sex: 'Sex', documentLanguage: 'Language of documents' };

export const ImportFhirInput = z.strictObject({
  /** The text of a patient file exported by ROMtrack (exchange.exportFhir with a patientId). */
  content: z
    .string({ error: 'Choose a file to import.' })
    .min(1, { error: 'The file is empty.' })
    .max(MAX_IMPORT_CHARS, { error: `The file is larger than ${Math.floor(MAX_IMPORT_CHARS / 1024)} KB. Export and import one patient at a time.` }),
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
  conflicts: z.array(z.strictObject({ field: z.string(), here: z.string().nullable(), incoming: z.string().nullable(), message: z.string() })),
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
    .max(1000, { error: 'This path is too long.' })
    .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: PATH_MESSAGE })
    .refine((p) => /\.ndjson$/i.test(p), { error: 'Choose a .ndjson file: a whole clinic exported by ROMtrack as FHIR NDJSON.' }),
});
export type ImportClinicInput = z.input<typeof ImportClinicInput>;

/** The clinic file's patients, summed; each conflict names its patient. Demographics are decided one patient file at a time. */
export const ImportClinicReport = z.strictObject({
  patients: z.number().int(),
  added: Counts,
  matched: Counts,
  unchanged: z.boolean(),
  conflicts: z.array(z.strictObject({ patientId: z.string(), field: z.string(), here: z.string().nullable(), incoming: z.string().nullable(), message: z.string() })),
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

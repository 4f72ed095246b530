import { z } from 'zod';
import { calendarDate, uuid } from '../../domain/schema-parts';
import { Empty } from './common';

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

export const ExportFhirInput = z.strictObject(scopeFields).superRefine(checkScope);
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

/** How far the running (or the last) whole-clinic export is, for a progress bar: patients done of the total. */
export const ExportProgress = z.strictObject({
  running: z.boolean(),
  path: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int(),
});

export const exchangeOperations = {
  /** One patient: a FHIR R4 transaction Bundle (JSON). The whole clinic: one such Bundle per line (NDJSON). */
  'exchange.exportFhir': { kind: 'change', input: ExportFhirInput, output: ExportFile },
  /** One row per current measurement. */
  'exchange.exportCsv': { kind: 'change', input: ExportCsvInput, output: ExportFile },
  /**
   * FHIR Bulk Data NDJSON of the whole clinic (one resource per line, every type in one file) to `path`, never
   * over an existing file. Streamed patient by patient across awaits, so it keeps its own transactions.
   */
  'exchange.exportClinic': { kind: 'change', transaction: 'own', input: ExportClinicInput, output: ClinicExport },
  'exchange.exportProgress': { kind: 'read', input: Empty, output: ExportProgress },
} as const;

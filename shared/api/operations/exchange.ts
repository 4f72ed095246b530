import { z } from 'zod';
import { calendarDate, uuid } from '../../domain/schema-parts';

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

export const exchangeOperations = {
  /** One patient: a FHIR R4 transaction Bundle (JSON). The whole clinic: one such Bundle per line (NDJSON). */
  'exchange.exportFhir': { kind: 'change', input: ExportFhirInput, output: ExportFile },
  /** One row per current measurement. */
  'exchange.exportCsv': { kind: 'change', input: ExportCsvInput, output: ExportFile },
} as const;

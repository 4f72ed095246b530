import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { call } from '../api/client';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { applyServerErrors } from '../forms/schema-form';
import { href, navigate } from '../router';
import { useFormatDate, useSession } from '../session/session-context';
import { EntryGrid } from './EntryGrid';
import { ComparabilityHint } from './ComparabilityHint';
import { buildGrid, seriesOf } from './grid-model';
import { MeasurementDetails } from './MeasurementDetails';
import { VisitHeaderFields } from './VisitHeaderFields';
import { initialValues, knownPaths, toFormFields, toVisitInput, visitResolver, type VisitFormValues } from './visit-form-model';

/** Enter in these saves the whole visit; in a textarea it is a new line unless Ctrl (or Cmd) is held. */
function savesOnEnter(e: KeyboardEvent): boolean {
  const t = e.target;
  if (t instanceof HTMLTextAreaElement) return e.ctrlKey || e.metaKey;
  return t instanceof HTMLInputElement || t instanceof HTMLSelectElement;
}

/** One visit: its header, the entry grid and the per-measurement details, saved by one 'visits.record' call. */
export function VisitForm({ file }: { file: PatientFile }) {
  const { state } = useSession();
  const formatDate = useFormatDate();
  const current = state.currentTherapist?.id ?? '';
  const grid = useMemo(() => buildGrid(file.sites), [file.sites]);
  const series = useMemo(() => seriesOf(file.visits), [file.visits]);
  const resolver = useMemo(() => visitResolver(file.patient, grid, formatDate), [file.patient, grid, formatDate]);
  const form = useForm<VisitFormValues>({
    resolver,
    defaultValues: initialValues(grid, current),
    mode: 'onChange',
    reValidateMode: 'onChange',
  });
  // Read during render so react-hook-form keeps it up to date (its form state is a subscription).
  const { isDirty, isSubmitting } = form.formState;
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const patientPage = href.patient(file.patient.id);

  // The therapist offered is whoever is working: switching in the header changes it, unless the
  // person already chose someone else for this visit.
  const offered = useRef(current);
  useEffect(() => {
    if (offered.current === current) return;
    if (form.getValues('therapistId') === offered.current) form.resetField('therapistId', { defaultValue: current });
    offered.current = current;
  }, [current, form]);

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      const { input, cellOf } = toVisitInput(values, file.patient.id, grid);
      const r = await call('visits.record', input);
      if (r.ok) {
        navigate(patientPage);
        return;
      }
      // The back end names measurements by their place in the list it got; put each message on its box.
      const fields = r.error.fields ? toFormFields(r.error.fields, cellOf) : undefined;
      setFormError(applyServerErrors(form, { ...r.error, fields }, knownPaths(grid)));
    },
    (errors) => setFormError((errors as { _?: { message?: string } })._?.message ?? null),
  );

  const cancel = () => (isDirty ? setConfirming(true) : navigate(patientPage));

  return (
    <>
      <form
        ref={formRef}
        className="visit-form"
        noValidate
        aria-labelledby="visit-heading"
        onSubmit={onSubmit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            cancel();
          } else if (e.key === 'Enter' && savesOnEnter(e)) {
            e.preventDefault();
            formRef.current?.requestSubmit();
          }
        }}
      >
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <VisitHeaderFields form={form} therapists={state.activeTherapists} />
        <ComparabilityHint form={form} file={file} />
        <EntryGrid form={form} grid={grid} series={series} />
        <MeasurementDetails form={form} grid={grid} />
        <div className="form-actions sticky-actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            Save visit
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          <span className="keys-hint">Tab moves through the grid · Enter saves the visit · Escape cancels</span>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title="Discard this visit?"
        confirmLabel="Discard visit"
        cancelLabel="Keep editing"
        onConfirm={() => navigate(patientPage)}
        onCancel={() => setConfirming(false)}
      >
        <p>Nothing typed on this screen has been saved yet. Discarding it cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}

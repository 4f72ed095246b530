import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { validateDegrees } from '../../../shared/domain/catalogue/measurement-value';
import { numberFromText } from '../clinical/format';
import { call } from '../api/client';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { applyServerErrors } from '../forms/schema-form';
import { flashOn } from '../layout/flash';
import { href, navigate } from '../router';
import { useFormatDate, useSession } from '../session/session-context';
import { EntryGrid, type CellIssue } from './EntryGrid';
import { ComparabilityHint } from './ComparabilityHint';
import { buildEntryGrid, implausibleAgainst, lastComparable, seriesKey, seriesOf, visibleCells, type GridCell, type GridGroup } from './grid-model';
import { MeasurementDetails } from './MeasurementDetails';
import { VisitHeaderFields, VisitSymptomsFields } from './VisitHeaderFields';
import { initialValues, knownPaths, toFormFields, toVisitInput, visitResolver, type VisitFormValues } from './visit-form-model';

const FOCUSABLE = 'input:not([type=hidden]), select, textarea, button, summary, a[href], [tabindex]:not([tabindex="-1"])';

/** The next place Tab would go from `from` inside `root` (Enter moves like Tab, never saves). */
function focusNextAfter(root: HTMLElement, from: Element, step: 1 | -1 = 1): void {
  const all = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.matches(':disabled') && el.getClientRects().length > 0);
  const at = all.indexOf(from as HTMLElement);
  all[at + step]?.focus();
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * One visit: the grid first (in view on a 1024×640 screen), its header on one line above it, symptoms, notes
 * and per-measurement details after it; saved by one 'visits.record' call with Ctrl+Enter or Save. Enter moves
 * to the next box. A value far from the last comparable reading asks to be confirmed (Enter again) before it
 * can be saved.
 */
export function VisitForm({ file }: { file: PatientFile }) {
  const { state } = useSession();
  const formatDate = useFormatDate();
  const current = state.currentTherapist?.id ?? '';
  const grid = useMemo(() => buildEntryGrid(file.sites), [file.sites]);
  const series = useMemo(() => seriesOf(file.visits), [file.visits]);
  const resolver = useMemo(() => visitResolver(file.patient, grid, formatDate), [file.patient, grid, formatDate]);
  const form = useForm<VisitFormValues>({
    resolver,
    defaultValues: initialValues(grid, current),
    mode: 'onChange',
    reValidateMode: 'onChange',
  });
  // Read during render so react-hook-form keeps it up to date (its form state is a subscription).
  const { isDirty, isSubmitting, errors } = form.formState;
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const [currentCell, setCurrentCell] = useState<number | null>(null);
  // Boxes the person has left (or pressed Enter in): only those ask, never a value still being typed.
  const [settled, setSettled] = useState<ReadonlySet<number>>(new Set());
  // The value each box's "yes, it is right" was given for: changing the value asks again.
  const [confirmed, setConfirmed] = useState<ReadonlyMap<number, string>>(new Map());
  const formRef = useRef<HTMLFormElement>(null);
  const patientPage = href.patient(file.patient.id);
  const cells = useWatch({ control: form.control, name: 'cells' });
  const defaultInstrument = useWatch({ control: form.control, name: 'defaults.instrument' });

  // The therapist offered is whoever is working: switching in the header changes it, unless the
  // person already chose someone else for this visit.
  const offered = useRef(current);
  useEffect(() => {
    if (offered.current === current) return;
    if (form.getValues('therapistId') === offered.current) form.resetField('therapistId', { defaultValue: current });
    offered.current = current;
  }, [current, form]);

  const lastOf = (cell: GridCell) => lastComparable(series.get(seriesKey(cell.motion, cell.side, cell.mode)), cells[cell.index]?.instrument || defaultInstrument);

  /** The reading a typed value is far from, when it is valid and far; undefined otherwise. */
  const farFrom = (cell: GridCell) => {
    const typed = cells[cell.index]?.degrees.trim() ?? '';
    if (typed === '') return undefined;
    const degrees = numberFromText(typed);
    if (typeof degrees !== 'number' || !validateDegrees(cell.motion, degrees).ok) return undefined;
    return implausibleAgainst(cell.motion, degrees, lastOf(cell));
  };
  const unconfirmed = (cell: GridCell) => Boolean(farFrom(cell)) && confirmed.get(cell.index) !== cells[cell.index]?.degrees.trim();

  const issueOf = (cell: GridCell): CellIssue | null => {
    const message = errors.cells?.[cell.index]?.degrees?.message;
    if (message) return { kind: 'error', message };
    const last = farFrom(cell);
    if (last && settled.has(cell.index) && unconfirmed(cell)) return { kind: 'ask', last, degrees: cells[cell.index]?.degrees ?? '' };
    return null;
  };

  const settle = (index: number) => setSettled((prev) => (prev.has(index) ? prev : new Set(prev).add(index)));
  const unsettle = (index: number) =>
    setSettled((prev) => {
      if (!prev.has(index)) return prev;
      const next = new Set(prev);
      next.delete(index);
      return next;
    });
  const confirm = (cell: GridCell) => setConfirmed((prev) => new Map(prev).set(cell.index, cells[cell.index]?.degrees.trim() ?? ''));

  const focusCell = (index: number) => document.getElementById(`cell-${index}`)?.focus();

  /** Enter: the next box (confirming a far value first, in place); Shift+Enter: the box before. */
  const onCellKeyDown = (cell: GridCell, e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    e.stopPropagation();
    if (!e.shiftKey && unconfirmed(cell)) {
      // The first Enter asks (if leaving the box did not already), the second confirms and moves on.
      if (!settled.has(cell.index)) {
        settle(cell.index);
        return;
      }
      confirm(cell);
    }
    settle(cell.index);
    const order = visibleCells(grid, shown);
    const at = order.findIndex((c) => c.index === cell.index);
    const next = order[at + (e.shiftKey ? -1 : 1)];
    if (next) focusCell(next.index);
    else if (formRef.current) focusNextAfter(formRef.current, e.currentTarget, e.shiftKey ? -1 : 1);
  };

  const showGroup = (group: GridGroup) => {
    setShown((prev) => new Set(prev).add(group.key));
    const firstCell = group.rows[0]?.cells[0];
    if (firstCell) requestAnimationFrame(() => focusCell(firstCell.index));
  };

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      // A value far from the last reading is saved only once the person said it is right.
      const asking = visibleCells(grid, shown).filter(unconfirmed);
      const firstAsking = asking[0];
      if (firstAsking) {
        setSettled((prev) => new Set([...prev, ...asking.map((c) => c.index)]));
        setFormError(`${plural(asking.length, 'value')} far from the last reading: confirm (Enter in the box) or correct before saving.`);
        focusCell(firstAsking.index);
        return;
      }
      const { input, cellOf } = toVisitInput(values, file.patient.id, grid);
      const r = await call('visits.record', input);
      if (r.ok) {
        flashOn(patientPage, `Visit of ${formatDate(values.date.trim())} saved: ${plural(input.measurements.length, 'measurement')}.`);
        navigate(patientPage);
        return;
      }
      // The back end names measurements by their place in the list it got; put each message on its box.
      const fields = r.error.fields ? toFormFields(r.error.fields, cellOf) : undefined;
      setFormError(applyServerErrors(form, { ...r.error, fields }, knownPaths(grid)));
    },
    (errs) => setFormError((errs as { _?: { message?: string } })._?.message ?? 'Some values need attention: the first one has the focus.'),
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
          const t = e.target;
          if (e.key === 'Escape') {
            e.preventDefault();
            cancel();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            // Ctrl+Enter saves from anywhere in the form, a textarea included.
            e.preventDefault();
            formRef.current?.requestSubmit();
          } else if (e.key === 'Enter' && !e.altKey && (t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && t.type !== 'submit' && t.type !== 'button'))) {
            // Enter in a field moves on like Tab: a spreadsheet habit must never save a half-typed visit.
            e.preventDefault();
            if (formRef.current) focusNextAfter(formRef.current, t, e.shiftKey ? -1 : 1);
          }
        }}
      >
        <VisitHeaderFields form={form} therapists={state.activeTherapists} />
        <ComparabilityHint form={form} file={file} />
        <EntryGrid
          form={form}
          grid={grid}
          shown={shown}
          onShow={showGroup}
          lastOf={lastOf}
          issueOf={issueOf}
          current={currentCell}
          onCurrent={setCurrentCell}
          onKeyDown={onCellKeyDown}
          onLeave={(cell) => settle(cell.index)}
          onTyping={(cell) => unsettle(cell.index)}
          onConfirm={(cell) => {
            confirm(cell);
            focusCell(cell.index);
          }}
        />
        <VisitSymptomsFields form={form} />
        <MeasurementDetails form={form} grid={grid} shown={shown} />
        <div className="form-actions sticky-actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            Save visit
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          {formError ? (
            <p className="field-error form-message" role="alert">
              <span aria-hidden="true">⚠ </span>
              {formError}
            </p>
          ) : (
            <span className="keys-hint">Ctrl+Enter saves · Escape cancels</span>
          )}
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

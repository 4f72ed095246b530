import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { Envelope } from '../../../shared/api/errors';
import { motionSpec } from '../../../shared/domain/catalogue';
import { validateDegrees } from '../../../shared/domain/catalogue/measurement-value';
import { parseDateInput, todayLocal } from '../../../shared/domain/dates';
import type { Visit } from '../../../shared/domain/visit';
import { numberFromText } from '../clinical/format';
import { therapistNamer } from '../i18n/catalogue-words';
import { call } from '../api/client';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { useDateBoxes } from '../forms/DateField';
import { applyServerErrors } from '../forms/schema-form';
import { flashOn } from '../layout/flash';
import { href, navigate } from '../router';
import { useFormatter, useSession } from '../session/session-context';
import { EntryGrid, type CellIssue } from './EntryGrid';
import { ComparabilityHint } from './ComparabilityHint';
import { seriesKeyOf } from '../../../shared/domain/series';
import { buildEntryGrid, implausibleAgainst, lastComparable, seriesOf, visibleCells, type GridCell, type GridGroup } from './grid-model';
import { MeasurementDetails } from './MeasurementDetails';
import { caveatsFor, clashesWith, useSameDay } from './use-same-day';
import { VisitHeaderFields, VisitSymptomsFields } from './VisitHeaderFields';
import { ADD_TO_VISIT_ID, AddingTo, KeptWithVisit, SameDayQuestion } from './VisitTarget';
import { initialValues, knownPaths, readingIn, toAdditionInput, toFormFields, toVisitInput, valuesToAdd, visitResolver, type VisitFormValues } from './visit-form-model';
import { focusNextAfter, visitFormKeyDown } from './visit-keys';
import { useVisitWords } from './visit-words';
import './visits.css';
import { useMessageText } from '../i18n/use-message-text';

/**
 * One visit: the grid first (in view on a 1024×640 screen), its header on one line above it, symptoms, notes
 * and per-measurement details after it; saved by one 'visits.record' call with Ctrl+Enter or Save. Enter moves
 * to the next box. A value far from the last comparable reading asks to be confirmed (Enter again) before it
 * can be saved. A date that already has a visit asks, inline, whether to add these readings to it
 * ('visits.addMeasurements'); `addTo` opens the form for that directly, the visit's readings shown in grey.
 */
export function VisitForm({ file, addTo = null }: { file: PatientFile; addTo?: Visit | null }) {
  const { state } = useSession();
  const { t } = useTranslation();
  const say = useMessageText();
  const format = useFormatter();
  const formatDate = format.date;
  const words = useVisitWords();
  const dates = useDateBoxes('date');
  const current = state.currentTherapist?.id ?? '';
  const nameOf = useMemo(() => therapistNamer(t, [...state.activeTherapists, ...file.therapists]), [t, state.activeTherapists, file.therapists]);
  const grid = useMemo(() => buildEntryGrid(file.sites), [file.sites]);
  const series = useMemo(() => seriesOf(file.visits), [file.visits]);
  // The visit being added to is decided after the form is made (it follows the date typed): the checks read it here.
  const targetRef = useRef<Visit | null>(addTo);
  const resolver = useMemo(
    () => visitResolver({ patient: file.patient, grid, t, say, format, dates, target: () => targetRef.current, recorded: (cell) => (targetRef.current ? readingIn(targetRef.current, cell) : undefined) }),
    [file.patient, grid, t, say, format, dates],
  );
  const form = useForm<VisitFormValues>({
    resolver,
    defaultValues: addTo ? valuesToAdd(grid, current, addTo, dates.shown(addTo.date)) : initialValues(grid, current, dates.shown(todayLocal())),
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
  const typedDate = useWatch({ control: form.control, name: 'date' });
  const sameDay = useSameDay(file.visits, parseDateInput(typedDate, dates.format, dates.language), addTo);
  const { target, asking } = sameDay;
  targetRef.current = target;
  const recordedOf = (cell: GridCell) => (target ? readingIn(target, cell) : undefined);
  // Adding: the groups where the visit has readings are open too, so what it has is in view.
  const open = useMemo(
    () => (target ? new Set([...shown, ...grid.groups.filter((g) => g.rows.some((r) => r.cells.some((c) => readingIn(target, c)))).map((g) => g.key)]) : shown),
    [target, shown, grid],
  );
  // The question's caveats follow what is typed in the visit's own boxes too.
  useWatch({ control: form.control, name: ['notes', 'symptoms'] });
  // Saving asked first: the answer carries on with the save; otherwise typing goes on in the first empty box.
  // Done after the answer's render, when the boxes are those of the visit chosen.
  const [saveAsked, setSaveAsked] = useState(false);
  const afterAnswer = useRef<'save' | 'type' | null>(null);
  useEffect(() => {
    const next = afterAnswer.current;
    afterAnswer.current = null;
    if (next === 'save') formRef.current?.requestSubmit();
    if (next === 'type') {
      const empty = editableCells().find((c) => (cells[c.index]?.degrees.trim() ?? '') === '');
      if (empty) focusCell(empty.index);
    }
  });
  // The boxes' messages follow the visit they go into (a reading it has is refused).
  useEffect(() => {
    if (form.formState.isDirty) void form.trigger();
  }, [target, form]);

  // The therapist offered is whoever is working: switching in the header changes it, unless the
  // person already chose someone else for this visit.
  const offered = useRef(current);
  useEffect(() => {
    if (offered.current === current) return;
    if (form.getValues('therapistId') === offered.current) form.resetField('therapistId', { defaultValue: current });
    offered.current = current;
  }, [current, form]);

  const lastOf = (cell: GridCell) => lastComparable(series.get(seriesKeyOf(cell.side, cell.motion, cell.mode)), cells[cell.index]?.instrument || defaultInstrument);

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
    if (message) {
      // A number outside the motion's range, or not whole: the box's marker shows the range it takes.
      const typed = numberFromText(cells[cell.index]?.degrees ?? '');
      const outOfRange = typeof typed === 'number' && !validateDegrees(cell.motion, typed).ok;
      return outOfRange ? { kind: 'error', message, range: motionSpec(cell.motion).plausible } : { kind: 'error', message };
    }
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
  const editableCells = () => visibleCells(grid, open).filter((c) => !recordedOf(c));

  /** One call: a visit of its own, or the readings added to the visit chosen; which cell each reading came from. */
  const send = async (values: VisitFormValues): Promise<{ r: Envelope<unknown>; cellOf: number[]; count: number }> => {
    if (target) {
      const { input, cellOf } = toAdditionInput(values, target.id, grid);
      return { r: await call('visits.addMeasurements', input), cellOf, count: input.measurements.length };
    }
    const { input, cellOf } = toVisitInput(values, file.patient.id, grid);
    return { r: await call('visits.record', input), cellOf, count: input.measurements.length };
  };
  const answered = () => {
    setFormError(null);
    afterAnswer.current = saveAsked ? 'save' : 'type';
    setSaveAsked(false);
  };
  const addToVisit = () => {
    if (!asking) return;
    const first = clashesWith(asking, grid, cells)[0];
    if (first) {
      setFormError(t('visits.clash', { cell: words.readingLabel(first), date: formatDate(asking.date) }));
      focusCell(first.index);
      return;
    }
    sameDay.add();
    answered();
  };
  const separateVisit = () => {
    sameDay.separate();
    answered();
  };

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
    const order = editableCells();
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
      // A date that already has a visit: the person says whether these readings go into it before anything is saved.
      if (asking) {
        setSaveAsked(true);
        setFormError(t('visits.answerFirst', { date: formatDate(asking.date) }));
        document.getElementById(ADD_TO_VISIT_ID)?.focus();
        return;
      }
      // A value far from the last reading is saved only once the person said it is right.
      const far = editableCells().filter(unconfirmed);
      const firstFar = far[0];
      if (firstFar) {
        setSettled((prev) => new Set([...prev, ...far.map((c) => c.index)]));
        setFormError(t('visits.farValues', { count: far.length }));
        focusCell(firstFar.index);
        return;
      }
      const { r, cellOf, count } = await send(values);
      if (r.ok) {
        flashOn(patientPage, target ? t('visits.added', { date: formatDate(target.date), count }) : t('visits.saved', { date: formatDate(values.date), count }));
        navigate(patientPage);
        return;
      }
      // The back end names measurements by their place in the list it got; put each message on its box.
      const fields = r.error.fields ? toFormFields(r.error.fields, cellOf) : undefined;
      setFormError(applyServerErrors(form, { ...r.error, fields }, knownPaths(grid)));
    },
    (errs) => setFormError((errs as { _?: { message?: string } })._?.message ?? t('visits.attention')),
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
        onKeyDown={(e) => visitFormKeyDown(e, cancel)}
      >
        <VisitHeaderFields form={form} therapists={state.activeTherapists} adding={target} />
        {asking ? <SameDayQuestion visit={asking} nameOf={nameOf} caveats={caveatsFor(asking, grid, form.getValues(), { t, words, format })} onAdd={addToVisit} onSeparate={separateVisit} /> : null}
        {target ? <AddingTo visit={target} nameOf={nameOf} {...(sameDay.locked ? {} : { onSeparate: separateVisit })} /> : null}
        <ComparabilityHint form={form} file={file} />
        <EntryGrid
          form={form}
          grid={grid}
          shown={open}
          recordedOf={recordedOf}
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
        {target ? <KeptWithVisit visit={target} /> : <VisitSymptomsFields form={form} />}
        <MeasurementDetails form={form} grid={grid} shown={open} />
        <div className="form-actions sticky-actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {target ? t('visits.addToVisit') : t('visits.save')}
          </button>
          <button type="button" onClick={cancel}>
            {t('visits.cancel')}
          </button>
          {formError ? (
            <p className="field-error form-message" role="alert">
              <span aria-hidden="true">⚠ </span>
              {formError}
            </p>
          ) : (
            <span className="keys-hint">{t('visits.keys')}</span>
          )}
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('visits.discard.title')}
        confirmLabel={t('visits.discard.confirm')}
        cancelLabel={t('visits.discard.keep')}
        onConfirm={() => navigate(patientPage)}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('visits.discard.body')}</p>
      </ConfirmDialog>
    </>
  );
}

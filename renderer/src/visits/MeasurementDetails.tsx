import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { END_FEEL_LABELS, INSTRUMENT_LABELS } from '../../../shared/domain/visit';
import { EndFeelOptions, InstrumentOptions } from '../clinical/reading-options';
import { Field } from '../forms/Field';
import { cellLabel, type EntryGridLayout, type GridCell, type GridRow } from './grid-model';
import { CELL_DETAIL_FIELDS, cellHasDetails, type VisitFormValues } from './visit-form-model';

type Form = UseFormReturn<VisitFormValues>;

function CellDetails({ form, cell }: { form: Form; cell: GridCell }) {
  const { register, formState } = form;
  const e = formState.errors.cells?.[cell.index];
  const defaults = form.watch('defaults');
  const p = `cells.${cell.index}` as const;
  return (
    <fieldset className="cell-details">
      <legend>{cellLabel(cell)}</legend>
      <div className="field-row">
        <Field label="Instrument" error={e?.instrument?.message}>
          {(a) => (
            <select {...a} {...register(`${p}.instrument`)}>
              <option value="">As the visit: {INSTRUMENT_LABELS[defaults.instrument]}</option>
              <InstrumentOptions />
            </select>
          )}
        </Field>
        <Field label="End-feel" error={e?.endFeel?.message}>
          {(a) => (
            <select {...a} {...register(`${p}.endFeel`)}>
              <option value="">As the visit: {defaults.endFeel ? END_FEEL_LABELS[defaults.endFeel] : 'not recorded'}</option>
              <option value="none">Not recorded</option>
              <EndFeelOptions />
            </select>
          )}
        </Field>
        <Field label="Pain at end of range (0-10)" error={e?.pain?.message}>
          {(a) => <input {...a} size={3} autoComplete="off" {...register(`${p}.pain`)} />}
        </Field>
        <Field label="Note" error={e?.note?.message}>
          {(a) => <input {...a} autoComplete="off" {...register(`${p}.note`)} />}
        </Field>
      </div>
    </fieldset>
  );
}

function rowCells(row: GridRow): GridCell[] {
  return row.cells;
}

/**
 * Per measurement: instrument, end-feel, pain at end of range and a note, each taking the visit's value
 * unless changed. One disclosure per grid row, kept after the grid so that Tab through the boxes is
 * not slowed by a stop per row. A row opens by itself when one of its details has a message.
 */
export function MeasurementDetails({ form, grid, shown }: { form: Form; grid: EntryGridLayout; shown: ReadonlySet<string> }) {
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const errors = form.formState.errors.cells;
  const values = form.watch('cells');
  const rows = grid.groups.filter((g) => g.watched || shown.has(g.key)).flatMap((g) => g.rows.map((row) => ({ ...row, key: `${g.side}-${row.spec.key}`, side: g.side })));
  return (
    <section aria-labelledby="details-heading" className="measurement-details">
      <h2 id="details-heading">Measurement details</h2>
      <p className="field-hint">Each measurement takes the visit’s instrument and end-feel unless set here.</p>
      {rows.map((row) => {
        const cells = rowCells(row);
        const hasError = cells.some((c) => CELL_DETAIL_FIELDS.some((f) => errors?.[c.index]?.[f]));
        const changed = cells.filter((c) => values[c.index] && cellHasDetails(values[c.index]!));
        const open = opened.has(row.key) || hasError;
        return (
          <details
            key={row.key}
            open={open}
            onToggle={(ev) => {
              const isOpen = ev.currentTarget.open;
              setOpened((prev) => {
                const next = new Set(prev);
                if (isOpen) next.add(row.key);
                else next.delete(row.key);
                return next;
              });
            }}
          >
            <summary>
              {row.side === 'left' ? 'Left' : 'Right'} {row.spec.label.toLowerCase()} details
              {changed.length > 0 ? <span className="muted"> (set for {changed.map((c) => c.mode).join(', ')})</span> : null}
            </summary>
            {/* Drawn only when open: twenty closed rows of selects would be redrawn at every key typed in the grid. */}
            {open ? cells.map((c) => <CellDetails key={c.index} form={form} cell={c} />) : null}
          </details>
        );
      })}
    </section>
  );
}

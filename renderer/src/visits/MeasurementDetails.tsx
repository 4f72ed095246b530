import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EndFeelOptions, InstrumentOptions } from './ReadingOptions';
import { Field } from '../forms/Field';
import { useCatalogueWords } from '../i18n/catalogue-words';
import type { EntryGridLayout, GridCell, GridRow } from './grid-model';
import { CELL_DETAIL_FIELDS, cellHasDetails, type VisitFormValues } from './visit-form-model';
import { useVisitWords } from './visit-words';

type Form = UseFormReturn<VisitFormValues>;

function CellDetails({ form, cell }: { form: Form; cell: GridCell }) {
  const { register, formState } = form;
  const { t } = useTranslation();
  const words = useVisitWords();
  const e = formState.errors.cells?.[cell.index];
  const defaults = form.watch('defaults');
  const p = `cells.${cell.index}` as const;
  return (
    <fieldset className="cell-details">
      <legend>{words.readingLabel(cell)}</legend>
      <div className="field-row">
        <Field label={t('visits.details.instrument')} error={e?.instrument?.message}>
          {(a) => (
            <select {...a} {...register(`${p}.instrument`)}>
              <option value="">{t('visits.details.asVisit', { value: words.instrument(defaults.instrument) })}</option>
              <InstrumentOptions />
            </select>
          )}
        </Field>
        <Field label={t('visits.details.endFeel')} error={e?.endFeel?.message}>
          {(a) => (
            <select {...a} {...register(`${p}.endFeel`)}>
              <option value="">{defaults.endFeel ? t('visits.details.asVisit', { value: words.endFeel(defaults.endFeel) }) : t('visits.details.asVisitNone')}</option>
              <option value="none">{t('visits.notRecorded')}</option>
              <EndFeelOptions />
            </select>
          )}
        </Field>
        <Field label={t('visits.details.painEnd')} error={e?.pain?.message}>
          {(a) => <input {...a} size={3} autoComplete="off" {...register(`${p}.pain`)} />}
        </Field>
        <Field label={t('visits.details.note')} error={e?.note?.message}>
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
  const { t } = useTranslation();
  const words = useVisitWords();
  const catalogue = useCatalogueWords();
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const errors = form.formState.errors.cells;
  const values = form.watch('cells');
  const rows = grid.groups.filter((g) => g.watched || shown.has(g.key)).flatMap((g) => g.rows.map((row) => ({ ...row, key: `${g.side}-${row.spec.key}`, side: g.side })));
  return (
    <section aria-labelledby="details-heading" className="measurement-details">
      <h2 id="details-heading">{t('visits.details.heading')}</h2>
      <p className="field-hint">{t('visits.details.hint')}</p>
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
              {t('visits.details.summary', { name: words.readingName(row.side, row.spec.key) })}
              {changed.length > 0 ? <span className="muted"> {t('visits.details.setFor', { modes: changed.map((c) => catalogue.mode(c.mode).toLocaleLowerCase()).join(', ') })}</span> : null}
            </summary>
            {/* Drawn only when open: twenty closed rows of selects would be redrawn at every key typed in the grid. */}
            {open ? cells.map((c) => <CellDetails key={c.index} form={form} cell={c} />) : null}
          </details>
        );
      })}
    </section>
  );
}

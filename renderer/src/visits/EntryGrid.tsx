import { Fragment } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { formatDegrees, modeLabel, sideLabel } from '../../../shared/domain/catalogue';
import { CLASSIFICATION_LABELS, SITE_STATUS_LABELS, type WatchedSite } from '../../../shared/domain/ho';
import { jointLabel, siteLabel } from '../clinical/format';
import { useFormatDate } from '../session/session-context';
import { cellLabel, seriesKey, type GridCell, type GridGroup, type GridLayout, type GridRow, type SeriesPoint } from './grid-model';
import type { VisitFormValues } from './visit-form-model';

interface GridProps {
  form: UseFormReturn<VisitFormValues>;
  grid: GridLayout;
  /** Earlier values per series, newest first: the first is shown beside the box. */
  series: Map<string, SeriesPoint[]>;
}

function siteSummary(site: WatchedSite): string {
  const classification = site.classification ? `, ${(CLASSIFICATION_LABELS[site.classification.code] ?? site.classification.code).split(':')[0]}` : '';
  return `${siteLabel(site.joint, site.side)}: ${SITE_STATUS_LABELS[site.status].toLowerCase()}${classification}`;
}

function groupHeading(group: GridGroup): string {
  const joint = group.joint === 'elbow' ? 'Elbow and forearm' : jointLabel(group.joint);
  return `${joint} (${group.sites.map(siteSummary).join('; ')})`;
}

function CellInput({ form, cell, last }: { form: UseFormReturn<VisitFormValues>; cell: GridCell; last: SeriesPoint | undefined }) {
  const formatDate = useFormatDate();
  const path = `cells.${cell.index}.degrees` as const;
  const error = form.formState.errors.cells?.[cell.index]?.degrees?.message;
  const id = `cell-${cell.index}`;
  return (
    <div className={error ? 'grid-cell grid-cell-invalid' : 'grid-cell'}>
      <label htmlFor={id} className="visually-hidden">
        {cellLabel(cell)}
      </label>
      <span className="grid-cell-box">
        <input
          id={id}
          className="degrees"
          size={4}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-last${error ? ` ${id}-error` : ''}`}
          {...form.register(path, {
            // Checked as it is typed. A lone sign is a number on its way, not yet a mistake.
            onChange: (e: { target: HTMLInputElement }) => {
              if (/^[+\-\u2212]$/.test(e.target.value.trim())) form.clearErrors(path);
              else void form.trigger(path);
            },
          })}
        />
        <span aria-hidden="true">°</span>
      </span>
      <span id={`${id}-last`} className="last-value">
        {last ? (
          <>
            <span aria-hidden="true">last </span>
            <span className="visually-hidden">Last value </span>
            {formatDegrees(last.degrees)}
            <span className="visually-hidden"> on {formatDate(last.date)}</span>
          </>
        ) : (
          <span className="visually-hidden">No earlier value</span>
        )}
      </span>
    </div>
  );
}

/**
 * A box's message, in a line right under its row that starts at the box's column. In the box itself it
 * would widen the column and shift every box to its right while the person is typing.
 */
function ErrorRow({ form, row }: { form: UseFormReturn<VisitFormValues>; row: GridRow }) {
  const errors = row.cells.map((c) => (c ? form.formState.errors.cells?.[c.index]?.degrees?.message : undefined));
  if (!errors.some(Boolean)) return null;
  const tds = [<td key="motion" />];
  let used = 0;
  errors.forEach((message, j) => {
    const cell = row.cells[j];
    if (!cell || !message) return;
    // From the box's column to the next box with a message (or the row's end); a message in a last
    // column also takes the free column before it, so it is never squeezed into one narrow column.
    const start = j > used && !errors[j - 1] && (j + 1 === row.cells.length || errors[j + 1]) ? j - 1 : j;
    let end = j + 1;
    while (end < row.cells.length && !errors[end]) end += 1;
    for (let k = used; k < start; k++) tds.push(<td key={k} />);
    tds.push(
      <td key={start} colSpan={end - start}>
        <p className="field-error cell-error" id={`cell-${cell.index}-error`} role="alert">
          <span aria-hidden="true">⚠ </span>
          {sideLabel(cell.side)}, {cell.mode}: {message}
        </p>
      </td>,
    );
    used = end;
  });
  for (let k = used; k < row.cells.length; k++) tds.push(<td key={k} />);
  return <tr className="grid-error-row">{tds}</tr>;
}

/**
 * The entry grid, built for speed: one row per motion of the watched sites, one column per watched side and
 * mode. Only boxes go in the Tab order, row by row, so a visit is typed as numbers and Tabs; an empty box is
 * simply not measured. Beside each box, the last value recorded for it.
 */
export function EntryGrid({ form, grid, series }: GridProps) {
  const sides = [...new Set(grid.columns.map((c) => c.side))];
  return (
    <>
      <p className="field-hint" id="grid-hint">
        Degrees from neutral: a joint that cannot reach 0 gets a negative value (elbow extension -30 is a 30° flexion contracture). Leave a box empty if it was not measured.
      </p>
      <div className="grid-scroll">
        <table className={`entry-grid cols-${grid.columns.length}`} aria-describedby="grid-hint">
          <caption>Range of motion (degrees)</caption>
          <colgroup>
            <col className="motion-col" />
            {grid.columns.map((c) => (
              <col key={`${c.side}-${c.mode}`} className="value-col" />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Motion
              </th>
              {sides.map((side) => (
                <th key={side} scope="colgroup" colSpan={2} className="side-head">
                  {sideLabel(side)}
                </th>
              ))}
            </tr>
            <tr>
              {grid.columns.map((c) => (
                <th key={`${c.side}-${c.mode}`} scope="col" className="mode-head">
                  {modeLabel(c.mode)}
                </th>
              ))}
            </tr>
          </thead>
          {grid.groups.map((group) => (
            <tbody key={group.joint}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={grid.columns.length + 1}>
                  {groupHeading(group)}
                </th>
              </tr>
              {group.rows.map((row) => (
                <Fragment key={row.spec.key}>
                  <tr>
                    <th scope="row">{row.spec.label}</th>
                    {row.cells.map((cell, i) =>
                      cell ? (
                        <td key={cell.index}>
                          <CellInput form={form} cell={cell} last={series.get(seriesKey(cell.motion, cell.side, cell.mode))?.[0]} />
                        </td>
                      ) : (
                        <td key={`none-${i}`} className="not-watched">
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">Side not watched</span>
                        </td>
                      ),
                    )}
                  </tr>
                  <ErrorRow form={form} row={row} />
                </Fragment>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}

import type { TFunction } from 'i18next';
import type { KeyboardEvent } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { WatchedSite } from '../../../shared/domain/ho';
import type { Formatter } from '../../../shared/format';
import type { Measurement } from '../../../shared/domain/visit';
import { useCatalogueWords } from '../i18n/catalogue-words';
import { useProfileWords, type ProfileWords } from '../profile/profile-words';
import { useFormatter } from '../session/session-context';
import type { EntryGridLayout, GridCell, GridGroup, SeriesPoint } from './grid-model';
import { alreadyMeasured, type VisitFormValues } from './visit-form-model';
import { useVisitWords } from './visit-words';

/**
 * What a box has to say: a refused value (`range`: the motion's accepted range, when the value is outside it or
 * not a whole number), or a value far from the last reading that asks to be confirmed.
 */
export type CellIssue = { kind: 'error'; message: string; range?: { min: number; max: number } } | { kind: 'ask'; last: SeriesPoint; degrees: string };

interface GridProps {
  form: UseFormReturn<VisitFormValues>;
  grid: EntryGridLayout;
  /** The groups the person opened besides the watched ones. */
  shown: ReadonlySet<string>;
  onShow(group: GridGroup): void;
  /** The reading each box is compared with (same side, motion, mode; same instrument if any). */
  lastOf(cell: GridCell): SeriesPoint | undefined;
  issueOf(cell: GridCell): CellIssue | null;
  /** The box with the focus, whose message the message line shows. */
  current: number | null;
  onCurrent(index: number | null): void;
  onKeyDown(cell: GridCell, e: KeyboardEvent<HTMLInputElement>): void;
  onLeave(cell: GridCell): void;
  onTyping(cell: GridCell): void;
  onConfirm(cell: GridCell): void;
  /** Adding to a recorded visit: its reading of this box, shown and not typed over (it is corrected on its own). */
  recordedOf(cell: GridCell): Measurement | undefined;
}

/** "at risk, Brooker II": a group's watched site, in its heading. */
function siteSummary(site: WatchedSite, profile: ProfileWords): string {
  const classification = site.classification ? `, ${profile.grade(site.classification.code)}` : '';
  return `${profile.status(site.status).toLocaleLowerCase()}${classification}`;
}

/** "Right elbow and forearm": a group's name, in the heading and on the button that shows it. */
function useGroupName(): (group: Pick<GridGroup, 'joint' | 'side'>) => string {
  const { t } = useTranslation();
  const profile = useProfileWords();
  return (group) => {
    if (group.joint !== 'elbow') return profile.site(group.joint, group.side);
    return group.side === 'left' ? t('visits.grid.elbowGroup.left') : t('visits.grid.elbowGroup.right');
  };
}

/** The full sentence of a box's issue, as the message line and the box's description say it. */
export function issueText(issue: CellIssue, t: TFunction, format: Formatter): string {
  if (issue.kind === 'error') return issue.message;
  return t('visits.cell.ask', { last: format.degrees(issue.last.degrees), date: format.date(issue.last.date), typed: issue.degrees.trim() });
}

/** The box's own marker: a few words in the box's column, never wider than it. */
function shortText(issue: CellIssue, t: TFunction): string {
  if (issue.kind === 'ask') return t('visits.cell.confirmShort');
  return issue.range ? t('visits.cell.range', issue.range) : t('visits.cell.notValid');
}

/** A box the visit being added to has already measured: its value, in grey, out of the Tab and Enter order. */
function RecordedCell({ cell, reading }: { cell: GridCell; reading: Measurement }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const words = useVisitWords();
  return (
    <div className="grid-cell grid-cell-recorded">
      <span className="grid-cell-box" title={alreadyMeasured(reading, t, format)}>
        <span className="visually-hidden">{words.readingLabel(cell)}: </span>
        <span className="recorded-value">{format.degrees(reading.degrees)}</span>
        <span className="visually-hidden"> {t('visits.cell.alreadyHere')}</span>
      </span>
      <span className="last-value" aria-hidden="true">
        {t('visits.cell.recorded')}
      </span>
    </div>
  );
}

function CellInput({ props, cell, last, issue, autoFocus }: { props: GridProps; cell: GridCell; last: SeriesPoint | undefined; issue: CellIssue | null; autoFocus: boolean }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const words = useVisitWords();
  const { form } = props;
  const path = `cells.${cell.index}.degrees` as const;
  const id = `cell-${cell.index}`;
  const kind = issue?.kind === 'error' ? ' grid-cell-invalid' : issue?.kind === 'ask' ? ' grid-cell-ask' : '';
  return (
    <div className={`grid-cell${kind}`}>
      <label htmlFor={id} className="visually-hidden">
        {words.readingLabel(cell)}
      </label>
      <span className="grid-cell-box">
        <input
          id={id}
          className="degrees"
          size={4}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="next"
          autoFocus={autoFocus}
          aria-invalid={issue?.kind === 'error'}
          aria-describedby={`${id}-last${issue ? ` ${id}-error` : ''}`}
          onKeyDown={(e) => props.onKeyDown(cell, e)}
          onFocus={() => props.onCurrent(cell.index)}
          {...form.register(path, {
            // Checked as it is typed. A lone sign is a number on its way, not yet a mistake.
            onChange: (e: { target: HTMLInputElement }) => {
              props.onTyping(cell);
              if (/^[+\-\u2212]$/.test(e.target.value.trim())) form.clearErrors(path);
              else void form.trigger(path);
            },
            onBlur: () => props.onLeave(cell),
          })}
        />
        <span aria-hidden="true">°</span>
      </span>
      <span id={`${id}-last`} className="last-value">
        {last ? (
          <>
            <span aria-hidden="true">{t('visits.cell.last')} </span>
            <span className="visually-hidden">{t('visits.cell.lastValue')} </span>
            {format.degrees(last.degrees)}
            <span className="visually-hidden"> {t('visits.cell.lastOn', { date: format.date(last.date) })}</span>
          </>
        ) : (
          <span className="visually-hidden">{t('visits.cell.noEarlier')}</span>
        )}
      </span>
      {issue ? (
        <span className="cell-flag" aria-hidden="true">
          {issue.kind === 'error' ? '⚠' : '?'} {shortText(issue, t)}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The line above the grid that says, in full, what the box with the focus has to say (or the first box that
 * has something to say, or how the keys work). One line whose space is always kept, so nothing moves when a
 * message appears. Every box's message is here (one shown at a time), so each box's description can point at it.
 */
function MessageLine({ props, withIssues }: { props: GridProps; withIssues: { cell: GridCell; issue: CellIssue }[] }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const words = useVisitWords();
  const shownItem = withIssues.find((w) => w.cell.index === props.current) ?? withIssues[0];
  const more = withIssues.length - 1;
  return (
    <div className={`grid-message${shownItem ? ' has-message' : ''}`}>
      {withIssues.map(({ cell, issue }) => {
        const text = issueText(issue, t, format);
        const name = words.readingLabel(cell);
        const isShown = cell === shownItem?.cell;
        return (
          <p key={cell.index} id={`cell-${cell.index}-error`} hidden={!isShown} className={issue.kind === 'error' ? 'field-error cell-error' : 'cell-ask'} title={`${name}: ${text}`}>
            <span aria-hidden="true">{issue.kind === 'error' ? '⚠ ' : '? '}</span>
            <span className="cell-name">{name}:</span> {text}
          </p>
        );
      })}
      {shownItem?.issue.kind === 'ask' ? (
        <button type="button" className="small-button" onClick={() => props.onConfirm(shownItem.cell)}>
          {t('visits.cell.yesRight', { typed: shownItem.issue.degrees.trim() })}
        </button>
      ) : null}
      {shownItem && more > 0 ? <span className="muted small">{t('visits.cell.more', { count: more })}</span> : null}
      {!shownItem ? <p className="keys-hint">{t('visits.grid.keys')}</p> : null}
    </div>
  );
}

/**
 * The entry grid, built for speed: the watched sides first and only them, grouped by side (all of the right
 * elbow, then the left), one row per motion, active then passive. Enter moves to the next box and only boxes
 * are in the Tab order, so a visit is typed as numbers and Enters; an empty box is simply not measured. The
 * other side of a watched joint is one button away, after the grid. Beside each box, the last comparable value.
 */
export function EntryGrid(props: GridProps) {
  const { t } = useTranslation();
  const catalogue = useCatalogueWords();
  const words = useVisitWords();
  const profile = useProfileWords();
  const groupName = useGroupName();
  const { grid, shown } = props;
  const visible = grid.groups.filter((g) => g.watched || shown.has(g.key));
  const hidden = grid.groups.filter((g) => !g.watched && !shown.has(g.key));
  const cells = visible.flatMap((g) => g.rows.flatMap((r) => r.cells));
  const withIssues = cells.flatMap((cell) => {
    const issue = props.issueOf(cell);
    return issue ? [{ cell, issue }] : [];
  });
  const first = cells.find((c) => !props.recordedOf(c))?.index;
  return (
    <div className="entry-grid-block">
      <MessageLine props={props} withIssues={withIssues} />
      <div className="grid-scroll">
        <table className="entry-grid" aria-describedby="grid-hint">
          <caption className="visually-hidden">{t('visits.grid.caption')}</caption>
          <colgroup>
            <col className="motion-col" />
            {grid.modes.map((m) => (
              <col key={m} className="value-col" />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('visits.grid.motion')}</th>
              {grid.modes.map((m) => (
                <th key={m} scope="col" className="mode-head">
                  {catalogue.mode(m)}
                </th>
              ))}
            </tr>
          </thead>
          {visible.map((group) => (
            <tbody key={group.key}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={grid.modes.length + 1}>
                  {groupName(group)}
                  <span className="group-status">{` (${group.sites.length > 0 ? group.sites.map((site) => siteSummary(site, profile)).join('; ') : t('visits.grid.notWatched')})`}</span>
                </th>
              </tr>
              {group.rows.map((row) => (
                <tr key={row.spec.key}>
                  <th scope="row">{words.motionName(row.spec.key)}</th>
                  {row.cells.map((cell) => {
                    const reading = props.recordedOf(cell);
                    return (
                      <td key={cell.index}>
                        {reading ? (
                          <RecordedCell cell={cell} reading={reading} />
                        ) : (
                          <CellInput props={props} cell={cell} last={props.lastOf(cell)} issue={props.issueOf(cell)} autoFocus={cell.index === first} />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <div className="grid-after">
        {hidden.map((g) => (
          <button key={g.key} type="button" className="small-button" onClick={() => props.onShow(g)}>
            {t('visits.grid.show', { group: groupName(g).toLocaleLowerCase() })}
          </button>
        ))}
        <p className="field-hint" id="grid-hint">
          {t('visits.grid.hint')}
        </p>
      </div>
    </div>
  );
}

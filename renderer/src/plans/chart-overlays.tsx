// Therapy plans on the mobility charts: each plan version as a hatched period with its name written in it,
// and each goal as a target line (drawn by the chart's own goal lines). Hatching, outline and label carry the
// meaning, so the periods read printed in black and white; neighbouring versions hatch in opposite directions.
import { useId } from 'react';
import { ReferenceArea, pattern } from 'recharts';
import { useFormatDate } from '../session/session-context';
import { findMotionSpec, type Mode, type Side } from '../../../shared/domain/catalogue';
import { siteJoints } from '../../../shared/domain/plan';
import type { Plan } from '../../../shared/domain/plan-records';
import { addDays } from '../../../shared/domain/plan-periods';
import { dayNumber } from '../mobility/chart-model';

export interface PlanPeriod {
  key: string;
  from: string;
  /** Last day in force; null while open-ended (drawn up to today). */
  until: string | null;
  /** Written inside the area: "Plan v2: Right elbow, progressed". */
  label: string;
  /** 0 or 1: the hatch direction, alternating from one version to the next. */
  hatch: 0 | 1;
}

/** A target line as the detail chart draws it ('Goal' in mobility/DetailChart). */
export interface GoalLine {
  value: number;
  date: string;
  label: string;
}

const HATCH_STROKE = '#1a1a1a';
// Made once, outside any component: recharts redraws a definition whose component changes identity.
const HATCHES = [45, -45].map((rotation) => pattern({ width: 9, height: 9, rotation, path: 'M0 4.5H9', strokeWidth: 1.2, color: HATCH_STROKE, opacity: 0.28 }));

function shortTitle(title: string): string {
  return title.length > 28 ? `${title.slice(0, 27)}…` : title;
}

/** The plans' versions and goals that concern one series (a motion of a side, in a mode). */
export function planOverlays(plans: readonly Plan[], series: { side: Side; motion: string; mode: Mode }): { periods: PlanPeriod[]; goals: GoalLine[] } {
  const joint = findMotionSpec(series.motion)?.joint;
  const periods: PlanPeriod[] = [];
  const goals: GoalLine[] = [];
  for (const plan of plans) {
    const concerns = plan.versions.some((v) => joint !== undefined && siteJoints(v.sites, series.side).has(joint));
    if (!concerns) continue;
    plan.versions.forEach((v, i) => {
      if (v.inForceUntil !== null && v.inForceUntil < v.effectiveFrom) return;
      periods.push({ key: v.id, from: v.effectiveFrom, until: v.inForceUntil, label: `Plan v${v.number}: ${shortTitle(v.title)}`, hatch: (i % 2) as 0 | 1 });
    });
    for (const g of plan.goals) {
      if (g.motion === series.motion && g.side === series.side && g.mode === series.mode) {
        // The chart writes "<label> 130° by 1 Feb 2027".
        goals.push({ value: g.target, date: g.targetDate, label: 'Goal: at least' });
      }
    }
  }
  return { periods, goals };
}

/** The days a period covers on the chart's day axis: to the end of its last day, or to today while open. */
export function periodDays(p: PlanPeriod, today: string): [number, number] {
  return [dayNumber(p.from), dayNumber(addDays(p.until ?? today, 1))];
}

/** About the width of one character of the 11 px label, to choose a label that fits its period. */
const CHAR_PX = 6.6;

/**
 * The period's name at its top left, on a white halo: the full name when it fits the period's width, else
 * "Plan v2", else "v2". Neighbouring versions write on alternate rows, so their names never overprint.
 */
function PeriodLabel({ viewBox, period }: { viewBox?: { x?: number; y?: number; width?: number }; period: PlanPeriod }) {
  const width = (viewBox?.width ?? 0) - 8;
  const short = period.label.split(':')[0]!;
  const text = [period.label, short, short.replace('Plan ', '')].find((t) => t.length * CHAR_PX <= width) ?? short.replace('Plan ', '');
  return (
    <text x={(viewBox?.x ?? 0) + 4} y={(viewBox?.y ?? 0) + 14 + period.hatch * 14} paintOrder="stroke" stroke="#fff" strokeWidth={3} fill="#1a1a1a" fontSize={11} fontWeight={600}>
      {text}
    </text>
  );
}

/** The periods as recharts elements, for a chart whose x axis is the day number (mobility/chart-model). */
export function planPeriodAreas(periods: readonly PlanPeriod[], today: string) {
  return periods.map((p) => {
    const [x1, x2] = periodDays(p, today);
    return (
      <ReferenceArea
        key={`plan-${p.key}`}
        x1={x1}
        x2={x2}
        ifOverflow="hidden"
        fill={{ color: '#ffffff', definition: HATCHES[p.hatch]! }}
        fillOpacity={1}
        stroke={HATCH_STROKE}
        strokeOpacity={0.6}
        strokeDasharray="4 3"
        zIndex={50}
        label={<PeriodLabel period={p} />}
      />
    );
  });
}

/** The legend's sample of a plan period: the same hatching in a small outlined box. */
export function PeriodSwatch({ hatch = 0 }: { hatch?: 0 | 1 }) {
  const id = useId().replace(/:/g, '');
  return (
    <svg width={40} height={16} aria-hidden="true" focusable="false" className="swatch">
      <defs>
        <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform={`rotate(${hatch ? -45 : 45})`}>
          <path d="M0 3H6" stroke={HATCH_STROKE} strokeOpacity={0.5} strokeWidth={1.2} />
        </pattern>
      </defs>
      <rect x={1} y={2} width={38} height={12} fill={`url(#${id})`} stroke={HATCH_STROKE} strokeDasharray="4 3" />
    </svg>
  );
}

/** The legend's entry: the swatch, then each version in words, since the chart may only have room for "v2". */
export function PlanPeriodsLegendItem({ periods }: { periods: readonly PlanPeriod[] }) {
  const formatDate = useFormatDate();
  return (
    <li>
      <PeriodSwatch />
      <span>
        Therapy plan in force (hatched):{' '}
        {periods.map((p, i) => (
          <span key={p.key}>
            {i > 0 ? '; ' : ''}
            {p.label} from {formatDate(p.from)}
            {p.until ? ` to ${formatDate(p.until)}` : ''}
          </span>
        ))}
      </span>
    </li>
  );
}

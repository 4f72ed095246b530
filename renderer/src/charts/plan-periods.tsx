// Periods of time on a chart whose x axis is the day number: each therapy plan version in force as a hatched
// area with its name written in it (plans/chart-overlays.ts says which versions concern a series). Hatching,
// outline and label carry the meaning, so the periods read printed in black and white; neighbouring versions
// hatch in opposite directions.
import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { ReferenceArea, pattern } from 'recharts';
import { useFormatDate } from '../session/session-context';
import { addDays } from '../../../shared/domain/plan-periods';
import { dayNumber } from './chart-model';

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

const HATCH_STROKE = '#1a1a1a';
// Made once, outside any component: recharts redraws a definition whose component changes identity.
const HATCHES = [45, -45].map((rotation) => pattern({ width: 9, height: 9, rotation, path: 'M0 4.5H9', strokeWidth: 1.2, color: HATCH_STROKE, opacity: 0.28 }));

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

/** The periods as recharts elements, for a chart whose x axis is the day number (chart-model.ts). */
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
  const { t } = useTranslation();
  return (
    <li>
      <PeriodSwatch />
      <span>
        {t('charts.planPeriods')}{' '}
        {periods.map((p, i) => (
          <span key={p.key}>
            {i > 0 ? '; ' : ''}
            {p.until ? t('charts.planPeriodFromTo', { plan: p.label, from: formatDate(p.from), to: formatDate(p.until) }) : t('charts.planPeriodFrom', { plan: p.label, from: formatDate(p.from) })}
          </span>
        ))}
      </span>
    </li>
  );
}

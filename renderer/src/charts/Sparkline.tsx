// The dashboard's small picture of a series, drawn as plain SVG. A card's chart is decorative (the badge, the
// sentence and the numbers say it all) and has no tooltip, so a chart library's per-chart store, measuring and
// per-point components bought nothing here and cost most of the dashboard's drawing time (issue 21).
import { memo, useMemo } from 'react';
import type { SparklinePoint } from '../../../shared/api/operations/analysis';
import { dayNumber, valueAxis } from './chart-model';

const WIDTH = 280;
const HEIGHT = 96;
const PAD = { top: 8, right: 8, bottom: 6, left: 34 };

export interface SparklineInput {
  /** [day, degrees], time order, already a picture's worth (analysis.sparklines keeps the verdict's readings). */
  points: readonly SparklinePoint[];
  normal: number;
  resetDate: string | null;
}

export interface SparklineModel {
  /** "x,y x,y …" in the picture's units, time order. */
  line: string;
  dots: { x: number; y: number }[];
  /** The two value ticks, lowest first, with their heights. */
  ticks: { value: number; y: number }[];
  normalY: number;
  resetX: number | null;
}

/** Where everything goes, worked out once per series (the card memoises it). */
export function sparklineModel({ points, normal, resetDate }: SparklineInput): SparklineModel {
  let first = Infinity;
  let last = -Infinity;
  let low = normal;
  let high = normal;
  for (const [day, value] of points) {
    if (day < first) first = day;
    if (day > last) last = day;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (points.length === 0) [first, last] = [0, 1];
  const { domain } = valueAxis([low, high]);
  const spanX = Math.max(1, last - first);
  const spanY = Math.max(1, domain[1] - domain[0]);
  const x = (day: number) => PAD.left + ((day - first) / spanX) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + ((domain[1] - v) / spanY) * (HEIGHT - PAD.top - PAD.bottom);
  const dots = points.map(([day, value]) => ({ x: round(x(day)), y: round(y(value)) }));
  const reset = resetDate === null ? null : dayNumber(resetDate);
  return {
    line: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
    ticks: [domain[0], domain[1]].map((value) => ({ value, y: round(y(value)) })),
    normalY: round(y(normal)),
    resetX: reset !== null && reset >= first && reset <= last ? round(x(reset)) : null,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The frame a chart not yet drawn keeps (charts/use-in-view.ts): the same size, so nothing moves when it is. */
export function SparklineFrame() {
  return <svg className="sparkline sparkline-pending" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" aria-hidden="true" focusable="false" />;
}

/** Scales with the card's width, keeping its proportions; `degrees` writes a tick's value (e.g. "120°"). */
export const Sparkline = memo(function Sparkline({ input, degrees }: { input: SparklineInput; degrees: (v: number) => string }) {
  const model = useMemo(() => sparklineModel(input), [input]);
  return (
    <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" aria-hidden="true" focusable="false">
      {model.ticks.map((t) => (
        <g key={t.value}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={t.y} y2={t.y} stroke="#e2e2e2" />
          <text x={PAD.left - 4} y={t.y} dy="0.35em" textAnchor="end" fontSize={10} fill="#666">
            {degrees(t.value)}
          </text>
        </g>
      ))}
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={model.normalY} y2={model.normalY} stroke="#767676" strokeDasharray="2 3" />
      {model.resetX !== null && <line x1={model.resetX} x2={model.resetX} y1={PAD.top} y2={HEIGHT - PAD.bottom} stroke="#767676" />}
      <polyline className="sparkline-line" points={model.line} fill="none" stroke="#1a1a1a" strokeWidth={1.5} strokeLinejoin="round" />
      {model.dots.map((d, i) => (
        <circle key={i} cx={d.x} cy={d.y} r={2.5} fill="#1a1a1a" />
      ))}
    </svg>
  );
});

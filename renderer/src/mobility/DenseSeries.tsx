// A long series on the detail chart as a few SVG paths: the line and one path per marker shape, instead of the
// chart library's element (and component) per reading. The 1,000-point series drew 1,000 groups and took most
// of the screen's time (issue 21). The verdict's readings stay full-size Scatter points above it (with their
// tooltips); every reading is listed, and reachable by keyboard, in the table under the chart.
import { useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import type { SeriesPoint } from '../../../shared/analysis/patient-series';
import { dayNumber, type MarkerShape, type SeriesStyle } from '../charts/chart-model';

/** One marker as path commands: the same shapes as charts/chart-parts.tsx Marker, at size s. */
export function markerPath(shape: MarkerShape, x: number, y: number, s: number): string {
  const n = (v: number) => Math.round(v * 10) / 10;
  switch (shape) {
    case 'circle':
      return `M${n(x - s)},${n(y)}a${s},${s} 0 1,0 ${2 * s},0a${s},${s} 0 1,0 ${-2 * s},0`;
    case 'square':
      return `M${n(x - s * 0.9)},${n(y - s * 0.9)}h${n(s * 1.8)}v${n(s * 1.8)}h${n(-s * 1.8)}Z`;
    case 'diamond':
      return `M${n(x)},${n(y - s * 1.3)}L${n(x + s * 1.3)},${n(y)}L${n(x)},${n(y + s * 1.3)}L${n(x - s * 1.3)},${n(y)}Z`;
    case 'star': {
      const pts = Array.from({ length: 10 }, (_, i) => {
        const r = i % 2 === 0 ? s * 1.45 : s * 0.6;
        const a = (Math.PI / 5) * i - Math.PI / 2;
        return `${n(x + r * Math.cos(a))},${n(y + r * Math.sin(a))}`;
      });
      return `M${pts.join('L')}Z`;
    }
    case 'plus':
      return `M${n(x - s * 1.2)},${n(y)}H${n(x + s * 1.2)}M${n(x)},${n(y - s * 1.2)}V${n(y + s * 1.2)}`;
    case 'cross':
      return `M${n(x - s)},${n(y - s)}L${n(x + s)},${n(y + s)}M${n(x + s)},${n(y - s)}L${n(x - s)},${n(y + s)}`;
    default: {
      const t = s * 1.25;
      return `M${n(x)},${n(y - t)}L${n(x + t)},${n(y + t * 0.8)}L${n(x - t)},${n(y + t * 0.8)}Z`;
    }
  }
}

const LINE_ONLY: ReadonlySet<MarkerShape> = new Set(['plus', 'cross']);

export interface DenseSeriesProps {
  points: readonly SeriesPoint[];
  style: SeriesStyle;
  /** The readings drawn as Scatter points instead (the verdict's): joined by the line, no small marker. */
  skipIds: ReadonlySet<string>;
  /** A reading's shape when the focus series mixes therapists or instruments (chart-strata). */
  shapeOf: ((p: SeriesPoint) => MarkerShape) | null;
  size: number;
  lineWidth: number;
}

/** Drawn inside the chart, with its axes' scales; at the points' layer so reference lines stay as they are. */
export function DenseSeries({ points, style, skipIds, shapeOf, size, lineWidth }: DenseSeriesProps) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  let line = '';
  const markers = new Map<MarkerShape, string[]>();
  for (const p of points) {
    const px = x(dayNumber(p.date));
    const py = y(p.value);
    if (px === undefined || py === undefined) continue;
    line += `${line ? 'L' : 'M'}${Math.round(px * 10) / 10},${Math.round(py * 10) / 10}`;
    if (skipIds.has(p.id)) continue;
    const shape = shapeOf ? shapeOf(p) : style.shape;
    const list = markers.get(shape) ?? [];
    list.push(markerPath(shape, px, py, size));
    markers.set(shape, list);
  }
  const fill = style.filled ? style.colour : '#fff';
  return (
    <ZIndexLayer zIndex={600}>
      <g className="dense-series" aria-hidden="true">
        <path className="dense-series-line" d={line} fill="none" stroke={style.colour} strokeWidth={lineWidth} strokeDasharray={style.dash} />
        {[...markers].map(([shape, parts]) => (
          <path key={shape} d={parts.join('')} fill={LINE_ONLY.has(shape) ? 'none' : fill} stroke={style.colour} strokeWidth={LINE_ONLY.has(shape) ? 1.5 : 1} />
        ))}
      </g>
    </ZIndexLayer>
  );
}

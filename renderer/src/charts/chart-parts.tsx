// Small SVG pieces the charts and their legends share, so a legend shows exactly what its chart draws.
import type { SeriesStyle } from './chart-model';

/**
 * A marker: circle (right) or triangle (left), filled (active) or hollow (passive); the other shapes mark
 * readings of another therapist or instrument in the series the page is about (mobility/chart-strata.ts).
 */
export function Marker({ cx, cy, style, size = 4.5 }: { cx: number; cy: number; style: SeriesStyle; size?: number }) {
  const fill = style.filled ? style.colour : '#fff';
  const common = { fill, stroke: style.colour, strokeWidth: 1.5 };
  const s = size;
  switch (style.shape) {
    case 'circle':
      return <circle cx={cx} cy={cy} r={s} {...common} />;
    case 'square':
      return <rect x={cx - s * 0.9} y={cy - s * 0.9} width={s * 1.8} height={s * 1.8} {...common} />;
    case 'diamond':
      return <path d={`M${cx},${cy - s * 1.3} L${cx + s * 1.3},${cy} L${cx},${cy + s * 1.3} L${cx - s * 1.3},${cy} Z`} {...common} />;
    case 'star': {
      const pts = Array.from({ length: 10 }, (_, i) => {
        const r = i % 2 === 0 ? s * 1.45 : s * 0.6;
        const a = (Math.PI / 5) * i - Math.PI / 2;
        return `${cx + r * Math.cos(a)},${cy + r * Math.sin(a)}`;
      });
      return <polygon points={pts.join(' ')} {...common} />;
    }
    // Line-only shapes cannot be hollow: passive is still told by the dashed line joining them.
    case 'plus':
      return <path d={`M${cx - s * 1.2},${cy} H${cx + s * 1.2} M${cx},${cy - s * 1.2} V${cy + s * 1.2}`} stroke={style.colour} strokeWidth={2.2} fill="none" />;
    case 'cross':
      return <path d={`M${cx - s},${cy - s} L${cx + s},${cy + s} M${cx + s},${cy - s} L${cx - s},${cy + s}`} stroke={style.colour} strokeWidth={2.2} fill="none" />;
    default: {
      const t = s * 1.25;
      return <path d={`M${cx},${cy - t} L${cx + t},${cy + t * 0.8} L${cx - t},${cy + t * 0.8} Z`} {...common} />;
    }
  }
}

/** A marker alone, for a legend or a table row. */
export function MarkerSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width={18} height={16} aria-hidden="true" focusable="false" className="swatch">
      <Marker cx={9} cy={8} style={style} size={4} />
    </svg>
  );
}

/** The legend's sample: a short stretch of line with the marker on it. */
export function SeriesSwatch({ style, wide = false }: { style: SeriesStyle; wide?: boolean }) {
  return (
    <svg width={40} height={16} aria-hidden="true" focusable="false" className="swatch">
      <line x1={2} y1={8} x2={38} y2={8} stroke={style.colour} strokeWidth={wide ? 2.5 : 1.5} strokeDasharray={style.dash} />
      <Marker cx={20} cy={8} style={style} size={4} />
    </svg>
  );
}

/** Samples for the reference lines and bands, drawn with the chart's own strokes. */
export function LineSwatch({ stroke, dash, width = 1.5, band }: { stroke: string; dash?: string; width?: number; band?: string }) {
  return (
    <svg width={40} height={16} aria-hidden="true" focusable="false" className="swatch">
      {band && <rect x={1} y={2} width={38} height={12} fill={band} stroke={stroke} strokeDasharray="2 2" />}
      {!band && <line x1={2} y1={8} x2={38} y2={8} stroke={stroke} strokeWidth={width} strokeDasharray={dash} />}
    </svg>
  );
}

/** An upright line sample for event markers. */
export function EventSwatch() {
  return (
    <svg width={40} height={16} aria-hidden="true" focusable="false" className="swatch">
      <line x1={20} y1={1} x2={20} y2={15} stroke="#555" strokeWidth={1.5} strokeDasharray="1 2" />
    </svg>
  );
}

export const REF = {
  normal: { stroke: '#1a1a1a', dash: '10 3 2 3' },
  functional: { stroke: '#1a1a1a', dash: '3 3' },
  band: { stroke: '#767676', fill: '#ececec' },
  trend: { stroke: '#a00000', dash: '12 4', width: 2 },
  goal: { stroke: '#1d6b2f', dash: '8 2 2 2 2 2' },
  event: { stroke: '#555', dash: '1 2' },
} as const;

/**
 * An event's label at the top of its line, staggered over three rows so neighbours do not overprint, with
 * a white halo so it stays legible over grid lines and data.
 */
export function EventLabel({ viewBox, text, row }: { viewBox?: { x?: number; y?: number }; text: string; row: number }) {
  const x = (viewBox?.x ?? 0) + 3;
  const y = (viewBox?.y ?? 0) - 28 + row * 13;
  return (
    <text x={x} y={y} className="chart-event-label" paintOrder="stroke" stroke="#fff" strokeWidth={3} fill="#1a1a1a" fontSize={11}>
      {text}
    </text>
  );
}

// Room at the right of a chart's plot for its reference lines' labels ("Normal 180°", "Fonctionnelle 130°"): a
// fixed margin clipped the French label at the edge, and the pseudo-locale's text is 40 % longer still. Measured
// in the page's own font; where no canvas can measure (a test's DOM), a generous estimate per character.

let measure: CanvasRenderingContext2D | null | undefined;

function textWidth(text: string, fontSize: number): number {
  if (measure === undefined) measure = document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * fontSize * 0.62;
  measure.font = `${fontSize}px ${getComputedStyle(document.body).fontFamily}`;
  return measure.measureText(text).width;
}

/**
 * The right margin that shows every label whole, drawn at `fontSize` beside the plot's edge (recharts' "right"
 * position sets a label 5 px off the line's end); never less than `least`.
 */
export function labelRoom(labels: readonly string[], fontSize: number, least: number): number {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, fontSize)));
  return Math.max(least, Math.ceil(widest) + 5 + 8);
}

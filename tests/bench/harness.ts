import { performance } from 'node:perf_hooks';

export interface BenchRow {
  name: string;
  medianMs: number;
  targetMs: number | null;
  runs: number;
  note?: string;
  /** ms unless said. */
  unit?: string;
}

/** Runs fn `runs` times after `warmup` untimed runs and returns the median in milliseconds. */
export async function medianMs(fn: () => unknown, runs = 15, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
}

export function printTable(rows: BenchRow[]): boolean {
  const lines = [['measure', 'median', 'target', 'runs', 'result']];
  let allMet = true;
  for (const r of rows) {
    const met = r.targetMs === null ? 'n/a' : r.medianMs <= r.targetMs ? 'met' : 'MISSED';
    if (met === 'MISSED') allMet = false;
    lines.push([r.name + (r.note ? ` (${r.note})` : ''), `${r.medianMs.toFixed(2)} ${r.unit ?? 'ms'}`, r.targetMs === null ? '-' : `< ${r.targetMs} ${r.unit ?? 'ms'}`, String(r.runs), met]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const [i, l] of lines.entries()) {
    console.log(l.map((c, j) => c.padEnd(widths[j]!)).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  return allMet;
}

import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8's collector, made callable at run time (as `node --expose-gc` would): a minor collection before each timed
 * run, so that no run pays for the garbage of the run before it; a collection a run's own allocations cause still
 * counts. Without it, the ratio of two reads that allocate a few MB each swung from 1.2x to 2.5x between runs on a
 * loaded machine. Null where the flag cannot be set: the runs are then timed as they come.
 */
const collect: (() => void) | null = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => void gc({ type: 'minor' }) : null;
  } catch {
    return null;
  }
})();

export interface BenchRow {
  name: string;
  medianMs: number;
  targetMs: number | null;
  runs: number;
  note?: string;
  /** ms unless said. */
  unit?: string;
  /**
   * The fair baseline (baselines.ts) and the ratio the app may reach against it. The ratio is of CPU times taken in
   * turn (interleavedMedians), which a busy machine disturbs far less than wall times.
   */
  baseline?: { what: string; ms: number; ratio: number; maxRatio: number };
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

export interface Timing {
  wallMs: number;
  /** This process's CPU time (user + system): what the work cost, whatever else the machine was doing. */
  cpuMs: number;
}

/**
 * Medians of wall and CPU time of several operations run in turn, round after round: on a shared, busy machine
 * each meets the same load, so their ratio means something even when the wall times do not. Each run starts
 * after a minor collection (see `collect`).
 */
export async function interleavedMedians<K extends string>(fns: Record<K, () => unknown>, runs = 21, warmup = 2): Promise<Record<K, Timing>> {
  const names = Object.keys(fns) as K[];
  for (let i = 0; i < warmup; i++) for (const k of names) await fns[k]();
  const wall = new Map<K, number[]>(names.map((k) => [k, []]));
  const cpu = new Map<K, number[]>(names.map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const k of names) {
      collect?.();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await fns[k]();
      wall.get(k)!.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu.get(k)!.push((used.user + used.system) / 1000);
    }
  }
  const out = {} as Record<K, Timing>;
  for (const k of names) out[k] = { wallMs: median(wall.get(k)!), cpuMs: median(cpu.get(k)!) };
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function printTable(rows: BenchRow[]): boolean {
  const lines = [['measure', 'median', 'target', 'fair baseline', 'ratio (target)', 'runs', 'result']];
  let allMet = true;
  for (const r of rows) {
    const b = r.baseline;
    const missed = (r.targetMs !== null && !(r.medianMs <= r.targetMs)) || (b !== undefined && !(b.ratio <= b.maxRatio));
    const met = missed ? 'MISSED' : r.targetMs === null && !b ? 'n/a' : 'met';
    if (missed) allMet = false;
    lines.push([
      r.name + (r.note ? ` (${r.note})` : ''),
      `${r.medianMs.toFixed(2)} ${r.unit ?? 'ms'}`,
      r.targetMs === null ? '-' : `< ${r.targetMs} ${r.unit ?? 'ms'}`,
      b ? `${b.ms.toFixed(2)} ms ${b.what}` : '-',
      b ? `${b.ratio.toFixed(2)}x (< ${b.maxRatio}x)` : '-',
      String(r.runs),
      met,
    ]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const [i, l] of lines.entries()) {
    console.log(l.map((c, j) => c.padEnd(widths[j]!)).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  return allMet;
}

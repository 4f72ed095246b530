import { readFileSync } from 'node:fs';
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
  /** Which of the targets the row answers, where it is not a read with a baseline (see printSummary). */
  goal?: 'size' | 'startup';
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

/**
 * CPU seconds of this process and of its finished children (the export's process, Chromium once closed), from
 * /proc where there is one: the bench's parts spend much of their time in those, which process.cpuUsage misses.
 */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1e6 + childrenCpuSeconds();
}

function childrenCpuSeconds(): number {
  try {
    // Fields 16 and 17 of /proc/self/stat (cutime, cstime), in clock ticks (100 per second on Linux); the command
    // name before them is in parentheses and may hold spaces.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[13]) + Number(fields[14])) / 100;
    return Number.isFinite(seconds) ? seconds : 0;
  } catch {
    return 0;
  }
}

export interface Section {
  name: string;
  wallS: number;
  cpuS: number;
}

/**
 * The run's parts in order, each with its wall and CPU time: which of them make the whole run's time. Each part is
 * also told to `progress` as it ends, so a long run shows where it is (and a run stopped half way what it spent).
 */
export class SectionClock {
  readonly sections: Section[] = [];
  private wall = performance.now();
  private cpu = cpuSeconds();

  constructor(private readonly progress: (line: string) => void = () => undefined) {}

  /** Closes the part that ran since the previous mark (or the clock's start). */
  mark(name: string): void {
    const cpu = cpuSeconds();
    const section = { name, wallS: (performance.now() - this.wall) / 1000, cpuS: cpu - this.cpu };
    this.sections.push(section);
    this.progress(`[done: ${name}, ${section.wallS.toFixed(1)} s, CPU ${section.cpuS.toFixed(1)} s]`);
    this.wall = performance.now();
    this.cpu = cpu;
  }
}

const missedRow = (r: BenchRow) => r.targetMs !== null && !(r.medianMs <= r.targetMs);

/**
 * One line per target of the issue, after the table: the back-end reads against their baselines, the file's bytes
 * per measurement, the day's full check, every other figure with a target, and the whole run's duration. The run's
 * target is for the run on a kept clinic (clinic-cache.ts): generating one is a cost paid once per change of the
 * generator or the schema, printed apart, with the first run's total beside it. Returns whether the run's duration
 * met its target (the rows' own results are printTable's).
 */
export function printSummary(rows: BenchRow[], run: { seconds: number; fullSize: boolean; generationS: number | null; sections: Section[] }): boolean {
  const line = (met: boolean | null, what: string, detail: string) => console.log(`${met === null ? 'n/a   ' : met ? 'met   ' : 'MISSED'}  ${what}: ${detail}`);
  console.log('\nTime by part of the run (wall, and CPU of the bench and its finished child processes):');
  for (const s of run.sections) console.log(`  ${s.name.padEnd(58)} ${s.wallS.toFixed(1).padStart(7)} s  CPU ${s.cpuS.toFixed(1).padStart(6)} s  ${((100 * s.wallS) / run.seconds).toFixed(0).padStart(3)} %`);
  console.log('\nSummary by target:');
  const reads = rows.filter((r) => r.baseline);
  const worst = [...reads].sort((a, b) => b.baseline!.ratio - a.baseline!.ratio);
  const over = worst.filter((r) => !(r.baseline!.ratio <= r.baseline!.maxRatio));
  line(
    reads.length ? over.length === 0 : null,
    'every back-end read within its ratio of the fair raw baseline (1.5x)',
    over.length ? over.map((r) => `${r.name.trim()} ${r.baseline!.ratio.toFixed(2)}x`).join('; ') : worst[0] ? `worst ${worst[0].baseline!.ratio.toFixed(2)}x (${worst[0].name.trim()})` : 'none measured',
  );
  for (const r of rows.filter((x) => x.goal === 'size')) line(!missedRow(r), `${r.name} under ${r.targetMs} ${r.unit ?? 'ms'}`, `${r.medianMs.toFixed(0)} ${r.unit ?? 'ms'}`);
  for (const r of rows.filter((x) => x.goal === 'startup')) line(!missedRow(r) && !!r.note?.includes('done today'), 'the full start-up check at most once a day', `${r.note ?? ''}, ${r.medianMs.toFixed(1)} ms`);
  const others = rows.filter((r) => !r.baseline && !r.goal && r.targetMs !== null);
  const othersMissed = others.filter(missedRow);
  line(others.length ? othersMissed.length === 0 : null, `every other figure within its target (${others.length})`, othersMissed.length ? othersMissed.map((r) => `${r.name} ${r.medianMs.toFixed(1)} (target ${r.targetMs})`).join('; ') : 'all');
  const counted = run.seconds - (run.generationS ?? 0);
  const runMet = counted < 300;
  line(
    run.fullSize ? runMet : null,
    'the whole bench under 5 minutes at the default size, on a kept clinic (its generation not counted)',
    `${counted.toFixed(0)} s` +
      (run.generationS === null
        ? ', the clinic reused from an earlier run'
        : `; this run generated the clinic first (${run.generationS.toFixed(0)} s, once per change of the generator or schema): ${run.seconds.toFixed(0)} s in all`) +
      (run.fullSize ? '' : ' (quick size: the target is for the default size)'),
  );
  return !run.fullSize || runMet;
}

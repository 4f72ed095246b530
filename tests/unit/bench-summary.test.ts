import { afterEach, describe, expect, it, vi } from 'vitest';
import { printSummary, SectionClock, type BenchRow } from '../bench/harness';

// The bench's closing lines are what a reader takes away: the 5-minute line must judge the run on a kept clinic,
// say so, and still show what a run that generated the clinic cost in all.
afterEach(() => vi.restoreAllMocks());

function summaryOf(rows: BenchRow[], run: Parameters<typeof printSummary>[1]): { met: boolean; lines: string[] } {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((text: string) => void lines.push(...String(text).split('\n')));
  const met = printSummary(rows, run);
  return { met, lines };
}

const runLine = (lines: string[]) => lines.find((l) => l.includes('the whole bench under 5 minutes'));

describe('the bench summary', () => {
  it('judges the run without the generation of the clinic, and prints the first run in all beside it', () => {
    const { met, lines } = summaryOf([], { seconds: 700, fullSize: true, generationS: 520, sections: [] });
    expect(met).toBe(true);
    expect(runLine(lines)).toMatch(/^met\s+.*on a kept clinic.*: 180 s; this run generated the clinic first \(520 s.*700 s in all/);
  });

  it('misses a run on a kept clinic over 5 minutes, and says the clinic was reused', () => {
    const { met, lines } = summaryOf([], { seconds: 301, fullSize: true, generationS: null, sections: [] });
    expect(met).toBe(false);
    expect(runLine(lines)).toMatch(/^MISSED\s.*301 s, the clinic reused from an earlier run/);
  });

  it('does not judge a quick run against the default size', () => {
    const { met, lines } = summaryOf([], { seconds: 900, fullSize: false, generationS: null, sections: [] });
    expect(met).toBe(true);
    expect(runLine(lines)).toMatch(/^n\/a\s.*quick size/);
  });

  it('prints each part of the run with its share of the whole', () => {
    const sections = [
      { name: 'the kept clinic copied', wallS: 30, cpuS: 3 },
      { name: 'clinic export (its own process)', wallS: 90, cpuS: 80 },
    ];
    const { lines } = summaryOf([], { seconds: 120, fullSize: true, generationS: null, sections });
    expect(lines.find((l) => l.includes('clinic export'))).toMatch(/90\.0 s\s+CPU\s+80\.0 s\s+75 %/);
    expect(lines.find((l) => l.includes('kept clinic copied'))).toMatch(/25 %/);
  });

  it('times each part on the wall clock and the CPU, one after the other', async () => {
    const told: string[] = [];
    const clock = new SectionClock((line) => told.push(line));
    // Busy until 50 ms of CPU are spent (a wall-clock deadline would give little CPU on a loaded machine).
    const c0 = process.cpuUsage();
    while (process.cpuUsage(c0).user < 50_000) Math.sqrt(Math.random());
    clock.mark('busy');
    await new Promise((resolve) => setTimeout(resolve, 60)); // waiting: wall time, next to no CPU
    clock.mark('waiting');
    const [busy, waiting] = clock.sections;
    expect(busy!.cpuS).toBeGreaterThanOrEqual(0.045);
    expect(busy!.wallS).toBeGreaterThanOrEqual(0.045);
    expect(waiting!.wallS).toBeGreaterThanOrEqual(0.055);
    expect(waiting!.cpuS).toBeLessThan(busy!.cpuS);
    expect(told).toEqual([expect.stringMatching(/^\[done: busy, \d+\.\d s, CPU \d+\.\d s\]$/), expect.stringMatching(/^\[done: waiting, /)]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  analysePatient,
  arcOrder,
  eventsForJoint,
  parseSeriesKey,
  seriesKeyOf,
  verdictRank,
  type EventLike,
  type MeasurementLike,
  type PatientSeriesSource,
} from '../../shared/analysis/patient-series';
import { analysedSeries } from '../../shared/api/analysis-answer';
import { planeSpec, type JointId, type Mode, type MotionKey, type Side } from '../../shared/domain/catalogue';
import { dateOfDay, dayNumber, eventMarkers, pointsToDraw, timeTicks, valueAxis } from '../../renderer/src/charts/chart-model';

const TODAY = '2026-03-01';
let seq = 0;

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

type Entry = [motion: MotionKey, side: Side, mode: Mode, degrees: number];

/** A visit on `date` with the given measurements, rater A with a goniometer unless changed. */
function visit(date: string, entries: Entry[], rater = 'A') {
  const visitId = `v${++seq}`;
  return {
    measurements: entries.map(
      ([motion, side, mode, degrees]): MeasurementLike => ({
        id: `m${++seq}`,
        visitId,
        date,
        motion,
        side,
        mode,
        degrees,
        raterId: rater,
        instrument: 'goniometer',
        endFeel: null,
        pain: null,
        note: null,
      }),
    ),
  };
}

function site(joint: JointId, side: Side) {
  return { joint, side, voided: null };
}

function event(kind: EventLike['kind'], date: string, joint: JointId | null, side: Side | null, extra: Partial<EventLike> = {}): EventLike {
  return { id: `e${++seq}`, kind, date, endDate: null, joint, side, title: null, classification: null, note: null, voided: null, ...extra };
}

/** Weekly visits from `start`, one value per week for each series given; newest first, as the file has them. */
function weekly(start: string, series: { motion: MotionKey; side: Side; mode?: Mode; values: number[] }[]) {
  const weeks = Math.max(...series.map((s) => s.values.length));
  const visits = [];
  for (let w = 0; w < weeks; w++) {
    const entries = series.flatMap((s): Entry[] => (s.values[w] === undefined ? [] : [[s.motion, s.side, s.mode ?? 'active', s.values[w]!]]));
    visits.push(visit(addDays(start, 7 * w), entries));
  }
  return visits.reverse();
}

function file(parts: Partial<PatientSeriesSource>): PatientSeriesSource {
  return { sites: [], visits: [], events: [], ...parts };
}

describe('analysePatient', () => {
  const elbowLosing = { motion: 'elbow.flexion' as const, side: 'right' as const, values: [130, 126, 122, 118, 114, 110] };
  const kneeHolding = { motion: 'knee.flexion' as const, side: 'left' as const, values: [100, 102, 99, 101, 100, 103] };
  const start = '2026-01-05';

  it('builds every series of the watched sites, the elbow bringing the forearm, measured ones first by verdict', () => {
    const a = analysePatient(file({ sites: [site('knee', 'left'), site('elbow', 'right')], visits: weekly(start, [kneeHolding, elbowLosing]) }), TODAY);
    expect(a.series.map((s) => [s.key, s.analysis.verdict.kind])).toEqual([
      ['right.elbow.flexion.active', 'losing'],
      ['left.knee.flexion.active', 'holding'],
    ]);
    // Elbow 2 motions + forearm 2 motions + knee 2 motions, each active and passive: 12, two measured.
    expect(a.unmeasured).toHaveLength(10);
    expect(a.unmeasured.map((s) => s.key)).toContain('right.forearm.supination.passive');
    const elbow = a.series[0]!;
    expect(elbow).toMatchObject({ label: 'Right elbow flexion (active)', threshold: 8, normal: 150, functional: 130, watched: true, joint: 'elbow' });
    expect(elbow.points.map((p) => p.value)).toEqual([130, 126, 122, 118, 114, 110]);
    expect(elbow.points[0]).toMatchObject({ raterId: 'A', instrument: 'goniometer', date: start });
    expect(elbow.analysis.verdict.reason).toBe(
      'Right elbow flexion: 130° → 110° over 5 weeks, measured by the same therapist with the goniometer: a loss of 20°, beyond the threshold (8°, same therapist and goniometer, catalogue default); the last two readings both show it and the trend is falling (-4°/week).',
    );
    expect(elbow.analysis.summary.functionalShortBy).toBe(20);
  });

  it('orders losing, then a loss to re-measure, holding, improving and insufficient', () => {
    const a = analysePatient(
      file({
        sites: [site('knee', 'left'), site('elbow', 'right'), site('elbow', 'left'), site('hip', 'right')],
        visits: weekly(start, [
          { motion: 'knee.flexion', side: 'left', values: [90, 95, 100, 105, 110, 115] }, // improving
          { motion: 'elbow.extension', side: 'right', values: [-20] }, // insufficient
          { motion: 'hip.flexion', side: 'right', values: [100, 100, 100, 100, 100, 86] }, // one low reading: re-measure
          { motion: 'elbow.flexion', side: 'left', values: [120, 122, 119, 121, 120, 123] }, // holding
          elbowLosing,
        ]),
      }),
      TODAY,
    );
    expect(a.series.map((s) => `${s.key} ${s.analysis.verdict.kind}${s.analysis.verdict.needsConfirmation ? '?' : ''}`)).toEqual([
      'right.elbow.flexion.active losing',
      'right.hip.flexion.active holding?',
      'left.elbow.flexion.active holding',
      'left.knee.flexion.active improving',
      'right.elbow.extension.active insufficient',
    ]);
  });

  it('restarts a series after an excision of its joint or of the joint that brings it, on that side only', () => {
    const visits = weekly(start, [
      { motion: 'forearm.pronation', side: 'right', values: [70, 60, 50, 40, 45, 50, 55] },
      { motion: 'forearm.pronation', side: 'left', values: [80, 80, 80, 80, 80, 80, 78] },
    ]);
    const excision = event('excision', addDays(start, 22), 'elbow', 'right');
    const a = analysePatient(file({ sites: [site('elbow', 'right')], visits, events: [excision, event('excision', addDays(start, 10), 'elbow', 'left')] }), TODAY);
    const right = a.series.find((s) => s.key === 'right.forearm.pronation.active')!;
    expect(right.resetDates).toEqual([excision.date]);
    // After the reset: 40 (day 21 is before 22, so excluded) -> 45, 50, 55 from day 28.
    expect(right.analysis.summary.baseline?.value).toBe(45);
    expect(right.analysis.summary.excludedBeforeReset).toBe(4);
    expect(right.otherSideLatest).toBe(78);
    expect(right.analysis.summary.percentOfOtherSide).toBe(71);
    // The left side is measured but no left site is watched: kept, flagged.
    expect(a.series.find((s) => s.key === 'left.forearm.pronation.active')).toMatchObject({ watched: false });
  });

  it('ignores voided sites and events', () => {
    const voided = { at: '2026-02-01T10:00:00.000Z', by: null, reason: 'entered on the wrong patient' };
    const a = analysePatient(
      file({
        sites: [{ ...site('hip', 'left'), voided }],
        visits: weekly(start, [elbowLosing]),
        events: [event('excision', addDays(start, 20), 'elbow', 'right', { voided })],
      }),
      TODAY,
    );
    expect(a.unmeasured).toEqual([]);
    expect(a.series[0]).toMatchObject({ watched: false, resetDates: [] });
    expect(a.series[0]!.analysis.verdict.kind).toBe('losing');
  });

  it('assesses each plane per side and mode, extension written first', () => {
    const visits = weekly(start, [
      { motion: 'elbow.flexion', side: 'right', values: [120, 125, 132] },
      { motion: 'elbow.extension', side: 'right', values: [-40, -35, -25] },
      { motion: 'forearm.supination', side: 'right', values: [30] },
    ]);
    const a = analysePatient(file({ sites: [site('elbow', 'right')], visits }), TODAY);
    expect(a.arcs.map((x) => x.key)).toEqual(['right.elbow.flexion_extension.active', 'right.forearm.rotation.active']);
    const elbow = a.arcs[0]!;
    expect([elbow.first, elbow.second]).toEqual(['elbow.extension', 'elbow.flexion']);
    expect(elbow.assessment.latest).toMatchObject({ first: -25, second: 132, value: 107 });
    expect(elbow.assessment.reached).toBe(true);
    expect(elbow.assessment.reason).toBe('Right elbow flexion-extension arc -25/132 (107°) on 19 Jan 2026 reaches the functional arc -30/130 (100°).');
    const forearm = a.arcs[1]!.assessment;
    expect(forearm.latest).toBeNull();
    expect(forearm.reason).toContain('pronation and supination have not been measured on the same day yet');
  });

  it('pairs arcs only after the latest excision', () => {
    const visits = weekly(start, [
      { motion: 'elbow.flexion', side: 'right', values: [100, 100, 140] },
      { motion: 'elbow.extension', side: 'right', values: [-60, -60] },
    ]);
    const a = analysePatient(file({ sites: [site('elbow', 'right')], visits, events: [event('excision', addDays(start, 10), 'elbow', 'right')] }), TODAY);
    // Both paired dates are before the excision: no arc since.
    expect(a.arcs[0]!.assessment.latest).toBeNull();
  });

  it('leaves out measurements dated after today from "measured"', () => {
    const a = analysePatient(file({ sites: [site('knee', 'left')], visits: [visit('2026-04-01', [['knee.flexion', 'left', 'active', 90]])] }), TODAY);
    expect(a.series).toEqual([]);
    expect(a.unmeasured.map((s) => s.key)).toContain('left.knee.flexion.active');
  });
});

describe('series keys', () => {
  it('round-trips, with active as the default mode', () => {
    expect(seriesKeyOf('right', 'shoulder.internal_rotation', 'passive')).toBe('right.shoulder.internal_rotation.passive');
    expect(parseSeriesKey('right.shoulder.internal_rotation.passive')).toEqual({ side: 'right', motion: 'shoulder.internal_rotation', mode: 'passive' });
    expect(parseSeriesKey('left.elbow.flexion')).toEqual({ side: 'left', motion: 'elbow.flexion', mode: 'active' });
  });

  it.each(['', 'right', 'middle.elbow.flexion', 'right.knee.pronation', 'right.elbow.flexion.gentle', 'right.__proto__.x', 'a.b.c.d.e'])('refuses "%s"', (key) => {
    expect(parseSeriesKey(key)).toBeNull();
  });
});

describe('helpers', () => {
  it('ranks verdicts for sorting', () => {
    expect(verdictRank({ kind: 'losing', needsConfirmation: false })).toBeLessThan(verdictRank({ kind: 'holding', needsConfirmation: true }));
    expect(verdictRank({ kind: 'holding', needsConfirmation: true })).toBeLessThan(verdictRank({ kind: 'holding', needsConfirmation: false }));
    expect(verdictRank({ kind: 'improving', needsConfirmation: false })).toBeLessThan(verdictRank({ kind: 'insufficient', needsConfirmation: false }));
  });

  it('writes extension first', () => {
    expect(arcOrder(planeSpec('knee.flexion_extension'))).toEqual(['knee.extension', 'knee.flexion']);
    expect(arcOrder(planeSpec('forearm.rotation'))).toEqual(['forearm.pronation', 'forearm.supination']);
    expect(arcOrder(planeSpec('ankle.dorsi_plantarflexion'))).toEqual(['ankle.dorsiflexion', 'ankle.plantarflexion']);
  });

  it('charts the events of the joint (and of the joint that brings it) and those with no joint, oldest first', () => {
    const events = [
      event('xray', '2026-02-01', 'elbow', 'right'),
      event('nsaid_course', '2026-01-10', null, null, { endDate: '2026-02-10', title: 'Indomethacin' }),
      event('xray', '2026-01-20', 'hip', 'left'),
      event('lab_result', '2026-01-15', null, null),
      event('excision', '2026-01-25', 'forearm', 'left'),
    ];
    expect(eventsForJoint(events, 'forearm').map((e) => `${e.kind} ${e.date}`)).toEqual(['nsaid_course 2026-01-10', 'excision 2026-01-25', 'xray 2026-02-01']);
    expect(eventsForJoint(events, 'elbow').map((e) => e.kind)).toEqual(['nsaid_course', 'xray']);
  });
});

// The renderer's chart model is pure too; its few rules are checked here next to the adapter it draws.
describe('mobility chart model', () => {
  it('turns dates into day numbers and back', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dateOfDay(dayNumber('2026-03-01'))).toBe('2026-03-01');
  });

  it('ticks weeks for a short span and first-of-month for a long one', () => {
    const from = dayNumber('2026-01-05');
    expect(timeTicks(from, from + 35).map(dateOfDay)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09']);
    const long = timeTicks(dayNumber('2023-03-10'), dayNumber('2026-02-01')).map(dateOfDay);
    expect(long.length).toBeLessThanOrEqual(8);
    expect(long.every((d) => d.endsWith('-01'))).toBe(true);
  });

  it('puts the value axis on even steps around the data', () => {
    expect(valueAxis([110, 130, 150])).toEqual({ domain: [100, 160], ticks: [100, 110, 120, 130, 140, 150, 160] });
    // Elbow extension: negatives and the normal 0 on one axis, 10-degree steps since 5 would need 9 ticks.
    expect(valueAxis([-35, 0])).toEqual({ domain: [-40, 10], ticks: [-40, -30, -20, -10, 0, 10] });
  });

  it('draws everything under the budget and keeps the verdict points above it', () => {
    const visits = weekly('2020-01-06', [{ motion: 'knee.flexion', side: 'left', values: Array.from({ length: 300 }, (_, i) => 90 + (i % 7)) }]);
    const a = analysePatient(file({ sites: [site('knee', 'left')], visits }), TODAY);
    const s = analysedSeries(a.series[0]!);
    expect(pointsToDraw([s]).get(s.key)).toHaveLength(300);
    const drawn = pointsToDraw([s], 100).get(s.key)!;
    expect(drawn.length).toBeLessThanOrEqual(100);
    for (const id of s.verdict.keepIds) expect(drawn.map((p) => p.id)).toContain(id);
  });

  it('marks a drug course twice and names an X-ray by its grade', () => {
    const markers = eventMarkers([
      event('nsaid_course', '2026-01-10', null, null, { endDate: '2026-02-10', title: 'Indomethacin' }),
      event('xray', '2026-02-01', 'elbow', 'right', { classification: 'hastings:IIA' }),
    ]);
    expect(markers.map((m) => `${m.date} ${m.label}`)).toEqual(['2026-01-10 NSAID start', '2026-02-01 X-ray IIA (right)', '2026-02-10 NSAID stop']);
    expect(markers[1]!.detail).toBe('X-ray (right): Hastings-Graham IIA: limits flexion-extension');
  });
});

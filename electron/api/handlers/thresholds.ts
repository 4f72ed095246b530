import type { ThresholdEntry } from '../../../shared/api/operations/thresholds';
import { MOTION_SPECS, motionSpec, type MotionKey, type MotionSpec } from '../../../shared/domain/catalogue';
import { shortThresholdSource } from '../../../shared/domain/thresholds';
import type { Instrument } from '../../../shared/domain/visit';
import type { StoredThreshold } from '../../db/threshold-repository';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { requireActor } from '../session';
import type { HandlerTable } from './types';

type ThresholdOps = 'thresholds.list' | 'thresholds.set' | 'thresholds.clear';

function entryOf(spec: MotionSpec, current: readonly StoredThreshold[]): ThresholdEntry {
  return {
    motion: spec.key,
    joint: spec.joint,
    label: spec.label,
    catalogueDefault: { degrees: spec.threshold.value, source: spec.threshold.source, sourceShort: shortThresholdSource(spec.threshold.source) },
    overrides: current
      .filter((o) => o.motion === spec.key)
      .map((o) => ({ instrument: o.instrument, degrees: o.degrees, setById: o.setById, setByName: o.setByName, setAt: o.setAt })),
  };
}

function entryFor(ctx: ApiContext, motion: MotionKey): ThresholdEntry {
  return entryOf(motionSpec(motion), ctx.repos.thresholds.current());
}

/**
 * The audit row's before and after have one shape: degrees null means the clinic had no value of its own
 * there, and the catalogue default (kept alongside) or the "any instrument" value applied.
 */
function slotState(motion: MotionKey, instrument: Instrument | null, stored: StoredThreshold | null) {
  return { motion, instrument, degrees: stored?.degrees ?? null, catalogueDefault: motionSpec(motion).threshold.value };
}

function slotId(motion: MotionKey, instrument: Instrument | null): string {
  return `${motion}/${instrument ?? 'any'}`;
}

export const thresholdHandlers: HandlerTable<ThresholdOps> = {
  'thresholds.list': (_input, ctx) => {
    const current = ctx.repos.thresholds.current();
    return MOTION_SPECS.map((spec) => entryOf(spec, current));
  },

  'thresholds.set': (input, ctx) => {
    const actor = requireActor(ctx);
    const before = ctx.repos.thresholds.find(input.motion, input.instrument);
    // Saving the value already in force is not a change: no new row, no audit row.
    if (before?.degrees === input.degrees) return entryFor(ctx, input.motion);
    const at = ctx.now();
    const after = ctx.repos.thresholds.set(input, at, actor);
    audit(ctx, {
      at,
      operation: 'thresholds.set',
      entity: 'threshold',
      entityId: slotId(input.motion, input.instrument),
      before: slotState(input.motion, input.instrument, before),
      after: slotState(input.motion, input.instrument, after),
    });
    return entryFor(ctx, input.motion);
  },

  'thresholds.clear': (input, ctx) => {
    const actor = requireActor(ctx);
    const before = ctx.repos.thresholds.find(input.motion, input.instrument);
    // Already at the default: nothing to end, nothing to record.
    if (!before) return entryFor(ctx, input.motion);
    const at = ctx.now();
    ctx.repos.thresholds.clear(input.motion, input.instrument, at, actor);
    audit(ctx, {
      at,
      operation: 'thresholds.clear',
      entity: 'threshold',
      entityId: slotId(input.motion, input.instrument),
      before: slotState(input.motion, input.instrument, before),
      after: slotState(input.motion, input.instrument, null),
    });
    return entryFor(ctx, input.motion);
  },
};

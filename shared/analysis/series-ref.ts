// A series named as a message, for the start of a verdict's reason: "Right knee flexion" in English, "Genou droit,
// flexion" in French. The site (side and joint) is one phrase per language, as the worklist's: in French, Spanish
// and Portuguese the side agrees with the joint, so it cannot be glued to a translated joint name.

import { motionSpec, type JointId, type Mode, type MotionId, type MotionKey, type Side } from '../domain/catalogue';
import { inner, message, type MessageRef } from '../i18n/message';

const SITES: Readonly<Record<Side, Readonly<Record<JointId, MessageRef>>>> = {
  left: {
    shoulder: message('worklist.site.left.shoulder'),
    elbow: message('worklist.site.left.elbow'),
    forearm: message('worklist.site.left.forearm'),
    wrist: message('worklist.site.left.wrist'),
    hip: message('worklist.site.left.hip'),
    knee: message('worklist.site.left.knee'),
    ankle: message('worklist.site.left.ankle'),
  },
  right: {
    shoulder: message('worklist.site.right.shoulder'),
    elbow: message('worklist.site.right.elbow'),
    forearm: message('worklist.site.right.forearm'),
    wrist: message('worklist.site.right.wrist'),
    hip: message('worklist.site.right.hip'),
    knee: message('worklist.site.right.knee'),
    ankle: message('worklist.site.right.ankle'),
  },
};

const MOTIONS: Readonly<Record<MotionId, MessageRef>> = {
  flexion: message('motion.flexion'),
  extension: message('motion.extension'),
  abduction: message('motion.abduction'),
  adduction: message('motion.adduction'),
  internal_rotation: message('motion.internal_rotation'),
  external_rotation: message('motion.external_rotation'),
  pronation: message('motion.pronation'),
  supination: message('motion.supination'),
  radial_deviation: message('motion.radial_deviation'),
  ulnar_deviation: message('motion.ulnar_deviation'),
  dorsiflexion: message('motion.dorsiflexion'),
  plantarflexion: message('motion.plantarflexion'),
};

/** "Right knee": one phrase per side and joint (the worklist's reasons name sites with it too). */
export const siteRef = (joint: JointId, side: Side): MessageRef => SITES[side][joint];

/** "flexion": a motion's own word, for a sentence that says the joint already. */
export const motionWordRef = (motion: MotionId): MessageRef => MOTIONS[motion];

/**
 * "Right knee flexion", "(passive)" added when passive (active is how ROM is reported by default). The site
 * comes first in every language, so the reason starts with a capital without changing case by language.
 */
export function seriesLabelRef(side: Side, key: MotionKey, mode: Mode = 'active'): MessageRef {
  const spec = motionSpec(key);
  const values = { site: { message: SITES[side][spec.joint] }, motion: inner(MOTIONS[spec.motion]) };
  return mode === 'passive' ? message('verdicts.series.passive', values) : message('verdicts.series.active', values);
}

/** A series known only by its text (a caller outside the catalogue, tests): shown as given in every language. */
export function plainLabelRef(label: string): MessageRef {
  return message('verdicts.series.text', { text: label });
}

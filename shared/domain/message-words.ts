// The domain's names as message ids, for the messages the schemas, the analysis and the back end send (issue 20): a
// motion, a site, a series, a status or an intervention is named in the reader's language, from the same keys the
// screens use. The one place for these words: a series' label ("Right knee flexion", "Genou droit, flexion") is
// built here too. The site of a series is one phrase per language (the worklist's): in French, Spanish and
// Portuguese the side agrees with the joint, so it cannot be glued to a translated joint name.
import { capital, inner, message, type MessageParam, type MessageRef } from '../i18n/message';
import { motionSpec, type JointId, type Mode, type MotionId, type MotionKey, type Side } from './catalogue';
import type { SiteStatus } from './ho';
import type { Intervention } from './plan';

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

/** "elbow flexion" (lower case, for inside a sentence; capitalName for its start). */
export function motionName(key: MotionKey): MessageRef {
  const spec = motionSpec(key);
  return message('domain.motionName', { joint: inner(message(`joint.${spec.joint}`)), motion: inner(MOTIONS[spec.motion]) });
}

/** "left elbow" (lower case). */
export function siteName(side: Side, joint: JointId): MessageRef {
  const words = { joint: inner(message(`joint.${joint}`)) };
  return side === 'left' ? message('seriesName.leftSite', words) : message('seriesName.rightSite', words);
}

/** "left elbow flexion" (lower case). */
export function siteMotionName(side: Side, key: MotionKey): MessageRef {
  const spec = motionSpec(key);
  return message('seriesName.motionAtSite', { site: { message: siteName(side, spec.joint) }, motion: inner(MOTIONS[spec.motion]) });
}

/** A name starting a sentence: "Elbow flexion is missing." */
export function capitalName(ref: MessageRef): MessageParam {
  return capital(ref);
}

/** "Left elbow, Right knee" in the reader's way of listing, each site named as the plan lists it. */
export function sitesList(sites: readonly { side: Side; joint: JointId }[]): MessageParam {
  return { list: sites.map((s) => capital(siteName(s.side, s.joint))) };
}

const SITE_STATUS_WORDS: Record<SiteStatus, MessageRef> = {
  at_risk: message('profile.status.at_risk'),
  suspected: message('profile.status.suspected'),
  confirmed: message('profile.status.confirmed'),
  excised: message('profile.status.excised'),
};

/** "At risk", "Confirmed"… as the HO profile names them. */
export function siteStatusWord(status: SiteStatus): MessageRef {
  return SITE_STATUS_WORDS[status];
}

const INTERVENTION_WORDS: Record<Intervention, MessageRef> = {
  active_rom: message('plans.intervention.activeRom'),
  active_assisted_rom: message('plans.intervention.activeAssistedRom'),
  passive_rom: message('plans.intervention.passiveRom'),
  stretching: message('plans.intervention.stretching'),
  strengthening: message('plans.intervention.strengthening'),
  cpm: message('plans.intervention.cpm'),
  splinting: message('plans.intervention.splinting'),
  functional_training: message('plans.intervention.functionalTraining'),
  home_program: message('plans.intervention.homeProgram'),
};

export function interventionWord(intervention: Intervention): MessageRef {
  return INTERVENTION_WORDS[intervention];
}

/**
 * "right elbow flexion-extension arc" (lower case; a reason starting with it makes its first letter a capital),
 * the plane's motions in the catalogue's order, as the catalogue names the plane.
 */
export function arcNameRef(side: Side, joint: JointId, motions: readonly [MotionId, MotionId], mode: Mode): MessageRef {
  const values = { site: inner(SITES[side][joint]), planeMotions: { message: message('analysis.arc.planeMotions', { first: inner(MOTIONS[motions[0]]), second: inner(MOTIONS[motions[1]]) }) } };
  return mode === 'passive' ? message('analysis.arc.namePassive', values) : message('analysis.arc.name', values);
}

// The domain's names as message ids, for the messages the schemas and the back end send (issue 20): a motion, a
// site, a status or an intervention is named in the reader's language, from the same keys the screens use.
import { capital, inner, message, type MessageParam, type MessageRef } from '../i18n/message';
import { motionSpec, type JointId, type MotionKey, type Side } from './catalogue';
import type { SiteStatus } from './ho';
import type { Intervention } from './plan';

/** "elbow flexion" (lower case, for inside a sentence; capitalName for its start). */
export function motionName(key: MotionKey): MessageRef {
  const spec = motionSpec(key);
  return message('domain.motionName', { joint: inner(message(`joint.${spec.joint}`)), motion: inner(message(`motion.${spec.motion}`)) });
}

/** "left elbow" (lower case). */
export function siteName(side: Side, joint: JointId): MessageRef {
  const words = { joint: inner(message(`joint.${joint}`)) };
  return side === 'left' ? message('seriesName.leftSite', words) : message('seriesName.rightSite', words);
}

/** "left elbow flexion" (lower case). */
export function siteMotionName(side: Side, key: MotionKey): MessageRef {
  const spec = motionSpec(key);
  return message('seriesName.motionAtSite', { site: { message: siteName(side, spec.joint) }, motion: inner(message(`motion.${spec.motion}`)) });
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

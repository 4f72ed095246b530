// The joint and motion catalogue: every figure appears here once, with its source next to it.
// Facts come from /work/shared/clinical-reference.md; "to confirm" marks a default that is not a published figure.
import type { JointId, MotionId, MotionKey, MotionSpec, PlaneId, PlaneSpec, Sourced } from './types';

const AAOS = 'AAOS (Norkin & White, Measurement of Joint Motion, Table A.1)';

function aaos(value: number, others?: string): Sourced<number> {
  return { value, source: others ? `${AAOS}; ${others}` : AAOS };
}

// Every default threshold in the reference is marked "to confirm", so each source says so.
const SAME_RATER = 'default for the same rater and instrument, to confirm; double it when either differs';
const THRESHOLD = {
  shoulder: {
    value: 15,
    source: `Shoulder ${SAME_RATER}. Painful shoulders: same-rater SEM 11-23; healthy shoulders: inclinometer MDC90 4-9.`,
  },
  elbow: {
    value: 8,
    source: `Elbow and forearm ${SAME_RATER}. Smallest detectable change: active flexion 6-8, active extension 4-6 (Cleffken 2007).`,
  },
  forearm: {
    value: 8,
    source: `Elbow and forearm ${SAME_RATER}. No forearm-specific figure in the reference; follows the elbow (Cleffken 2007).`,
  },
  wrist: { value: 8, source: `Wrist ${SAME_RATER}. No wrist-specific published figure in the reference.` },
  hip: {
    value: 12,
    source: `Hip ${SAME_RATER}. Same-rater SEM 3.1-4.7, so MDC95 about 10-13; between raters up to 28 for internal rotation.`,
  },
  kneeFlexion: {
    value: 10,
    source: `Knee flexion ${SAME_RATER}. SEM 3.4, so MDC95 about 9 (universal goniometer, knee OA and replacement patients).`,
  },
  kneeExtension: {
    value: 5,
    source: `Knee extension ${SAME_RATER}. SEM 1.6, so MDC95 about 5 (universal goniometer, knee OA and replacement patients).`,
  },
  ankle: { value: 6, source: `Ankle ${SAME_RATER}. No ankle-specific published figure in the reference.` },
} satisfies Record<string, Sourced<number>>;

function label(joint: JointId, motion: MotionId): string {
  return `${joint[0]!.toUpperCase()}${joint.slice(1)} ${motion.replace('_', ' ')}`;
}

function motion(
  joint: JointId,
  motionId: MotionId,
  plane: PlaneId,
  normal: Sourced<number>,
  plausible: [min: number, max: number],
  threshold: Sourced<number>,
  functional?: Sourced<number>,
): MotionSpec {
  const spec: MotionSpec = {
    key: `${joint}.${motionId}`,
    joint,
    motion: motionId,
    label: label(joint, motionId),
    normal,
    plausible: { min: plausible[0], max: plausible[1] },
    threshold,
    plane,
  };
  if (functional) spec.functional = functional;
  return spec;
}

// Plausible entry ranges are ROMtrack's own bounds, not published figures. They exist to catch typing
// slips (190 typed for 19), never to refuse a real patient, so they are wide:
// - min: a negative value means the joint is stuck on the other side of neutral. HO ankyloses joints,
//   spasticity after brain injury fixes them in flexion, so the min reaches roughly the opposite motion's
//   full range (elbow extension -150 is an elbow fixed at 150 flexion).
// - max: normal plus 20-50 for hypermobility, passive overpressure and athletes (throwers' external rotation).
// Keep them in step with the reference when it changes; each range must contain the normal value.
export const MOTION_CATALOGUE: readonly MotionSpec[] = [
  // Shoulder rotation is measured with the arm abducted 90 and the elbow at 90 (reference, convention).
  // Flexion/abduction below neutral would need the arm fixed behind or across the body: rare, hence -30.
  motion('shoulder', 'flexion', 'shoulder.flexion_extension', aaos(180, 'AMA 180'), [-30, 200], THRESHOLD.shoulder),
  // A shoulder fixed in forward flexion cannot reach neutral extension: down to -90.
  motion('shoulder', 'extension', 'shoulder.flexion_extension', aaos(60, 'AMA 50'), [-90, 90], THRESHOLD.shoulder),
  motion('shoulder', 'abduction', 'shoulder.abduction', aaos(180, 'AMA 170'), [-30, 200], THRESHOLD.shoulder),
  motion('shoulder', 'internal_rotation', 'shoulder.rotation', aaos(70, 'AMA 80'), [-90, 110], THRESHOLD.shoulder),
  // Overhead athletes exceed 120 external rotation; the shoulder HO posture (adducted, internally
  // rotated) gives negative values.
  motion('shoulder', 'external_rotation', 'shoulder.rotation', aaos(90, 'AMA 60'), [-90, 140], THRESHOLD.shoulder),

  // An elbow fused straight or slightly hyperextended gives flexion 0 or a little below.
  motion(
    'elbow',
    'flexion',
    'elbow.flexion_extension',
    aaos(150, 'AMA 140; 146 in a study of 352 adults (Zwerus 2019)'),
    [-10, 170],
    THRESHOLD.elbow,
    {
      value: 130,
      source: 'Morrey 1981: a 30-130 flexion arc for most daily activities; phone use needs 142 (Sardelli 2011)',
    },
  ),
  // Burns and brain injury can fix the elbow in deep flexion (-150); hyperextension reaches 10-20 in lax joints.
  motion('elbow', 'extension', 'elbow.flexion_extension', aaos(0, 'Zwerus 2019: -2'), [-150, 20], THRESHOLD.elbow, {
    value: -30,
    source: 'Morrey 1981: the 30-130 arc, extension to within 30 of straight; phone use needs -23 (Sardelli 2011)',
  }),

  // Forearm rotation starts with the elbow at 90 and the forearm mid-way. A radio-ulnar synostosis can fix
  // the forearm in full opposite rotation, so down to -90 each way.
  motion('forearm', 'pronation', 'forearm.rotation', aaos(80), [-90, 110], THRESHOLD.forearm, {
    value: 50,
    source: 'Morrey 1981: 50 pronation for most daily activities; typing needs 65 (Sardelli 2011)',
  }),
  motion('forearm', 'supination', 'forearm.rotation', aaos(80, 'Zwerus 2019: 87'), [-90, 110], THRESHOLD.forearm, {
    value: 50,
    source: 'Morrey 1981: 50 supination for most daily activities; opening a door needs 77 (Sardelli 2011)',
  }),

  // The spastic wrist after brain injury sits in flexion, so extension goes further negative than flexion.
  motion('wrist', 'flexion', 'wrist.flexion_extension', aaos(80, 'AMA 60'), [-70, 100], THRESHOLD.wrist),
  motion('wrist', 'extension', 'wrist.flexion_extension', aaos(70, 'AMA 60'), [-90, 100], THRESHOLD.wrist),
  motion('wrist', 'radial_deviation', 'wrist.deviation', aaos(20), [-40, 40], THRESHOLD.wrist),
  motion('wrist', 'ulnar_deviation', 'wrist.deviation', aaos(30), [-30, 50], THRESHOLD.wrist),

  motion('hip', 'flexion', 'hip.flexion_extension', aaos(120, 'Merck Manual 125'), [-30, 150], THRESHOLD.hip, {
    value: 100,
    // The reference gives these figures without naming the study; it is not guessed here.
    source:
      'Up to about 100 flexion for daily activities (22 activities studied, crouching needs 101; study not named ' +
      'in the clinical reference); about 90 for sitting, to confirm',
  }),
  // Hips with HO after spinal cord injury often ankylose in flexion: extension down to -120.
  motion(
    'hip',
    'extension',
    'hip.flexion_extension',
    aaos(30, 'Merck Manual 15; to confirm which norm to use'),
    [-120, 50],
    THRESHOLD.hip,
  ),
  motion('hip', 'abduction', 'hip.abduction_adduction', aaos(45), [-40, 90], THRESHOLD.hip),
  motion(
    'hip',
    'adduction',
    'hip.abduction_adduction',
    aaos(30, 'Merck Manual 45; to confirm which norm to use'),
    [-60, 60],
    THRESHOLD.hip,
  ),
  motion('hip', 'internal_rotation', 'hip.rotation', aaos(45), [-60, 90], THRESHOLD.hip),
  motion('hip', 'external_rotation', 'hip.rotation', aaos(45), [-60, 90], THRESHOLD.hip),

  motion('knee', 'flexion', 'knee.flexion_extension', aaos(135, 'Merck Manual 130'), [-10, 160], THRESHOLD.kneeFlexion, {
    value: 110,
    source: 'A common rehabilitation goal (Rowe 2000); walking needs about 70, stairs and chairs 90-120, a bath about 135',
  }),
  // Flexion contractures after spinal cord or brain injury can be severe; genu recurvatum reaches about 20.
  motion('knee', 'extension', 'knee.flexion_extension', aaos(0), [-140, 20], THRESHOLD.kneeExtension),

  // An equinus (plantarflexion) contracture gives negative dorsiflexion, common after brain injury.
  motion('ankle', 'dorsiflexion', 'ankle.dorsi_plantarflexion', aaos(20), [-60, 45], THRESHOLD.ankle),
  motion('ankle', 'plantarflexion', 'ankle.dorsi_plantarflexion', aaos(50), [-30, 80], THRESHOLD.ankle),
];

function plane(id: PlaneId, joint: JointId, planeLabel: string, ...motions: MotionId[]): PlaneSpec {
  return { id, joint, label: planeLabel, motions: motions.map((m): MotionKey => `${joint}.${m}`) };
}

// Motions within a plane follow the reference table's order.
export const PLANES: readonly PlaneSpec[] = [
  plane('shoulder.flexion_extension', 'shoulder', 'Shoulder flexion-extension', 'flexion', 'extension'),
  // Shoulder adduction is not in the table, so this plane has one motion and no arc.
  plane('shoulder.abduction', 'shoulder', 'Shoulder abduction', 'abduction'),
  plane('shoulder.rotation', 'shoulder', 'Shoulder rotation', 'internal_rotation', 'external_rotation'),
  plane('elbow.flexion_extension', 'elbow', 'Elbow flexion-extension', 'flexion', 'extension'),
  plane('forearm.rotation', 'forearm', 'Forearm rotation', 'pronation', 'supination'),
  plane('wrist.flexion_extension', 'wrist', 'Wrist flexion-extension', 'flexion', 'extension'),
  plane('wrist.deviation', 'wrist', 'Wrist deviation', 'radial_deviation', 'ulnar_deviation'),
  plane('hip.flexion_extension', 'hip', 'Hip flexion-extension', 'flexion', 'extension'),
  plane('hip.abduction_adduction', 'hip', 'Hip abduction-adduction', 'abduction', 'adduction'),
  plane('hip.rotation', 'hip', 'Hip rotation', 'internal_rotation', 'external_rotation'),
  plane('knee.flexion_extension', 'knee', 'Knee flexion-extension', 'flexion', 'extension'),
  plane('ankle.dorsi_plantarflexion', 'ankle', 'Ankle dorsiflexion-plantarflexion', 'dorsiflexion', 'plantarflexion'),
];

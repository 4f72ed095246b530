// The shape of the joint and motion catalogue. The values live in ./catalogue.ts, each with its source.

export const JOINTS = ['shoulder', 'elbow', 'forearm', 'wrist', 'hip', 'knee', 'ankle'] as const;
export type JointId = (typeof JOINTS)[number];

export const MOTIONS = [
  'flexion',
  'extension',
  'abduction',
  'adduction',
  'internal_rotation',
  'external_rotation',
  'pronation',
  'supination',
  'radial_deviation',
  'ulnar_deviation',
  'dorsiflexion',
  'plantarflexion',
] as const;
export type MotionId = (typeof MOTIONS)[number];

export const SIDES = ['left', 'right'] as const;
export type Side = (typeof SIDES)[number];

/** Active (the patient moves) or passive (the therapist moves); active is 3-5 degrees below passive. */
export const MODES = ['active', 'passive'] as const;
export type Mode = (typeof MODES)[number];

/** "elbow.flexion": one motion of one joint, the key used in storage and across the API. */
export type MotionKey = `${JointId}.${MotionId}`;

export interface Sourced<T> {
  value: T;
  /** Where the figure comes from, or "to confirm" for a reasonable default that is not published. */
  source: string;
}

export interface MotionSpec {
  key: MotionKey;
  joint: JointId;
  motion: MotionId;
  /** As a therapist says it: "Elbow flexion". */
  label: string;
  /** Normal active range in degrees, neutral-zero convention. */
  normal: Sourced<number>;
  /** Values accepted on entry; anything outside is refused with a message naming this range. */
  plausible: { min: number; max: number };
  /** Smallest change, in degrees, that is more than measurement noise (same rater and instrument). */
  threshold: Sourced<number>;
  /** The plane this motion belongs to; the two motions of a plane add up to its arc. */
  plane: PlaneId;
  /** The value needed for most daily activities, where published. */
  functional?: Sourced<number>;
}

export type PlaneId =
  | 'shoulder.flexion_extension'
  | 'shoulder.abduction'
  | 'shoulder.rotation'
  | 'elbow.flexion_extension'
  | 'forearm.rotation'
  | 'wrist.flexion_extension'
  | 'wrist.deviation'
  | 'hip.flexion_extension'
  | 'hip.abduction_adduction'
  | 'hip.rotation'
  | 'knee.flexion_extension'
  | 'ankle.dorsi_plantarflexion';

export interface PlaneSpec {
  id: PlaneId;
  joint: JointId;
  label: string;
  /** The two motions whose values add up to the arc; a plane with one motion (shoulder abduction) has one. */
  motions: readonly MotionKey[];
}

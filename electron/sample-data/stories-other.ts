// Sample stories after joint surgery, burns and long immobility (clinical-reference.md: risk factors,
// radiation after hip surgery, burns over 20% mainly at the elbows, the knee's functional goal of 110).
import { ALP_NAME, ALP_UNIT } from '../../shared/domain/event';
import { everyDays, type Story } from './story';

/** (b) Left hip replacement with single-dose radiation: small islands of bone at a year, motion holds. */
export const hipRadiation: Story = {
  seed: 0x41b,
  summary: 'Hip replacement: single 7 Gy dose of radiation, left hip holding within measurement error for over a year (Brooker I, no loss)',
  patient: { familyName: 'Hartley', givenNames: 'Margaret', clinicId: 'SAMPLE-002', sex: 'female', age: 71, birthday: '05-23' },
  daysAgo: 420,
  riskFactors: [
    { kind: 'joint_surgery', day: 0, note: 'Left total hip replacement; HO after the right hip replacement in 2015, hence prophylaxis.' },
  ],
  sites: [
    {
      joint: 'hip',
      side: 'left',
      statuses: [
        { day: 0, status: 'at_risk', note: 'New hip replacement; radiation prophylaxis given.' },
        { day: 365, status: 'confirmed', note: 'X-ray: Brooker I, small islands of bone; no loss of motion.' },
      ],
    },
  ],
  events: [
    { kind: 'surgery', day: 0, joint: 'hip', side: 'left', title: 'Left total hip replacement (osteoarthritis), posterior approach' },
    { kind: 'radiation', day: 1, joint: 'hip', side: 'left', value: 7, unit: 'Gy', title: 'Single-dose radiation prophylaxis', note: 'Within 72 hours of surgery.' },
    { kind: 'xray', day: 84, joint: 'hip', side: 'left', classification: 'brooker:0', note: 'Well-fixed prosthesis; no heterotopic bone.' },
    { kind: 'xray', day: 365, joint: 'hip', side: 'left', classification: 'brooker:I', note: 'Small islands of bone lateral to the greater trochanter.' },
  ],
  visitDays: [42, 56, 70, 84, 112, 140, 182, 240, 300, 365, 410],
  rater: (i) => (i % 4 === 3 ? 1 : 0),
  symptoms: (day) => ({ pain: day < 84 ? 3 : day < 182 ? 1 : 0 }),
  notes: {
    42: 'Six weeks after surgery; hip precautions lifted. Baseline range.',
    84: 'X-ray clear (Brooker 0). Walking with one stick.',
    365: 'One year: Brooker I on X-ray, range unchanged. Continue yearly review.',
  },
  series: [
    { motion: 'hip.flexion', side: 'left', noise: 3, passive: [[42, 99]], endFeel: [[42, 'firm']], pain: [[42, 3], [84, 1], [182, 0]] },
    { motion: 'hip.extension', side: 'left', noise: 3, passive: [[42, 10]], endFeel: [[42, 'firm']] },
    { motion: 'hip.abduction', side: 'left', noise: 3, passive: [[42, 32]] },
    { motion: 'hip.internal_rotation', side: 'left', modes: 'active', passive: [[42, 22]] },
    { motion: 'hip.external_rotation', side: 'left', modes: 'active', passive: [[42, 33]] },
    { motion: 'hip.flexion', side: 'right', passive: [[42, 104]], every: 5 },
  ],
};

/**
 * (d) Flame burns over a third of the body: both elbows at risk. The left, held by grafted scar, improves
 * with therapy; the right shows radiographic HO without loss of motion (Hastings-Graham I) and holds.
 */
export const burnsElbows: Story = {
  seed: 0xb0c5,
  summary: 'Burns 32% of the body: both elbows at risk; the left improves with therapy, the right has Hastings-Graham I HO and holds',
  patient: { familyName: 'Haddad', givenNames: 'Leila', clinicId: 'SAMPLE-004', sex: 'female', age: 38, birthday: '09-30' },
  daysAgo: 200,
  riskFactors: [
    { kind: 'burns', day: 0, note: '32% total body surface area; deep partial and full thickness over both arms.' },
    { kind: 'immobility', day: 0, note: 'Two weeks in the burns unit with both arms splinted.' },
  ],
  sites: [
    {
      joint: 'elbow',
      side: 'right',
      statuses: [
        { day: 10, status: 'at_risk', note: 'Burns over 20% with both elbows involved.' },
        { day: 42, status: 'suspected', note: 'Tender, warm posteromedial swelling.' },
        { day: 56, status: 'confirmed', note: 'X-ray: Hastings-Graham I.' },
      ],
    },
    { joint: 'elbow', side: 'left', statuses: [{ day: 10, status: 'at_risk', note: 'Burns over 20% with both elbows involved.' }] },
  ],
  events: [
    { kind: 'injury', day: 0, title: 'Flame burns, 32% total body surface area (both arms, chest)' },
    { kind: 'surgery', day: 6, title: 'Excision and split-thickness skin grafts, both arms' },
    { kind: 'lab_result', day: 35, title: ALP_NAME, value: 165, unit: ALP_UNIT },
    {
      kind: 'xray',
      day: 56,
      joint: 'elbow',
      side: 'right',
      classification: 'hastings:I',
      note: 'Small bone posteromedial to the right elbow; no block to motion.',
    },
  ],
  visitDays: [...everyDays(14, 42, 7), 56, 70, 84, 105, 126, 154, 182],
  inpatientUntil: 35,
  symptoms: (day) => ({
    decreasedRange: day < 105,
    swelling: day >= 35 && day <= 56,
    warmth: day >= 42 && day <= 49,
    redness: day >= 42 && day <= 49,
    pain: day < 42 ? 6 : day < 105 ? 4 : 2,
  }),
  notes: {
    14: 'Grafts taken. Starting active range with the burns team; night extension splints.',
    42: 'Right elbow warm and tender posteromedially; X-ray requested. Left elbow gaining with scar massage and stretching.',
    56: 'X-ray: Hastings-Graham I at the right elbow, no block. Keep exercising both elbows within pain.',
    182: 'Left elbow close to full range; right unchanged. Discharged to a home programme.',
  },
  series: [
    {
      motion: 'elbow.flexion',
      side: 'left',
      passive: [[14, 95], [42, 112], [84, 128], [126, 136], [182, 140]],
      endFeel: [[14, 'firm']],
      pain: [[14, 6], [42, 4], [105, 2]],
    },
    { motion: 'elbow.extension', side: 'left', passive: [[14, -35], [56, -22], [126, -10], [182, -6]], endFeel: [[14, 'firm']] },
    { motion: 'forearm.pronation', side: 'left', passive: [[14, 65], [84, 75], [182, 78]] },
    { motion: 'forearm.supination', side: 'left', passive: [[14, 60], [84, 74], [182, 80]] },
    { motion: 'elbow.flexion', side: 'right', passive: [[14, 122]], endFeel: [[14, 'firm']], pain: [[14, 5], [42, 6], [70, 3]] },
    { motion: 'elbow.extension', side: 'right', passive: [[14, -12], [182, -10]], endFeel: [[14, 'firm']] },
    { motion: 'forearm.pronation', side: 'right', passive: [[14, 76]] },
    { motion: 'forearm.supination', side: 'right', passive: [[14, 78]] },
  ],
};

/** (e) Seven weeks in intensive care: a stiff right knee; a suspected HO ruled out; flexion reaches 110. */
export const immobilityKnee: Story = {
  seed: 0x4ee,
  summary: 'Long immobility: stiff right knee, HO suspected then ruled out by bone scan, flexion improving to the 110 functional goal',
  patient: { familyName: 'Petrov', givenNames: 'Ivan', clinicId: 'SAMPLE-005', sex: 'male', age: 59, birthday: '01-14' },
  daysAgo: 220,
  riskFactors: [{ kind: 'immobility', day: 0, note: 'Seven weeks in intensive care with sepsis, ventilated and sedated.' }],
  sites: [
    {
      joint: 'knee',
      side: 'right',
      statuses: [
        { day: 49, status: 'at_risk', note: 'Stiff knee after long immobility.' },
        { day: 52, status: 'suspected', note: 'Warm, swollen knee with a firm end-feel at 80 flexion.' },
        { day: 56, status: 'at_risk', note: 'Bone scan negative: stiffness from immobility, not HO.' },
      ],
    },
  ],
  events: [
    { kind: 'lab_result', day: 52, title: ALP_NAME, value: 112, unit: ALP_UNIT, note: 'Normal.' },
    { kind: 'bone_scan', day: 55, joint: 'knee', side: 'right', note: 'No increased uptake around the right knee.' },
  ],
  visitDays: [49, 52, 56, 63, 70, 84, 98, 112, 133, 154, 182, 210],
  inpatientUntil: 63,
  rater: (i) => (i === 2 || i === 6 || i === 9 ? 1 : 0),
  symptoms: (day) => ({
    decreasedRange: day < 154,
    swelling: day >= 49 && day <= 56,
    warmth: day === 52,
    pain: day < 70 ? 4 : day < 133 ? 2 : 1,
  }),
  notes: {
    49: 'First out-of-bed assessment after intensive care. Knee stiff; starting range and strengthening.',
    52: 'Knee warm and swollen: HO suspected. ALP and bone scan requested.',
    56: 'Bone scan negative. Continue active range, stationary bike and quadriceps strengthening.',
    210: 'Functional goal of 110 flexion reached; discharged to a home exercise programme.',
  },
  series: [
    {
      motion: 'knee.flexion',
      side: 'right',
      passive: [[49, 78], [63, 84], [98, 98], [133, 108], [182, 116], [210, 118]],
      endFeel: [[49, 'firm']],
      pain: [[49, 4], [98, 2], [154, 1]],
    },
    { motion: 'knee.extension', side: 'right', passive: [[49, -14], [98, -7], [154, -3], [210, -2]], endFeel: [[49, 'firm']] },
    { motion: 'knee.flexion', side: 'left', passive: [[49, 120], [210, 130]], every: 4 },
    { motion: 'knee.extension', side: 'left', passive: [[49, -2], [210, 0]], every: 4 },
  ],
};

// Sample stories after neurological injury: brain injury, spinal cord injury, stroke.
// Clinical course from /work/shared/clinical-reference.md: loss of motion 2-12 weeks after the injury, a
// hard end-feel, raised ALP, bone scan before X-ray, progression stopping by about 6 months, excision of
// mature bone with prophylaxis after it, and recurrence.
import { ALP_NAME, ALP_UNIT } from '../../shared/domain/event';
import { everyDays, type Story } from './story';

/** (a) Severe TBI: the right elbow loses flexion and extension over weeks; HO confirmed, indomethacin given. */
export const brainInjuryElbow: Story = {
  seed: 0xa11ce,
  summary: 'Traumatic brain injury: right elbow loses flexion and extension over weeks (hard end-feel, Hastings-Graham IIA, indomethacin)',
  patient: { familyName: 'Osei', givenNames: 'Kwame', clinicId: 'SAMPLE-001', sex: 'male', age: 34, birthday: '03-17' },
  daysAgo: 130,
  riskFactors: [{ kind: 'brain_injury_or_stroke', day: 0, note: 'Severe traumatic brain injury (GCS 6); three weeks in intensive care; spastic right arm.' }],
  sites: [
    {
      joint: 'elbow',
      side: 'right',
      statuses: [
        { day: 21, status: 'at_risk', note: 'Spastic right arm after brain injury.' },
        { day: 42, status: 'suspected', note: 'Flexion falling, new hard end-feel, warm swollen elbow.' },
        { day: 63, status: 'confirmed', note: 'X-ray: heterotopic bone anterior to the distal humerus.' },
      ],
    },
  ],
  events: [
    { kind: 'injury', day: 0, title: 'Severe traumatic brain injury, motorcycle collision' },
    { kind: 'lab_result', day: 40, title: ALP_NAME, value: 245, unit: ALP_UNIT, note: 'Raised (adult normal about 40-130).' },
    { kind: 'bone_scan', day: 44, joint: 'elbow', side: 'right', note: 'Increased uptake around the right elbow in the blood-pool and delayed phases.' },
    { kind: 'nsaid_course', day: 45, endDay: 87, title: 'Indomethacin 25 mg three times a day', note: 'Six weeks, with a proton pump inhibitor.' },
    {
      kind: 'xray',
      day: 63,
      joint: 'elbow',
      side: 'right',
      classification: 'hastings:IIA',
      note: 'Heterotopic bone anterior to the distal humerus, limiting flexion-extension; forearm rotation free.',
    },
  ],
  visitDays: [...everyDays(21, 84, 7), 98, 112, 126],
  inpatientUntil: 56,
  symptoms: (day) => ({
    decreasedRange: day >= 42,
    swelling: day >= 42 && day <= 63,
    warmth: day >= 42 && day <= 56,
    pain: day < 42 ? 2 : day <= 70 ? 5 : 3,
  }),
  notes: {
    21: 'Baseline on the rehabilitation ward. Moderate flexor spasticity; full passive range.',
    42: 'Flexion down about 15 degrees in two weeks with a new hard end-feel; warm, swollen elbow. ALP and bone scan requested; discussed with the rehabilitation physician.',
    63: 'X-ray confirms HO (Hastings-Graham IIA). Gentle active-assisted range within pain; no forced passive stretching.',
    126: 'Range steady over the last month: the HO is probably maturing. Review for excision if function does not allow feeding and dressing.',
  },
  series: [
    {
      motion: 'elbow.flexion',
      side: 'right',
      passive: [[21, 142], [35, 139], [49, 126], [63, 114], [84, 104], [112, 99], [126, 98]],
      endFeel: [[21, 'firm'], [42, 'hard']],
      pain: [[21, 2], [42, 5], [70, 3]],
    },
    {
      motion: 'elbow.extension',
      side: 'right',
      passive: [[21, -5], [35, -7], [49, -15], [63, -24], [84, -30], [126, -33]],
      endFeel: [[21, 'firm'], [49, 'hard']],
    },
    { motion: 'forearm.pronation', side: 'right', passive: [[21, 80], [126, 75]], endFeel: [[21, 'firm']] },
    { motion: 'forearm.supination', side: 'right', passive: [[21, 82], [63, 74], [126, 71]], endFeel: [[21, 'firm']] },
    { motion: 'elbow.flexion', side: 'left', passive: [[21, 146]], every: 4, endFeel: [[21, 'soft']] },
    { motion: 'elbow.extension', side: 'left', passive: [[21, 2]], every: 4, endFeel: [[21, 'hard']] },
  ],
};

/**
 * (c) Complete T6 spinal cord injury: both hips watched, raised ALP, etidronate; the right hip reaches
 * Brooker III, is excised at 14 months with radiation after it, regains motion, then loses it again.
 * No active readings: the hips are paralysed. No pain readings: no sensation below the injury.
 */
export const spinalCordHips: Story = {
  seed: 0x5c1,
  summary: 'Spinal cord injury: both hips watched, raised ALP, etidronate; right hip Brooker III, excised, motion regained then lost to recurrence',
  patient: { familyName: 'Nwosu', givenNames: 'Chinedu', clinicId: 'SAMPLE-003', sex: 'male', age: 26, birthday: '11-02' },
  daysAgo: 700,
  riskFactors: [
    { kind: 'spinal_cord_injury', day: 0, note: 'Complete T6 injury (AIS A) after a fall from scaffolding.' },
    { kind: 'immobility', day: 0, note: 'Bed rest for spinal stabilisation, then wheelchair.' },
  ],
  sites: [
    {
      joint: 'hip',
      side: 'right',
      statuses: [
        { day: 21, status: 'at_risk', note: 'Both hips watched after complete spinal cord injury.' },
        { day: 56, status: 'suspected', note: 'Bone scan: increased uptake, right hip.' },
        { day: 98, status: 'confirmed', note: 'X-ray: Brooker III.' },
        { day: 420, status: 'excised', note: 'Mature heterotopic bone excised; single-dose radiation the next day.' },
        { day: 546, status: 'suspected', note: 'Flexion falling again since the excision, ALP raised.' },
        { day: 575, status: 'confirmed', note: 'X-ray: recurrence, Brooker II.' },
      ],
    },
    { joint: 'hip', side: 'left', statuses: [{ day: 21, status: 'at_risk', note: 'Both hips watched after complete spinal cord injury.' }] },
  ],
  events: [
    { kind: 'injury', day: 0, title: 'Complete T6 spinal cord injury, fall from scaffolding' },
    { kind: 'lab_result', day: 42, title: ALP_NAME, value: 188, unit: ALP_UNIT },
    { kind: 'bone_scan', day: 56, joint: 'hip', side: 'right', note: 'Increased uptake around the right hip; left hip normal.' },
    { kind: 'bisphosphonate_course', day: 58, endDay: 238, title: 'Etidronate 20 mg/kg daily for 2 weeks, then 10 mg/kg daily', note: 'Six months in all.' },
    { kind: 'lab_result', day: 70, title: ALP_NAME, value: 342, unit: ALP_UNIT },
    { kind: 'xray', day: 98, joint: 'hip', side: 'right', classification: 'brooker:III', note: 'Bone spurs from pelvis and femur, less than 1 cm apart.' },
    { kind: 'lab_result', day: 180, title: ALP_NAME, value: 121, unit: ALP_UNIT, note: 'Back to normal.' },
    { kind: 'xray', day: 380, joint: 'hip', side: 'right', classification: 'brooker:III', note: 'Mature, well-corticated bone; no change since day 98. Listed for excision.' },
    { kind: 'excision', day: 420, joint: 'hip', side: 'right', title: 'Excision of heterotopic bone, right hip' },
    { kind: 'radiation', day: 421, joint: 'hip', side: 'right', value: 7, unit: 'Gy', title: 'Single-dose radiation after excision' },
    { kind: 'lab_result', day: 540, title: ALP_NAME, value: 176, unit: ALP_UNIT },
    { kind: 'xray', day: 575, joint: 'hip', side: 'right', classification: 'brooker:II', note: 'New bone at the excision site: recurrence.' },
  ],
  visitDays: [...everyDays(21, 91, 14), 119, 147, 182, 238, 300, 360, 410, ...everyDays(434, 574, 14), 610, 650, 690],
  inpatientUntil: 120,
  symptoms: (day) => ({
    decreasedRange: (day >= 49 && day < 420) || day >= 546,
    swelling: (day >= 42 && day <= 77) || (day >= 530 && day <= 560),
    warmth: day >= 42 && day <= 77,
    fever: day === 49,
  }),
  notes: {
    49: 'Right hip warm and swollen, low-grade fever; DVT excluded by ultrasound. Bone scan requested.',
    119: 'X-ray showed Brooker III at the right hip. Continue gentle passive range twice a day; sitting tolerance limited by hip flexion.',
    410: 'Pre-operative measurement: right hip flexion about 60, sitting posture poor.',
    434: 'Two weeks after excision: flexion regained. Daily passive range with the ward team.',
    546: 'Flexion down again since the last visits, ALP raised: recurrence suspected. X-ray requested.',
    690: 'Recurrence has settled at about 70 flexion; seating adapted.',
  },
  series: [
    {
      motion: 'hip.flexion',
      side: 'right',
      modes: 'passive',
      noise: 3,
      passive: [[21, 112], [42, 110], [63, 96], [98, 80], [150, 68], [240, 62], [410, 60], [434, 98], [462, 104], [500, 100], [546, 90], [610, 78], [690, 72]],
      endFeel: [[21, 'firm'], [63, 'hard'], [434, 'firm'], [546, 'hard']],
    },
    {
      motion: 'hip.extension',
      side: 'right',
      modes: 'passive',
      noise: 3,
      passive: [[21, 10], [63, 0], [98, -10], [150, -18], [410, -20], [434, 5], [462, 8], [546, -2], [610, -10], [690, -14]],
    },
    { motion: 'hip.abduction', side: 'right', modes: 'passive', noise: 3, passive: [[21, 40], [98, 25], [150, 15], [410, 12], [434, 35], [546, 28], [690, 18]] },
    { motion: 'hip.internal_rotation', side: 'right', modes: 'passive', noise: 3, passive: [[21, 35], [98, 20], [150, 10], [410, 8], [434, 28], [546, 22], [690, 14]] },
    { motion: 'hip.external_rotation', side: 'right', modes: 'passive', noise: 3, passive: [[21, 42], [98, 30], [150, 22], [410, 20], [434, 38], [546, 32], [690, 25]] },
    { motion: 'hip.flexion', side: 'left', modes: 'passive', noise: 3, passive: [[21, 114], [690, 112]], endFeel: [[21, 'firm']] },
    { motion: 'hip.extension', side: 'left', modes: 'passive', noise: 3, passive: [[21, 10], [690, 8]] },
    { motion: 'hip.abduction', side: 'left', modes: 'passive', noise: 3, passive: [[21, 40]] },
  ],
};

/** (f) Stroke with left hemiplegia: the hemiplegic shoulder is watched for a year and holds. */
export const strokeShoulder: Story = {
  seed: 0x5701e,
  summary: 'Stroke: hemiplegic left shoulder watched for a year, measured passively with an inclinometer, holding',
  patient: { familyName: 'Fernandes', givenNames: 'Maria', clinicId: 'SAMPLE-006', sex: 'female', age: 67, birthday: '07-09' },
  daysAgo: 380,
  instrument: 'inclinometer',
  riskFactors: [{ kind: 'brain_injury_or_stroke', day: 0, note: 'Right middle cerebral artery ischaemic stroke; dense left hemiplegia.' }],
  sites: [{ joint: 'shoulder', side: 'left', statuses: [{ day: 28, status: 'at_risk', note: 'Hemiplegic shoulder, low tone.' }] }],
  events: [
    { kind: 'injury', day: 0, title: 'Right middle cerebral artery ischaemic stroke' },
    { kind: 'lab_result', day: 30, title: ALP_NAME, value: 88, unit: ALP_UNIT, note: 'Normal.' },
    { kind: 'xray', day: 150, joint: 'shoulder', side: 'left', note: 'No heterotopic bone; mild inferior subluxation.' },
  ],
  visitDays: [28, 42, 56, 84, 112, 150, 190, 240, 300, 370],
  inpatientUntil: 60,
  rater: (i) => (i % 2 === 1 ? 1 : 0),
  symptoms: (day) => ({ pain: day < 112 ? 3 : 1 }),
  notes: {
    28: 'Baseline. Positioning programme and supported arm on the wheelchair tray.',
    150: 'X-ray: no HO. Range holding; continue daily passive range by the family.',
    370: 'One year: range unchanged within measurement error.',
  },
  series: [
    { motion: 'shoulder.flexion', side: 'left', modes: 'passive', noise: 4, passive: [[28, 125]], endFeel: [[28, 'firm']], pain: [[28, 3], [112, 1]] },
    { motion: 'shoulder.abduction', side: 'left', modes: 'passive', noise: 4, passive: [[28, 104]], endFeel: [[28, 'firm']] },
    { motion: 'shoulder.external_rotation', side: 'left', modes: 'passive', noise: 4, passive: [[28, 46], [370, 44]] },
    { motion: 'shoulder.internal_rotation', side: 'left', modes: 'passive', noise: 4, passive: [[28, 55]] },
    { motion: 'shoulder.flexion', side: 'right', passive: [[28, 168]], every: 3 },
    { motion: 'shoulder.abduction', side: 'right', passive: [[28, 165]], every: 3 },
  ],
};

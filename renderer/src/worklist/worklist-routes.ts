// The worklist's and the referral letter's addresses. Kept here until the router names them (renderer/src/router.ts),
// so every link to these screens is written once.
import type { JointId, Side } from '../../../shared/domain/catalogue';

export const worklistHref = () => '#/worklist';

/** '#/patients/:id/referral?joint=elbow&side=right&series=right.elbow.flexion.active' */
export function referralHref(patientId: string, about: { joint: JointId; side: Side; seriesKey?: string | undefined }): string {
  const q = new URLSearchParams({ joint: about.joint, side: about.side, ...(about.seriesKey ? { series: about.seriesKey } : {}) });
  return `#/patients/${encodeURIComponent(patientId)}/referral?${q.toString()}`;
}

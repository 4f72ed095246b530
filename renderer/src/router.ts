import { useEffect, useState } from 'react';
import type { JointId, Side } from '../../shared/domain/catalogue';

// Hash routes keep working from app:// files and from server mode alike, with no server rewrites.
export type Route =
  | { name: 'patients' }
  | { name: 'patient-new' }
  | { name: 'patient'; id: string }
  | { name: 'patient-edit'; id: string }
  | { name: 'patient-mobility'; id: string }
  | { name: 'series-detail'; id: string; seriesKey: string }
  | { name: 'visit-new'; id: string }
  | { name: 'visit-add'; id: string; visitId: string }
  | { name: 'event-new'; id: string }
  | { name: 'patient-report'; id: string; query: string }
  | { name: 'patient-plans'; id: string; path: string[] }
  | { name: 'settings' }
  | { name: 'worklist' }
  | { name: 'patient-referral'; id: string; query: string }
  | { name: 'patient-access'; id: string }
  | { name: 'account' }
  | { name: 'not-found'; path: string };

/** The first screen, after "Who is working?": who needs attention today. */
const HOME = '/worklist';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || HOME;
  // Only the report and the referral letter take options after "?"; the other routes ignore a query.
  const [routePath = '', query = ''] = path.split('?');
  const parts = routePath.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'worklist' };
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings' };
  if (parts[0] === 'worklist' && parts.length === 1) return { name: 'worklist' };
  if (parts[0] === 'account' && parts.length === 1) return { name: 'account' };
  if (parts[0] === 'patients') {
    if (parts.length === 1) return { name: 'patients' };
    if (parts[1] === 'new' && parts.length === 2) return { name: 'patient-new' };
    if (parts.length === 2 && parts[1]) return { name: 'patient', id: parts[1] };
    if (parts.length === 3 && parts[1] && parts[2] === 'edit') return { name: 'patient-edit', id: parts[1] };
    if (parts.length === 3 && parts[1] && parts[2] === 'report') return { name: 'patient-report', id: parts[1], query };
    if (parts.length === 3 && parts[1] && parts[2] === 'referral') return { name: 'patient-referral', id: parts[1], query };
    if (parts.length === 3 && parts[1] && parts[2] === 'mobility') return { name: 'patient-mobility', id: parts[1] };
    if (parts.length === 3 && parts[1] && parts[2] === 'access') return { name: 'patient-access', id: parts[1] };
    if (parts.length === 4 && parts[1] && parts[2] === 'mobility' && parts[3]) return { name: 'series-detail', id: parts[1], seriesKey: parts[3] };
    if (parts.length === 4 && parts[1] && parts[2] === 'visits' && parts[3] === 'new') return { name: 'visit-new', id: parts[1] };
    if (parts.length === 5 && parts[1] && parts[2] === 'visits' && parts[3] && parts[4] === 'add') return { name: 'visit-add', id: parts[1], visitId: parts[3] };
    if (parts.length === 4 && parts[1] && parts[2] === 'events' && parts[3] === 'new') return { name: 'event-new', id: parts[1] };
    if (parts.length >= 3 && parts[1] && parts[2] === 'plans') return { name: 'patient-plans', id: parts[1], path: parts.slice(3) };
  }
  return { name: 'not-found', path };
}

export const href = {
  worklist: () => '#/worklist',
  patients: () => '#/patients',
  newPatient: () => '#/patients/new',
  patient: (id: string) => `#/patients/${encodeURIComponent(id)}`,
  editPatient: (id: string) => `#/patients/${encodeURIComponent(id)}/edit`,
  mobility: (patientId: string) => `#/patients/${encodeURIComponent(patientId)}/mobility`,
  seriesDetail: (patientId: string, seriesKey: string) => `#/patients/${encodeURIComponent(patientId)}/mobility/${encodeURIComponent(seriesKey)}`,
  newVisit: (patientId: string) => `#/patients/${encodeURIComponent(patientId)}/visits/new`,
  /** Measurements added to a visit already recorded. */
  addToVisit: (patientId: string, visitId: string) => `#/patients/${encodeURIComponent(patientId)}/visits/${encodeURIComponent(visitId)}/add`,
  newEvent: (patientId: string) => `#/patients/${encodeURIComponent(patientId)}/events/new`,
  report: (patientId: string, query = '') => `#/patients/${encodeURIComponent(patientId)}/report${query ? `?${query}` : ''}`,
  /** A referral letter about one site: '#/patients/:id/referral?joint=elbow&side=right&series=right.elbow.flexion.active'. */
  referral: (patientId: string, about?: { joint: JointId; side: Side; seriesKey?: string | undefined }) => {
    const q = about ? new URLSearchParams({ joint: about.joint, side: about.side, ...(about.seriesKey ? { series: about.seriesKey } : {}) }).toString() : '';
    return `#/patients/${encodeURIComponent(patientId)}/referral${q ? `?${q}` : ''}`;
  },
  settings: () => '#/settings',
  /** Who opened a patient's record (administrators). */
  recordAccess: (patientId: string) => `#/patients/${encodeURIComponent(patientId)}/access`,
  /** Your own PIN or password. */
  account: () => '#/account',
};

export function navigate(to: string): void {
  window.location.hash = to;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

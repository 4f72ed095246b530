import type { ImportReport } from '../../../shared/api/operations/exchange';
import { formatCount } from './format';

// The import report in words: what was added, what was already here.

type Counts = ImportReport['added'];

const KINDS: readonly [keyof Counts, string, string][] = [
  ['patients', 'patient', 'patients'],
  ['therapists', 'therapist', 'therapists'],
  ['visits', 'visit', 'visits'],
  ['measurements', 'measurement', 'measurements'],
  ['sites', 'watched site', 'watched sites'],
  ['riskFactors', 'risk factor', 'risk factors'],
  ['events', 'event', 'events'],
  ['planVersions', 'plan version', 'plan versions'],
  ['goals', 'goal', 'goals'],
];

/** "3 visits, 36 measurements": only the kinds with any; "nothing" when none. */
export function countsText(c: Counts): string {
  const parts = KINDS.filter(([k]) => c[k] > 0).map(([k, one, many]) => formatCount(c[k], one, many));
  return parts.length ? parts.join(', ') : 'nothing';
}

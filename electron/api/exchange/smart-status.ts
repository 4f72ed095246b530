import type { SyncStatus } from '../../../shared/api/operations/sync';
import type { SmartSettings } from '../../db/sync-repository';
import { signingKey } from './smart-auth';

/** What a read may say of the SMART settings: never the key, only its algorithm and key id (for the district). */
export function smartStatus(smart: SmartSettings | null): SyncStatus['smart'] {
  if (!smart) return null;
  const key = signingKey(smart.privateKey);
  return { clientId: smart.clientId, tokenUrl: smart.tokenUrl, privateKey: 'set', algorithm: key.ok ? key.value.alg : null, keyId: key.ok ? key.value.kid : null };
}

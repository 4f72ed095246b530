import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/domain/account';

/** "Administrator", "Therapist" in the screen's language (shared/domain/account keeps the English for the API). */
export function useRoleWord(): (role: Role) => string {
  const { t } = useTranslation();
  return (role) => (role === 'administrator' ? t('therapists.roleAdministrator') : t('therapists.roleTherapist'));
}

import { useTranslation } from 'react-i18next';
import type { Clinic } from '../../../shared/domain/clinic';

/** The clinic's letterhead on every printed document (the progress report, the referral letter). */
export function Letterhead({ clinic }: { clinic: Clinic | null }) {
  const { t } = useTranslation();
  return (
    <header className="report-letterhead">
      {clinic?.logo && <img className="report-logo" src={clinic.logo} alt={t('report.logoOf', { clinic: clinic.name })} />}
      <div>
        <p className="report-clinic">{clinic?.name ?? t('report.clinicNotSetUp')}</p>
        {clinic?.address && <p className="report-address">{clinic.address}</p>}
        {clinic?.phone && <p className="report-address">{t('report.phone', { phone: clinic.phone })}</p>}
      </div>
    </header>
  );
}

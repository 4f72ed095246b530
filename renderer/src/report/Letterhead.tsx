import type { Clinic } from '../../../shared/domain/clinic';

/** The clinic's letterhead on every printed document (the progress report, the referral letter). */
export function Letterhead({ clinic }: { clinic: Clinic | null }) {
  return (
    <header className="report-letterhead">
      {clinic?.logo && <img className="report-logo" src={clinic.logo} alt={`${clinic.name} logo`} />}
      <div>
        <p className="report-clinic">{clinic?.name ?? 'Clinic not set up'}</p>
        {clinic?.address && <p className="report-address">{clinic.address}</p>}
        {clinic?.phone && <p className="report-address">Phone {clinic.phone}</p>}
      </div>
    </header>
  );
}

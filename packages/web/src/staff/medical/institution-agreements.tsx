import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Institution } from '../../medical/medical-api.ts';
import { AgreementCard } from './agreement-card.tsx';
import { AgreementStandingForm } from './agreement-standing-form.tsx';

/**
 * An institution's agreements, the latest first, each with its history; an officer (`manage`) changes
 * their standing under each. The institution's own account reads them.
 */
export function InstitutionAgreements({
  institution,
  manage,
}: {
  institution: Institution;
  manage: boolean;
}) {
  const { t } = useTranslation();
  if (institution.agreements.length === 0)
    return <Typography.Paragraph type="secondary">{t('medicalPages.agreements.none')}</Typography.Paragraph>;
  const latestFirst = [...institution.agreements].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <div className="medical-agreements">
      {latestFirst.map((agreement) => (
        <AgreementCard
          key={agreement.id}
          agreement={agreement}
          actions={
            manage ? (
              <AgreementStandingForm institutionId={institution.id} agreement={agreement} />
            ) : undefined
          }
        />
      ))}
    </div>
  );
}

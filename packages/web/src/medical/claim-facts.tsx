import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClaimStatusTag } from './claim-status-tag.tsx';
import type { Claim } from './medical-api.ts';

/** Whose claim, where and when: what the counter and a claim's page show above the amounts. */
export function ClaimFacts({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  // The account that paid: the patient's own, or a close relative's (GBF-2021-14).
  const relation =
    claim.accountHolder?.personId === claim.person.id
      ? t('medicalPages.claim.ownAccount')
      : t('medicalPages.claim.relativeAccount');
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} className="medical-facts">
      <Descriptions.Item label={t('medicalPages.claim.claimNo')}>
        <code>{claim.claimNo}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.claim.status')}>
        <ClaimStatusTag claim={claim} />
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.claim.patient')}>
        {claim.person.name} {claim.person.idNumberMasked}
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.claim.personType')}>
        {t(`medicalPages.personTypes.${claim.personType}`)} · {t(`medicalPages.schemes.${claim.scheme}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.claim.institution')}>
        {claim.institution.name}
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.claim.kind')}>
        {t(`medicalPages.kinds.${claim.kind}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.claim.visitDate')}>
        {claim.dischargeDate
          ? t('medicalPages.claim.stay', { from: claim.visitDate, to: claim.dischargeDate })
          : claim.visitDate}
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.claim.settledOn')}>{claim.settledOn}</Descriptions.Item>
      {claim.accountHolder && (
        <Descriptions.Item label={t('medicalPages.claim.accountHolder')}>
          {relation} {claim.accountHolder.idNumberMasked}
        </Descriptions.Item>
      )}
      {claim.cancellation && (
        <Descriptions.Item label={t('medicalPages.claim.cancellation')}>
          {t('medicalPages.claim.cancelledOn', {
            date: claim.cancellation.cancelledOn,
            reason: claim.cancellation.reason,
          })}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

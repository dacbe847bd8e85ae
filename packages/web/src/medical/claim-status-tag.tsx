import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Claim } from './medical-api.ts';

/** Settled or cancelled; a cancelled claim stands out (its amounts went back). */
export function ClaimStatusTag({ claim }: { claim: Pick<Claim, 'status'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={claim.status === 'cancelled' ? 'default' : 'green'} data-status={claim.status}>
      {t(`medicalPages.statuses.${claim.status}`)}
    </Tag>
  );
}

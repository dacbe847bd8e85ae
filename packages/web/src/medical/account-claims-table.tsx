import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClaimSettlement } from './claim-settlement.tsx';
import { ClaimStatusTag } from './claim-status-tag.tsx';
import type { Claim } from './medical-api.ts';
import { Money } from './money-cell.tsx';

/**
 * A person's claims, newest first: where and when, what the fund, the account and the cash paid, and
 * whether it stands; a row opens to the claim's whole settlement and its explanation.
 */
export function AccountClaimsTable({ claims }: { claims: Claim[] }) {
  const { t } = useTranslation();
  const money = (name: 'totalFen' | 'pooledFen' | 'accountFen' | 'cashFen') => ({
    title: t(`medicalPages.amounts.${name}`),
    dataIndex: name,
    align: 'right' as const,
    render: (fen: number) => <Money fen={fen} name={name} />,
  });
  return (
    <Table<Claim>
      className="medical-claims"
      size="small"
      rowKey="claimNo"
      dataSource={claims}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 860 }}
      locale={{ emptyText: t('medicalPages.account.noClaims') }}
      rowClassName={(claim) => (claim.status === 'cancelled' ? 'medical-row-cancelled' : '')}
      onRow={(claim) => ({ 'data-claim-no': claim.claimNo }) as object}
      columns={[
        {
          title: t('medicalPages.claim.visitDate'),
          dataIndex: 'visitDate',
          render: (date: string, claim) => (claim.dischargeDate ? `${date} – ${claim.dischargeDate}` : date),
        },
        { title: t('medicalPages.claim.institution'), dataIndex: ['institution', 'name'] },
        {
          title: t('medicalPages.claim.kind'),
          dataIndex: 'kind',
          render: (kind: Claim['kind']) => t(`medicalPages.kinds.${kind}`),
        },
        money('totalFen'),
        money('pooledFen'),
        money('accountFen'),
        money('cashFen'),
        {
          title: t('medicalPages.claim.status'),
          dataIndex: 'status',
          render: (_status: string, claim) => <ClaimStatusTag claim={claim} />,
        },
      ]}
      expandable={{
        // A fixed expand column keeps the opened claim within the visible width on a phone, where the
        // row itself scrolls sideways (rc-table draws the expanded row sticky then).
        fixed: 'left',
        expandedRowRender: (claim) => <ClaimSettlement claim={claim} headingLevel={3} />,
        expandIcon: ({ expanded, onExpand, record: claim }) => (
          <Button
            size="small"
            type="text"
            aria-expanded={expanded}
            aria-label={t(expanded ? 'medicalPages.account.collapse' : 'medicalPages.account.expand', {
              date: claim.visitDate,
              institution: claim.institution.name,
            })}
            onClick={(event) => onExpand(claim, event)}
          >
            {expanded ? '−' : '+'}
          </Button>
        ),
      }}
    />
  );
}

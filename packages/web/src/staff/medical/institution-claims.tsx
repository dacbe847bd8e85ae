import { addMonths } from '@shebao/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ClaimStatusTag } from '../../medical/claim-status-tag.tsx';
import { CLAIMS_LIMIT, fetchClaims, medicalKeys, type Claim } from '../../medical/medical-api.ts';
import { Money } from '../../medical/money-cell.tsx';
import { chinaToday } from '../../shell/agency-clock.ts';
import { DateField } from '../../shell/date-field.tsx';
import { problemMessage } from '../problem-message.tsx';

/**
 * An institution's claims settled between two days, newest first, each opening its page (the claim's
 * settlement, its explanation and its cancellation). From the first day of last month to today unless the
 * reader chooses other days.
 */
export function InstitutionClaims({ institutionId }: { institutionId: number }) {
  const { t } = useTranslation();
  const today = chinaToday();
  const [from, setFrom] = useState(`${addMonths(today.slice(0, 7), -1)}-01`);
  const [to, setTo] = useState(today);
  const claims = useQuery({
    queryKey: medicalKeys.claims(institutionId, from, to),
    queryFn: () => fetchClaims(institutionId, from, to),
  });
  const money = (name: 'totalFen' | 'pooledFen' | 'accountFen' | 'cashFen') => ({
    title: t(`medicalPages.amounts.${name}`),
    dataIndex: name,
    align: 'right' as const,
    render: (fen: number) => <Money fen={fen} name={name} />,
  });
  return (
    <div className="medical-institution-claims">
      <div className="medical-toolbar">
        <div className="medical-toolbar-field">
          <label htmlFor="claims-from">{t('medicalPages.claims.from')}</label>
          <DateField id="claims-from" value={from} max={to} onChange={setFrom} />
        </div>
        <div className="medical-toolbar-field">
          <label htmlFor="claims-to">{t('medicalPages.claims.to')}</label>
          <DateField id="claims-to" value={to} min={from} max={today} onChange={setTo} />
        </div>
      </div>
      {claims.isError ? (
        <ProblemAlert error={claims.error} describe={problemMessage} />
      ) : (
        <>
          {claims.data?.length === CLAIMS_LIMIT && (
            <Alert
              type="info"
              showIcon
              className="medical-outcome"
              title={t('medicalPages.claims.limited', { count: CLAIMS_LIMIT })}
            />
          )}
          <Table<Claim>
            className="medical-claims"
            size="small"
            rowKey="claimNo"
            loading={claims.isPending}
            dataSource={claims.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('medicalPages.claims.empty') }}
            rowClassName={(claim) => (claim.status === 'cancelled' ? 'medical-row-cancelled' : '')}
            onRow={(claim) => ({ 'data-claim-no': claim.claimNo }) as object}
            columns={[
              { title: t('medicalPages.claim.settledOn'), dataIndex: 'settledOn' },
              {
                title: t('medicalPages.claim.claimNo'),
                dataIndex: 'claimNo',
                render: (claimNo: string) => (
                  <Link to={`/staff/medical/claims/${encodeURIComponent(claimNo)}`}>{claimNo}</Link>
                ),
              },
              {
                title: t('medicalPages.claim.patient'),
                key: 'patient',
                render: (_value, claim) => `${claim.person.name} ${claim.person.idNumberMasked}`,
              },
              {
                title: t('medicalPages.claim.kind'),
                dataIndex: 'kind',
                render: (kind: Claim['kind']) => t(`medicalPages.kinds.${kind}`),
              },
              { title: t('medicalPages.claim.visitDate'), dataIndex: 'visitDate' },
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
          />
        </>
      )}
    </div>
  );
}

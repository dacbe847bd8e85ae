import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { BenefitsLoading, LoadFailure } from './application-parts.tsx';
import { fetchPensionPayments, payrollKeys, type PensionPayments as Payments } from './payroll-api.ts';

type AwardPayments = Payments['awards'][number];
type Line = AwardPayments['lines'][number];

const STATE_COLOURS: Record<Line['state'], string> = {
  paid: 'green',
  owed: 'blue',
  returned: 'red',
  withheld: 'orange',
  released: 'default',
};

/**
 * A person's pension payments (docs/RULES.md 14.14–14.18): per award, its state, the next payment and how
 * it splits between the pooling fund and the personal account, the months paid and whether the bank paid
 * them, arrears and recoveries; and the estate's one-time payments and claims. Shown to the person and to
 * staff on the person's page.
 */
export function PensionPayments({ personId, headingLevel = 2 }: { personId: number; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const payments = useQuery({
    queryKey: payrollKeys.payments(personId),
    queryFn: () => fetchPensionPayments(personId),
  });
  if (payments.isPending) return <BenefitsLoading />;
  if (payments.isError) return <LoadFailure error={payments.error} onRetry={() => void payments.refetch()} />;
  const { awards, oneTime, claims } = payments.data;
  const month = (period: string) => formatPeriod(period, i18n.language);
  return (
    <section className="pension-payments" aria-labelledby="pension-payments-title">
      <Typography.Title level={headingLevel} id="pension-payments-title" className="section-title">
        {t('payrollPages.person.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('payrollPages.person.intro')}</Typography.Paragraph>
      {awards.map((award) => (
        <Card
          key={award.awardNo}
          className="pension-payments-award"
          data-status={award.status}
          data-kind={award.kind}
        >
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('benefitPages.claims.person.awardKind')}>
              {t(`benefitPages.claims.person.awardKinds.${award.kind as 'pension'}`, {
                defaultValue: award.kind,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('benefitPages.common.state')}>
              <Tag
                color={
                  award.status === 'in-payment' ? 'green' : award.status === 'withheld' ? 'orange' : 'default'
                }
              >
                {t(`payrollPages.person.status.${award.status}`)}
              </Tag>
              {award.stoppedAfter &&
                t('payrollPages.person.stoppedAfter', { period: month(award.stoppedAfter) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('payrollPages.person.payee')}>
              {award.payee.bank} {award.payee.accountMasked}
            </Descriptions.Item>
            <Descriptions.Item label={t('payrollPages.person.verifiedLabel')}>
              {month(award.verifiedThrough)}
            </Descriptions.Item>
            {award.next && (
              <Descriptions.Item label={t('payrollPages.person.next')}>
                <div className="next-payment">
                  <strong>
                    {t('payrollPages.person.nextAmount', {
                      period: month(award.next.period),
                      amount: formatYuan(award.next.dueFen),
                    })}
                  </strong>
                  <div>
                    {t('payrollPages.person.nextSplit', {
                      pooled: formatYuan(award.next.pooledFen),
                      account: formatYuan(award.next.accountFen),
                    })}
                  </div>
                  {award.next.waitingFen !== 0 && (
                    <div>
                      {t('payrollPages.person.waiting', { amount: formatYuan(award.next.waitingFen) })}
                    </div>
                  )}
                </div>
              </Descriptions.Item>
            )}
          </Descriptions>
          {award.next?.withheld && (
            <Alert
              type="warning"
              showIcon
              className="benefit-decision"
              title={t('payrollPages.person.withheldNote')}
            />
          )}
          <Typography.Title level={(headingLevel + 1) as 3 | 4} className="section-title">
            {t('payrollPages.person.history')}
          </Typography.Title>
          <Table<Line>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={award.lines}
            locale={{ emptyText: t('payrollPages.person.noLines') }}
            columns={[
              { title: t('payrollPages.person.columns.period'), dataIndex: 'period', render: month },
              {
                title: t('payrollPages.person.columns.due'),
                dataIndex: 'dueFen',
                align: 'right',
                render: formatYuan,
              },
              {
                title: t('payrollPages.person.columns.pooled'),
                dataIndex: 'pooledFen',
                align: 'right',
                render: formatYuan,
              },
              {
                title: t('payrollPages.person.columns.account'),
                dataIndex: 'accountFen',
                align: 'right',
                render: formatYuan,
              },
              {
                title: t('payrollPages.person.columns.net'),
                dataIndex: 'netFen',
                align: 'right',
                render: formatYuan,
              },
              {
                title: t('payrollPages.person.columns.state'),
                dataIndex: 'state',
                render: (state: Line['state'], line) => (
                  <>
                    <Tag color={STATE_COLOURS[state]}>{t(`payrollPages.person.lineStates.${state}`)}</Tag>
                    {line.returnReason && (
                      <div className="return-reason">
                        {t('payrollPages.person.returnReason', { reason: line.returnReason })}
                      </div>
                    )}
                  </>
                ),
              },
              {
                title: t('payrollPages.person.columns.paidOn'),
                dataIndex: 'paidOn',
                render: (on) => on ?? '—',
              },
            ]}
          />
          {award.adjustments.length > 0 && (
            <>
              <Typography.Title level={(headingLevel + 1) as 3 | 4} className="section-title">
                {t('payrollPages.person.adjustments')}
              </Typography.Title>
              <Table
                rowKey={(item) => `${item.forPeriod}-${item.reason}-${item.amountFen}-${item.note}`}
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={award.adjustments}
                columns={[
                  {
                    title: t('payrollPages.person.columns.forPeriod'),
                    dataIndex: 'forPeriod',
                    render: month,
                  },
                  {
                    title: t('payrollPages.person.columns.amount'),
                    dataIndex: 'amountFen',
                    align: 'right',
                    render: formatYuan,
                  },
                  { title: t('payrollPages.person.columns.reason'), dataIndex: 'note' },
                  {
                    title: t('payrollPages.person.columns.settled'),
                    dataIndex: 'settled',
                    render: (settled: boolean) =>
                      t(settled ? 'benefitPages.common.yes' : 'benefitPages.common.no'),
                  },
                ]}
              />
            </>
          )}
        </Card>
      ))}
      {oneTime.length > 0 && (
        <>
          <Typography.Title level={(headingLevel + 1) as 3 | 4} className="section-title">
            {t('payrollPages.person.oneTime')}
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={oneTime}
            columns={[
              {
                title: t('payrollPages.person.columns.kind'),
                dataIndex: 'kind',
                render: (kind: Payments['oneTime'][number]['kind']) =>
                  t(`payrollPages.person.oneTimeKinds.${kind}`),
              },
              { title: t('payrollPages.person.columns.payeeName'), dataIndex: 'payeeName' },
              {
                title: t('payrollPages.person.columns.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: formatYuan,
              },
              {
                title: t('payrollPages.person.columns.recovered'),
                dataIndex: 'recoveredFen',
                align: 'right',
                render: formatYuan,
              },
              {
                title: t('payrollPages.person.columns.state'),
                dataIndex: 'state',
                render: (state: Payments['oneTime'][number]['state']) =>
                  t(`payrollPages.person.oneTimeStates.${state}`),
              },
            ]}
          />
        </>
      )}
      {claims.length > 0 && (
        <>
          <Typography.Title level={(headingLevel + 1) as 3 | 4} className="section-title">
            {t('payrollPages.person.claims')}
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={claims}
            columns={[
              {
                title: t('payrollPages.person.columns.months'),
                dataIndex: 'months',
                render: (months: string[]) => months.map(month).join(', '),
              },
              {
                title: t('payrollPages.person.columns.amount'),
                dataIndex: 'totalFen',
                align: 'right',
                render: formatYuan,
              },
              {
                title: t('payrollPages.person.columns.recovered'),
                dataIndex: 'recoveredFen',
                align: 'right',
                render: formatYuan,
              },
              { title: t('payrollPages.person.columns.reason'), dataIndex: 'reason' },
            ]}
          />
        </>
      )}
    </section>
  );
}

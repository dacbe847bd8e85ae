import { useQuery } from '@tanstack/react-query';
import { Descriptions, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatPeriod, formatYuan } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { formatDailyRate } from './daily-rate.ts';
import { fetchEmployerArrears, type EmployerArrears } from './money-api.ts';
import { reasonAlone } from './problem-text.ts';
import { chinaToday } from '../../shell/agency-clock.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';

const A = 'staffMoneyPages.arrears';
const BILL_KINDS = ['regular', 'settlement', 'adjustment', 'late_fee'] as const;

/** /staff/arrears/employers/:employerId: one employer's unpaid bills, each with its days and late fee. */
export function EmployerArrearsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t(`${A}.detailTitle`));
  const employerId = Number(useParams().employerId);
  const [search] = useSearchParams();
  const name = search.get('name');
  const code = search.get('code');
  const asOf = chinaToday();
  const arrears = useQuery({
    queryKey: ['staff-money', 'employer-arrears', employerId, asOf],
    queryFn: () => fetchEmployerArrears(employerId, asOf),
    enabled: Number.isSafeInteger(employerId) && employerId > 0,
    retry: false,
  });
  return (
    <div className="page money-page">
      <Link to="/staff/arrears">← {t(`${A}.back`)}</Link>
      <Typography.Title level={1}>{name ?? t(`${A}.detailTitle`)}</Typography.Title>
      {name && (
        <Typography.Paragraph>
          {t(`${A}.detailTitle`)}
          {code && (
            <>
              {' · '}
              <span translate="no">{code}</span>
            </>
          )}
        </Typography.Paragraph>
      )}
      {arrears.isPending && (
        <div role="status">
          <Spin size="small" /> {t('staffMoneyPages.common.loading')}
        </div>
      )}
      {arrears.isError && <ProblemAlert error={arrears.error} describe={reasonAlone} />}
      {arrears.data && (
        <EmployerArrearsBody arrears={arrears.data} language={i18n.language} payerCode={code} />
      )}
    </div>
  );
}

function EmployerArrearsBody({
  arrears,
  language,
  payerCode,
}: {
  arrears: EmployerArrears;
  language: string;
  payerCode: string | null;
}) {
  const { t } = useTranslation();
  const money = (fen: number) => formatYuan(fen);
  const kindName = (kind: string) =>
    (BILL_KINDS as readonly string[]).includes(kind)
      ? t(`staffMoneyPages.receipt.billKinds.${kind as 'regular'}`)
      : kind;
  return (
    <>
      <Descriptions column={1} bordered size="small" className="money-receipt-facts">
        <Descriptions.Item label={t(`${A}.asOf`)}>{arrears.asOf}</Descriptions.Item>
        <Descriptions.Item label={t(`${A}.contributionsOwed`)}>
          {money(arrears.contributionsOwedFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${A}.lateFeesOwed`)}>{money(arrears.lateFeesOwedFen)}</Descriptions.Item>
        <Descriptions.Item label={t(`${A}.accruingLateFee`)}>
          {money(arrears.accruingLateFeeFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${A}.lateFeesCharged`)}>
          {money(arrears.lateFeesChargedFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${A}.dailyRate`)}>
          {arrears.dailyRatePpm === null ? t(`${A}.noRate`) : formatDailyRate(arrears.dailyRatePpm)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph className="money-toolbar">
        <Link
          to={payerCode ? `/staff/payments?${new URLSearchParams({ payer: payerCode })}` : '/staff/payments'}
        >
          {t(`${A}.recordPayment`)}
        </Link>
      </Typography.Paragraph>
      <Table
        rowKey="billNo"
        size="middle"
        pagination={false}
        dataSource={arrears.bills}
        locale={{ emptyText: t(`${A}.none`) }}
        scroll={{ x: true }}
        columns={[
          { title: t(`${A}.billNo`), dataIndex: 'billNo' },
          {
            title: t(`${A}.period`),
            dataIndex: 'period',
            render: (period: string) => formatPeriod(period, language),
          },
          { title: t('staffMoneyPages.receipt.kind'), dataIndex: 'kind', render: kindName },
          { title: t(`${A}.dueDate`), dataIndex: 'dueDate' },
          { title: t(`${A}.billOwed`), dataIndex: 'owedFen', align: 'right', render: money },
          { title: t(`${A}.daysOverdue`), dataIndex: 'daysOverdue', align: 'right' },
          {
            title: t(`${A}.accruingLateFee`),
            dataIndex: 'accruingLateFeeFen',
            align: 'right',
            render: money,
          },
        ]}
      />
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { billKindKey } from './bill-status.ts';
import { fetchSummary, type EmployerSummary } from './employer-api.ts';
import { HowToPay } from './how-to-pay.tsx';
import { PayOnline } from './pay-online.tsx';
import { QueryState } from './query-state.tsx';

type OpenBill = EmployerSummary['bills'][number];

/** The query of the start page, shared with the bill page (which shows the same payment details). */
export function useEmployerSummary(employerId: number) {
  return useQuery({
    queryKey: ['employer', employerId, 'summary'],
    queryFn: () => fetchSummary(employerId),
  });
}

/**
 * /employer: the company, what it owes and by when, the amount that clears everything today with the
 * button to pay it online, how to pay by bank transfer, and what is left to do.
 */
export function EmployerHomePage({ employerId }: { employerId: number }) {
  const { t } = useTranslation();
  usePageTitle(t('employerPages.nav.home'));
  const summary = useEmployerSummary(employerId);
  return (
    <div className="page">
      <QueryState query={summary}>
        {(data) => (
          <>
            <Typography.Title level={1}>{data.employer.name}</Typography.Title>
            <Typography.Paragraph className="employer-credit-code">
              {t('employerPages.home.creditCode')}{' '}
              <span className="employer-mono">{data.employer.creditCode}</span>
            </Typography.Paragraph>
            <Figures summary={data} />
            <ToDo summary={data} />
            <PayOnline employerId={employerId} dueToday={data.dueToday} />
            <OpenBills bills={data.bills} />
            <HowToPay howToPay={data.howToPay} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function Figures({ summary }: { summary: EmployerSummary }) {
  const { t } = useTranslation();
  return (
    <div className="employer-figures" role="group" aria-label={t('employerPages.home.figures')}>
      <Card>
        <Statistic title={t('employerPages.home.dueToday')} value={formatYuan(summary.dueToday.totalFen)} />
        <Typography.Text type="secondary">
          {t('employerPages.home.dueTodayHelp', { date: summary.asOf })}
        </Typography.Text>
      </Card>
      <Card>
        <Statistic title={t('employerPages.home.overdue')} value={formatYuan(summary.overdueFen)} />
        {summary.dueToday.lateFeeFen > 0 && (
          <Typography.Text type="danger">
            {t('employerPages.home.lateFee', { amount: formatYuan(summary.dueToday.lateFeeFen) })}
          </Typography.Text>
        )}
      </Card>
      <Card>
        <Statistic
          title={t('employerPages.home.nextDue')}
          value={summary.nextDue ? formatYuan(summary.nextDue.owedFen) : '—'}
        />
        <Typography.Text type="secondary">
          {summary.nextDue
            ? t('employerPages.home.nextDueBy', { date: summary.nextDue.dueDate })
            : t('employerPages.home.nothingAhead')}
        </Typography.Text>
      </Card>
    </div>
  );
}

function ToDo({ summary }: { summary: EmployerSummary }) {
  const { t, i18n } = useTranslation();
  const { toDo } = summary;
  const items = [
    toDo.monthToDeclare !== null && (
      <li key="declare">
        <Link to="/employer/bases">
          {t('employerPages.home.declareMonth', { period: formatPeriod(toDo.monthToDeclare, i18n.language) })}
        </Link>
      </li>
    ),
    toDo.staffWithoutBase > 0 && (
      <li key="bases">
        <Link to="/employer/bases">
          {t('employerPages.home.declareBases', {
            count: toDo.staffWithoutBase,
            cycle: formatPeriod(toDo.cycleStart, i18n.language),
          })}
        </Link>
      </li>
    ),
    toDo.overdueBills > 0 && (
      <li key="overdue">
        <Link to="/employer/arrears">{t('employerPages.home.payOverdue', { count: toDo.overdueBills })}</Link>
      </li>
    ),
  ].filter(Boolean);
  return (
    <section className="employer-to-do" aria-labelledby="to-do-title">
      <Typography.Title level={2} id="to-do-title" className="employer-card-title">
        {t('employerPages.home.toDo')}
      </Typography.Title>
      {items.length > 0 ? (
        <Alert type="warning" showIcon title={<ul className="employer-to-do-list">{items}</ul>} />
      ) : (
        <Alert type="success" showIcon title={t('employerPages.home.nothingToDo')} />
      )}
    </section>
  );
}

function OpenBills({ bills }: { bills: readonly OpenBill[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="employer-open-bills" aria-labelledby="open-bills-title">
      <Typography.Title level={2} id="open-bills-title" className="employer-card-title">
        {t('employerPages.home.openBills')}
      </Typography.Title>
      <Table<OpenBill>
        aria-label={t('employerPages.home.openBills')}
        rowKey="billNo"
        size="small"
        dataSource={[...bills]}
        pagination={bills.length > 12 ? { pageSize: 12 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('employerPages.home.noOpenBills') }}
        columns={[
          {
            title: t('employerPages.bills.billNo'),
            dataIndex: 'billNo',
            className: 'employer-name',
            render: (billNo: string) => <Link to={`/employer/bills/${billNo}`}>{billNo}</Link>,
          },
          {
            title: t('employerPages.bills.period'),
            dataIndex: 'period',
            className: 'employer-amount',
            render: (period: string) => formatPeriod(period, i18n.language),
          },
          {
            title: t('employerPages.bills.kind'),
            dataIndex: 'kind',
            render: (kind: string) => {
              const key = billKindKey(kind);
              return key ? t(key) : kind;
            },
          },
          {
            title: t('employerPages.bills.dueDate'),
            dataIndex: 'dueDate',
            className: 'employer-amount',
            render: (dueDate: string, bill) => (
              <>
                {dueDate} {bill.overdue && <Tag color="red">{t('employerPages.home.overdueTag')}</Tag>}
              </>
            ),
          },
          {
            title: t('employerPages.bills.owed'),
            dataIndex: 'owedFen',
            align: 'right',
            className: 'employer-amount',
            render: (fen: number) => formatYuan(fen),
          },
          {
            title: t('employerPages.home.lateFeeToday'),
            dataIndex: 'lateFeeFen',
            align: 'right',
            className: 'employer-amount',
            render: (fen: number) => formatYuan(fen),
          },
        ]}
      />
    </section>
  );
}

import { EMPLOYEE_COLUMNS, EMPLOYER_COLUMNS } from '@shebao/domain';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { billKindKey, billStatus } from './bill-status.ts';
import { fetchBill, fetchMonthlyDetails, type BillDetail, type MonthlyDetails } from './employer-api.ts';
import { useEmployerSummary } from './home-page.tsx';
import { HowToPay } from './how-to-pay.tsx';
import { MonthlyDetailsTable, NAME_WIDTH } from './monthly-details-table.tsx';
import { QueryState } from './query-state.tsx';

type Line = BillDetail['lines'][number];

/** What the employer and the employee pay of a line, by the domain's column catalogue. */
const sum = (line: Line, columns: readonly { column: string }[]) =>
  columns.reduce((total, { column }) => total + (line.amounts[column] ?? 0), 0);

/**
 * /employer/bills/:billNo: one bill, its line per employee, and the month's per-employee details the
 * employer must pass on to its staff (SIL Art. 60).
 */
export function BillPage({ employerId }: { employerId: number }) {
  const { t, i18n } = useTranslation();
  const { billNo = '' } = useParams();
  usePageTitle(t('employerPages.bill.title', { billNo }));
  const bill = useQuery({
    queryKey: ['employer', employerId, 'bill', billNo],
    queryFn: () => fetchBill(billNo),
  });
  const period = bill.data?.kind === 'late_fee' ? undefined : bill.data?.period;
  const details = useQuery({
    queryKey: ['employer', employerId, 'monthly-details', period],
    queryFn: () => fetchMonthlyDetails(employerId, period!),
    enabled: period !== undefined,
  });
  // How to pay: the same collection account and reference as on the start page.
  const summary = useEmployerSummary(employerId);
  return (
    <div className="page">
      <Link to="/employer/bills">{t('employerPages.common.back')}</Link>
      <Typography.Title level={1}>{t('employerPages.bill.title', { billNo })}</Typography.Title>
      {bill.error instanceof ApiError && (bill.error.status === 404 || bill.error.status === 403) ? (
        <Typography.Paragraph role="alert">{t('employerPages.bill.notFound')}</Typography.Paragraph>
      ) : (
        <QueryState query={bill}>
          {(data) => (
            <>
              <BillSummary bill={data} language={i18n.language} />
              {summary.data && <HowToPay howToPay={summary.data.howToPay} />}
              {data.lines.length > 0 && (
                <>
                  <Typography.Title level={2}>{t('employerPages.bill.lines')}</Typography.Title>
                  <Typography.Paragraph>{t('employerPages.bill.linesIntro')}</Typography.Paragraph>
                  <BillLines lines={data.lines} details={details.data} />
                </>
              )}
              {period !== undefined && (
                <>
                  <Typography.Title level={2}>{t('employerPages.bill.details')}</Typography.Title>
                  <Typography.Paragraph>{t('employerPages.bill.detailsIntro')}</Typography.Paragraph>
                  <QueryState query={details}>
                    {(reply) => <MonthlyDetailsTable details={reply} />}
                  </QueryState>
                </>
              )}
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}

function BillSummary({ bill, language }: { bill: BillDetail; language: string }) {
  const { t } = useTranslation();
  const kind = billKindKey(bill.kind);
  const status = billStatus(bill);
  return (
    <Descriptions
      title={<h2 className="employer-card-title">{t('employerPages.bill.summary')}</h2>}
      bordered
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
    >
      <Descriptions.Item label={t('employerPages.bills.period')}>
        {formatPeriod(bill.period, language)}
      </Descriptions.Item>
      <Descriptions.Item label={t('employerPages.bills.kind')}>
        {kind ? t(kind) : bill.kind}
        {bill.estimated ? ` ${t('employerPages.bills.estimated')}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('employerPages.bills.dueDate')}>{bill.dueDate}</Descriptions.Item>
      <Descriptions.Item label={t('employerPages.bills.employerPart')}>
        {formatYuan(bill.employerFen)}
      </Descriptions.Item>
      <Descriptions.Item label={t('employerPages.bills.employeePart')}>
        {formatYuan(bill.employeeFen)}
      </Descriptions.Item>
      <Descriptions.Item label={t('employerPages.bills.total')}>
        {formatYuan(bill.totalFen)}
      </Descriptions.Item>
      <Descriptions.Item label={t('employerPages.bills.paid')}>{formatYuan(bill.paidFen)}</Descriptions.Item>
      <Descriptions.Item label={t('employerPages.bills.owed')}>
        {formatYuan(Math.max(0, bill.totalFen - bill.paidFen))}
      </Descriptions.Item>
      <Descriptions.Item label={t('employerPages.bills.status')}>
        <Tag>{t(`employerPages.bills.statuses.${status}`)}</Tag>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The bill's lines; names come from the month's details, which list the same persons. */
function BillLines({ lines, details }: { lines: readonly Line[]; details: MonthlyDetails | undefined }) {
  const { t, i18n } = useTranslation();
  const people = new Map(details?.employees.map((employee) => [employee.personId, employee]) ?? []);
  return (
    <Table<Line>
      aria-label={t('employerPages.bill.lines')}
      rowKey={(line) => `${line.personId}-${line.period}`}
      dataSource={[...lines]}
      size="small"
      pagination={lines.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('employerPages.bill.name'),
          fixed: 'left',
          width: NAME_WIDTH,
          className: 'employer-name',
          render: (_, line) =>
            (line.personId !== null && people.get(line.personId)?.name) ||
            t('employerPages.bill.unknownPerson', { id: line.personId ?? '' }),
        },
        {
          title: t('employerPages.bill.idNumber'),
          className: 'employer-mono',
          render: (_, line) => (line.personId !== null && people.get(line.personId)?.idNumberMasked) || '',
        },
        {
          title: t('employerPages.bills.period'),
          render: (_, line) => formatPeriod(line.period, i18n.language),
        },
        {
          title: t('employerPages.bill.base'),
          align: 'right',
          className: 'employer-amount',
          render: (_, line) => formatYuan(line.amounts.pension_base_fen ?? 0),
        },
        {
          title: t('employerPages.bill.employer'),
          align: 'right',
          className: 'employer-amount',
          render: (_, line) => formatYuan(sum(line, EMPLOYER_COLUMNS)),
        },
        {
          title: t('employerPages.bill.employee'),
          align: 'right',
          className: 'employer-amount',
          render: (_, line) => formatYuan(sum(line, EMPLOYEE_COLUMNS)),
        },
      ]}
    />
  );
}

import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../shell/format.ts';
import type { MonthlyDetails } from './employer-api.ts';

type Employee = MonthlyDetails['employees'][number];

/** The name column's width in px: four Chinese characters or a short Latin name, on one line. */
export const NAME_WIDTH = 112;

const INSURANCES = ['pension', 'medical', 'maternity', 'unemployment', 'work_injury'] as const;

/** Each employee's month: per insurance the base and both parties' amounts, totals, personal accounts, paid. */
export function MonthlyDetailsTable({ details }: { details: MonthlyDetails }) {
  const { t } = useTranslation();
  const present = INSURANCES.filter((insurance) =>
    details.employees.some((employee) => employee.insurances[insurance] !== undefined),
  );
  return (
    <Table<Employee>
      aria-label={t('employerPages.bill.details')}
      className="monthly-details"
      rowKey="personId"
      dataSource={details.employees}
      size="small"
      bordered
      pagination={details.employees.length > 20 ? { pageSize: 20 } : false}
      // As wide as its content, scrolled sideways inside its own box with the name column kept in view:
      // a fixed table layout would share the width out evenly and break names one character per line.
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('employerPages.common.empty') }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2 + present.length}>
            {t('employerPages.bill.totals')}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {formatYuan(details.totals.employerFen)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {formatYuan(details.totals.employeeFen)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} colSpan={3} />
        </Table.Summary.Row>
      )}
      columns={[
        {
          title: t('employerPages.bill.name'),
          dataIndex: 'name',
          fixed: 'left',
          width: NAME_WIDTH,
          className: 'employer-name',
        },
        { title: t('employerPages.bill.idNumber'), dataIndex: 'idNumberMasked', className: 'employer-mono' },
        ...present.map((insurance) => ({
          title: t(`employerPages.bill.insurances.${insurance}`),
          key: insurance,
          render: (_: unknown, employee: Employee) => {
            const detail = employee.insurances[insurance];
            if (!detail) return '—';
            return (
              <span className="insurance-cell">
                <span>{formatYuan(detail.baseFen)}</span>
                <span>
                  {t('employerPages.bill.employer')} {formatYuan(detail.employerFen)}
                </span>
                <span>
                  {t('employerPages.bill.employee')} {formatYuan(detail.employeeFen)}
                </span>
              </span>
            );
          },
        })),
        {
          title: t('employerPages.bill.employer'),
          align: 'right' as const,
          className: 'employer-amount',
          render: (_: unknown, employee: Employee) => formatYuan(employee.employerFen),
        },
        {
          title: t('employerPages.bill.employee'),
          align: 'right' as const,
          className: 'employer-amount',
          render: (_: unknown, employee: Employee) => formatYuan(employee.employeeFen),
        },
        {
          title: `${t('employerPages.bill.accounts')}: ${t('employerPages.bill.pensionAccount')}`,
          align: 'right' as const,
          className: 'employer-amount',
          render: (_: unknown, employee: Employee) => formatYuan(employee.personalAccounts.pensionFen),
        },
        {
          title: `${t('employerPages.bill.accounts')}: ${t('employerPages.bill.medicalAccount')}`,
          align: 'right' as const,
          className: 'employer-amount',
          render: (_: unknown, employee: Employee) => formatYuan(employee.personalAccounts.medicalFen),
        },
        {
          title: t('employerPages.bill.paidFlag'),
          render: (_: unknown, employee: Employee) => (
            <Tag color={employee.paid ? 'green' : 'red'}>
              {employee.paid ? t('employerPages.common.yes') : t('employerPages.common.no')}
            </Tag>
          ),
        },
      ]}
    />
  );
}

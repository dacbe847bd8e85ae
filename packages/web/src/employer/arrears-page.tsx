import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Form, Statistic, Table, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { chinaToday } from '../shell/agency-clock.ts';
import { DateField } from '../shell/date-field.tsx';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { billKindKey } from './bill-status.ts';
import { fetchArrears, type Arrears } from './employer-api.ts';
import { QueryState } from './query-state.tsx';

type ArrearsBill = Arrears['bills'][number];

/** /employer/arrears: what is owed on a day (today by default), days overdue and the late fee running. */
export function ArrearsPage({ employerId }: { employerId: number }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('employerPages.arrears.title'));
  const [asOf, setAsOf] = useState(chinaToday());
  const dateId = useId();
  const helpId = useId();
  const arrears = useQuery({
    queryKey: ['employer', employerId, 'arrears', asOf],
    queryFn: () => fetchArrears(employerId, asOf),
  });
  return (
    <div className="page">
      <Typography.Title level={1}>{t('employerPages.arrears.title')}</Typography.Title>
      <Typography.Paragraph>{t('employerPages.arrears.intro')}</Typography.Paragraph>
      <Form layout="inline" className="employer-toolbar">
        <Form.Item
          label={t('employerPages.arrears.asOf')}
          htmlFor={dateId}
          extra={<span id={helpId}>{t('employerPages.arrears.asOfHelp')}</span>}
        >
          <DateField
            id={dateId}
            value={asOf}
            allowClear={false}
            aria-describedby={helpId}
            onChange={(day) => day && setAsOf(day)}
          />
        </Form.Item>
      </Form>
      <QueryState query={arrears}>
        {(data) => (
          <>
            <div className="employer-figures">
              {/* Owed, due and overdue are three figures (docs/RULES.md 6.3): only the overdue part is arrears. */}
              <Card>
                <Statistic
                  title={t('employerPages.arrears.contributionsOverdue')}
                  value={formatYuan(data.contributionsOverdueFen)}
                />
              </Card>
              <Card>
                <Statistic
                  title={t('employerPages.arrears.contributionsDue')}
                  value={formatYuan(data.contributionsDueFen)}
                />
              </Card>
              <Card>
                <Statistic
                  title={t('employerPages.arrears.contributionsOwed')}
                  value={formatYuan(data.contributionsOwedFen)}
                />
              </Card>
              <Card>
                <Statistic
                  title={t('employerPages.arrears.accruing')}
                  value={formatYuan(data.accruingLateFeeFen)}
                />
              </Card>
              <Card>
                <Statistic
                  title={t('employerPages.arrears.lateFeesOwed')}
                  value={formatYuan(data.lateFeesOwedFen)}
                />
              </Card>
              <Card>
                <Statistic
                  title={t('employerPages.arrears.charged')}
                  value={formatYuan(data.lateFeesChargedFen)}
                />
              </Card>
            </div>
            {data.dailyRatePpm !== null && (
              <Typography.Paragraph>
                {t('employerPages.arrears.dailyRate')}:{' '}
                {t('employerPages.arrears.dailyRateValue', { rate: data.dailyRatePpm / 100 })}
              </Typography.Paragraph>
            )}
            {data.bills.length === 0 ? (
              <Alert
                type="success"
                showIcon
                role="status"
                title={t('employerPages.arrears.none', { asOf: data.asOf })}
              />
            ) : (
              <>
                <Typography.Title level={2}>{t('employerPages.arrears.listLabel')}</Typography.Title>
                <Table<ArrearsBill>
                  aria-label={t('employerPages.arrears.listLabel')}
                  rowKey="billNo"
                  dataSource={data.bills}
                  size="middle"
                  pagination={false}
                  scroll={{ x: true }}
                  columns={[
                    {
                      title: t('employerPages.bills.billNo'),
                      render: (_, bill) => (
                        <Link to={`/employer/bills/${encodeURIComponent(bill.billNo)}`}>{bill.billNo}</Link>
                      ),
                    },
                    {
                      title: t('employerPages.bills.period'),
                      render: (_, bill) => formatPeriod(bill.period, i18n.language),
                    },
                    {
                      title: t('employerPages.bills.kind'),
                      render: (_, bill) => {
                        const key = billKindKey(bill.kind);
                        return key ? t(key) : bill.kind;
                      },
                    },
                    { title: t('employerPages.bills.dueDate'), dataIndex: 'dueDate' },
                    {
                      title: t('employerPages.arrears.standing'),
                      render: (_, bill) => t(`employerPages.arrears.standings.${bill.standing}`),
                    },
                    {
                      title: t('employerPages.bills.owed'),
                      align: 'right',
                      render: (_, bill) => formatYuan(bill.owedFen),
                    },
                    {
                      title: t('employerPages.arrears.daysOverdue'),
                      dataIndex: 'daysOverdue',
                      align: 'right',
                    },
                    {
                      title: t('employerPages.arrears.accruingFee'),
                      align: 'right',
                      render: (_, bill) => formatYuan(bill.accruingLateFeeFen),
                    },
                  ]}
                />
              </>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

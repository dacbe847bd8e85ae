import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Form, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';
import { formatYuan } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { pagerTexts } from './pager-texts.ts';
import { CursorPager, useCursorPages } from '../../components/cursor-pager.tsx';
import { formatDailyRate } from './daily-rate.ts';
import { fetchRegionArrears, type PayerInArrears } from './money-api.ts';
import { PayerCell } from './payer-cell.tsx';
import { RegionSelect, useStaffRegion } from './region-select.tsx';
import { RetryAlert } from './retry-alert.tsx';
import { chinaToday } from '../../shell/agency-clock.ts';
import { DateField } from '../../shell/date-field.tsx';

const A = 'staffMoneyPages.arrears';
const PAGE_SIZE = 20;

/** /staff/arrears: the region's payers with overdue bills, how long, and the late fee running. */
export function ArrearsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${A}.title`));
  const region = useStaffRegion(user);
  const pages = useCursorPages();
  const [asOf, setAsOf] = useState(chinaToday());
  const arrears = useQuery({
    queryKey: ['staff-money', 'arrears', region.regionCode, asOf, pages.cursor],
    queryFn: () => fetchRegionArrears(region.regionCode, asOf, pages.cursor, PAGE_SIZE),
    enabled: region.regionCode !== '',
  });
  const money = (fen: number) => formatYuan(fen);
  const columns = [
    {
      title: t('staffMoneyPages.common.payer'),
      key: 'payer',
      render: (_: unknown, row: PayerInArrears) => <PayerCell payer={row.payer} />,
    },
    { title: t(`${A}.overdue`), dataIndex: 'overdueFen', align: 'right' as const, render: money },
    { title: t(`${A}.daysOverdue`), dataIndex: 'daysOverdue', align: 'right' as const },
    { title: t(`${A}.oldestDueDate`), dataIndex: 'oldestDueDate' },
    { title: t(`${A}.billsOverdue`), dataIndex: 'billsOverdue', align: 'right' as const },
    {
      title: t(`${A}.accruingLateFee`),
      dataIndex: 'accruingLateFeeFen',
      align: 'right' as const,
      render: money,
    },
    { title: t(`${A}.lateFeesOwed`), dataIndex: 'lateFeesOwedFen', align: 'right' as const, render: money },
    { title: t(`${A}.owed`), dataIndex: 'owedFen', align: 'right' as const, render: money },
    {
      title: t(`${A}.dailyRate`),
      dataIndex: 'dailyRatePpm',
      align: 'right' as const,
      render: (ppm: number | null) => (ppm === null ? t(`${A}.noRate`) : formatDailyRate(ppm)),
    },
  ];
  return (
    <div className="page money-page">
      <Typography.Title level={1}>{t(`${A}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${A}.intro`)}</Typography.Paragraph>
      <RegionSelect region={region} onChange={pages.reset} />
      <Form
        layout="inline"
        name="arrears-as-of"
        initialValues={{ asOf }}
        onFinish={(values: { asOf: string }) => {
          if (!values.asOf) return;
          setAsOf(values.asOf);
          pages.reset();
        }}
        className="money-toolbar"
      >
        <Form.Item name="asOf" label={t(`${A}.asOf`)} extra={t(`${A}.asOfHelp`)}>
          <DateField allowClear={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t(`${A}.show`)}
        </Button>
      </Form>
      {arrears.isError ? (
        <RetryAlert error={arrears.error} onRetry={arrears.refetch} />
      ) : (
        <>
          <Row gutter={16} className="money-stats" role="status">
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t(`${A}.totalOverdue`)}
                  value={arrears.data ? formatYuan(arrears.data.totalOverdueFen) : '…'}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t(`${A}.payers`)} value={arrears.data?.payersInArrears ?? '…'} />
              </Card>
            </Col>
          </Row>
          <Table<PayerInArrears>
            rowKey={(row) => row.payer.payerKey}
            size="middle"
            columns={columns}
            dataSource={arrears.data?.items ?? []}
            loading={arrears.isPending}
            pagination={false}
            locale={{ emptyText: t(`${A}.none`) }}
            scroll={{ x: true }}
          />
          <CursorPager
            pages={pages}
            nextCursor={arrears.data?.nextCursor}
            texts={pagerTexts(t, pages.page)}
          />
        </>
      )}
    </div>
  );
}

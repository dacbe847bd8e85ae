import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Form, Input, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { yuanRule, yuanToFen } from '../employer/yuan.ts';
import { chinaToday } from '../shell/agency-clock.ts';
import { DateField } from '../shell/date-field.tsx';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { failedAs } from './application-parts.tsx';
import {
  claimKeys,
  fetchEmployerAdvances,
  recordAdvanceRepayment,
  type EmployerAdvances,
} from './claims-api.ts';

const V = 'benefitPages.claims.advances';

type Claim = EmployerAdvances['claims'][number];
type Repayment = EmployerAdvances['repayments'][number];

interface RepaymentValues {
  amount: string;
  receivedOn: string;
  bankReference: string;
}

/**
 * What the work-injury fund advanced for an employer that had not insured its injured employee, month by month
 * and person by person, what it repaid and what it still owes (WIIR Art. 62; docs/RULES.md 15.22). Officers
 * record a repayment with the bank's reference.
 */
export function EmployerAdvances({ employerId, canRecord }: { employerId: number; canRecord: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RepaymentValues>();
  const advances = useQuery({
    queryKey: claimKeys.advances(employerId),
    queryFn: () => fetchEmployerAdvances(employerId),
  });
  const repay = useMutation({
    mutationFn: (values: RepaymentValues) =>
      recordAdvanceRepayment(employerId, {
        amountFen: yuanToFen(values.amount)!,
        receivedOn: values.receivedOn,
        bankReference: values.bankReference.trim(),
      }),
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: claimKeys.advances(employerId) });
    },
  });
  if (advances.isError)
    return <ProblemAlert error={advances.error} describe={failedAs(t(`${V}.loadFailed`))} />;
  const view = advances.data;
  return (
    <div className="employer-advances" aria-busy={advances.isPending}>
      <Typography.Paragraph>{t(`${V}.intro`)}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {(['claimedFen', 'repaidFen', 'owedFen'] as const).map((key) => (
          <Col xs={24} sm={8} key={key}>
            <Statistic
              title={t(`${V}.${key}`)}
              value={view ? formatYuan(view[key]) : '—'}
              valueRender={(node) => <span data-amount-fen={view?.[key]}>{node}</span>}
            />
          </Col>
        ))}
      </Row>
      <Table<Claim>
        className="benefit-section"
        size="small"
        loading={advances.isPending}
        rowKey={(row) => `${row.personId}-${row.period}-${row.amountFen}`}
        dataSource={view?.claims ?? []}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        scroll={{ x: 560 }}
        locale={{ emptyText: t(`${V}.empty`) }}
        columns={[
          { title: t(`${V}.columns.person`), dataIndex: 'personName' },
          { title: t(`${V}.columns.idNumber`), dataIndex: 'idNumberMasked' },
          {
            title: t(`${V}.columns.period`),
            dataIndex: 'period',
            render: (period: string) => formatPeriod(period, i18n.language),
          },
          {
            title: t(`${V}.columns.amount`),
            dataIndex: 'amountFen',
            align: 'right',
            render: (amountFen: number) => formatYuan(amountFen),
          },
        ]}
      />
      {(view?.repayments.length ?? 0) > 0 && (
        <Table<Repayment>
          className="benefit-section"
          size="small"
          rowKey="bankReference"
          dataSource={view!.repayments}
          pagination={false}
          scroll={{ x: 480 }}
          columns={[
            { title: t(`${V}.columns.receivedOn`), dataIndex: 'receivedOn' },
            { title: t(`${V}.columns.bankReference`), dataIndex: 'bankReference' },
            {
              title: t(`${V}.columns.repaid`),
              dataIndex: 'amountFen',
              align: 'right',
              render: (amountFen: number) => formatYuan(amountFen),
            },
          ]}
        />
      )}
      {canRecord && (view?.owedFen ?? 0) > 0 && (
        <Form<RepaymentValues>
          form={form}
          layout="vertical"
          name="advance-repayment"
          className="benefit-section"
          onFinish={(values) => repay.mutate(values)}
        >
          <Typography.Title level={3} className="subsection-title">
            {t(`${V}.recordTitle`)}
          </Typography.Title>
          <Form.Item
            name="amount"
            label={t(`${V}.amount`)}
            rules={[{ required: true, message: t(`${V}.amountInvalid`) }, yuanRule(t(`${V}.amountInvalid`))]}
          >
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="receivedOn"
            label={t(`${V}.receivedOn`)}
            rules={[{ required: true, message: t(`${V}.receivedOnRequired`) }]}
          >
            <DateField max={chinaToday()} block />
          </Form.Item>
          <Form.Item
            name="bankReference"
            label={t(`${V}.bankReference`)}
            rules={[{ required: true, whitespace: true, min: 4, message: t(`${V}.bankReferenceRequired`) }]}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <div aria-live="polite">
            {repay.isError && (
              <ProblemAlert error={repay.error} describe={failedAs(t(`${V}.recordFailed`))} />
            )}
            {repay.isSuccess && (
              <Typography.Paragraph type="success" role="status">
                {t(repay.data.replayed ? `${V}.replayed` : `${V}.recorded`)}
              </Typography.Paragraph>
            )}
          </div>
          <Button type="primary" htmlType="submit" loading={repay.isPending}>
            {t(`${V}.record`)}
          </Button>
        </Form>
      )}
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Radio, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { failedAs, LoadFailure } from './application-parts.tsx';
import type { Application } from './benefits-api.ts';
import {
  claimKeys,
  fetchStoppagePeriods,
  recordStoppagePeriod,
  type NewStoppagePeriod,
  type StoppagePeriod,
} from './claims-api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { chinaToday } from '../shell/agency-clock.ts';
import { DateField } from '../shell/date-field.tsx';

const P = 'benefitPages.claims.stoppage';

/**
 * The stoppage period with pay of an identified injury (WIIR Art. 33; docs/RULES.md 15.23): the period the
 * employer goes on paying the wage and its extensions, and (officers) a form to record them.
 */
export function InjuryStoppage({ application, officer }: { application: Application; officer: boolean }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: claimKeys.stoppage(application.id),
    queryFn: () => fetchStoppagePeriods(application.id),
  });
  if (query.isError) return <LoadFailure error={query.error} onRetry={() => void query.refetch()} />;
  const periods = query.data ?? [];
  return (
    <>
      <Typography.Paragraph>{t(`${P}.intro`)}</Typography.Paragraph>
      <Table<StoppagePeriod>
        className="claim-stoppage"
        size="small"
        rowKey="id"
        loading={query.isPending}
        pagination={false}
        dataSource={periods}
        scroll={{ x: 560 }}
        locale={{ emptyText: t(`${P}.empty`) }}
        columns={[
          {
            title: t(`${P}.columns.kind`),
            dataIndex: 'kind',
            render: (kind: StoppagePeriod['kind']) => t(`${P}.kinds.${kind}`),
          },
          { title: t(`${P}.columns.startsOn`), dataIndex: 'startsOn' },
          { title: t(`${P}.columns.endsOn`), dataIndex: 'endsOn' },
          { title: t(`${P}.columns.months`), dataIndex: 'months' },
          {
            title: t(`${P}.columns.committeeRef`),
            dataIndex: 'committeeRef',
            render: (ref: string | null) => ref ?? '—',
          },
        ]}
      />
      {officer && query.data && <RecordStoppage application={application} first={periods.length === 0} />}
    </>
  );
}

interface StoppageValues {
  kind: NewStoppagePeriod['kind'];
  startsOn?: string;
  months: number;
  committeeRef?: string;
}

function RecordStoppage({ application, first }: { application: Application; first: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StoppageValues>();
  const record = useMutation({
    mutationFn: (values: StoppageValues) =>
      recordStoppagePeriod(application.id, {
        kind: values.kind,
        months: values.months,
        ...(values.kind === 'initial' ? { startsOn: values.startsOn! } : {}),
        ...(values.committeeRef?.trim() ? { committeeRef: values.committeeRef.trim() } : {}),
      }),
    onSuccess: (periods) => {
      queryClient.setQueryData(claimKeys.stoppage(application.id), periods);
      void queryClient.invalidateQueries({ queryKey: ['benefits'] });
      form.resetFields();
    },
  });
  const kind = first ? 'initial' : 'extension';
  return (
    <Card
      size="small"
      className="benefit-section"
      title={<h3 className="benefit-card-title">{t(`${P}.recordTitle`)}</h3>}
    >
      <Typography.Paragraph type="secondary">{t(`${P}.recordHint`)}</Typography.Paragraph>
      <Form<StoppageValues>
        form={form}
        layout="vertical"
        name="stoppage"
        initialValues={{ kind, months: first ? 3 : 1 }}
        onFinish={(values) => record.mutate(values)}
      >
        <Form.Item name="kind" label={t(`${P}.columns.kind`)}>
          <Radio.Group options={[{ value: kind, label: t(`${P}.kinds.${kind}`) }]} />
        </Form.Item>
        {first && (
          <Form.Item
            name="startsOn"
            label={t(`${P}.columns.startsOn`)}
            rules={[{ required: true, message: t(`${P}.startsOnRequired`) }]}
          >
            <DateField max={chinaToday()} block />
          </Form.Item>
        )}
        <Form.Item name="months" label={t(`${P}.columns.months`)} rules={[{ required: true }]}>
          <InputNumber min={1} max={12} precision={0} />
        </Form.Item>
        {!first && (
          <Form.Item
            name="committeeRef"
            label={t(`${P}.columns.committeeRef`)}
            rules={[{ required: true, whitespace: true, message: t(`${P}.committeeRefRequired`) }]}
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        )}
        <div aria-live="polite">
          {record.isError && <ProblemAlert error={record.error} describe={failedAs(t(`${P}.failed`))} />}
          {record.isSuccess && (
            <Typography.Paragraph type="success" role="status">
              {t(`${P}.recorded`)}
            </Typography.Paragraph>
          )}
        </div>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t(`${P}.record`)}
        </Button>
      </Form>
    </Card>
  );
}

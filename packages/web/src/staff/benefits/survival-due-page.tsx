import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import { BenefitsLoading, LoadFailure } from '../../benefits/application-parts.tsx';
import {
  fetchDue,
  recordVerification,
  survivalKeys,
  type DueItem,
  type StaffMethod,
} from '../../benefits/survival-api.ts';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { chinaToday } from '../../shell/agency-clock.ts';
import { DateField } from '../../shell/date-field.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { problemMessage } from '../problem-message.tsx';
import { actsOnBenefits } from './benefit-roles.ts';

const S = 'benefitPages.survival';
const METHODS: StaffMethod[] = ['counter', 'visit', 'data-match', 'consulate'];

/**
 * /staff/survival-due: the region's pensioners whose verification cycle ends within 60 days without one,
 * and those overdue (payment suspended), masked (docs/RULES.md 14.9); an officer records a verification
 * made at the counter, on a visit, through a consulate or by a data match.
 */
export function SurvivalDuePage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${S}.due.title`));
  const regionId = useId();
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const [recording, setRecording] = useState<DueItem | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const due = useCursorList(survivalKeys.due(regionCode), (cursor) => fetchDue(regionCode, cursor), {
    enabled: regionCode !== '',
  });
  const officer = actsOnBenefits(user);
  const columns: TableColumnsType<DueItem> = [
    {
      title: t(`${S}.due.name`),
      dataIndex: 'name',
      render: (name: string, row) => <Link to={`/staff/persons/${row.personId}`}>{name}</Link>,
    },
    { title: t(`${S}.due.idNumber`), dataIndex: 'idNumberMasked' },
    { title: t(`${S}.due.cycle`), key: 'cycle', render: (_, row) => `${row.cycleStart} – ${row.cycleEnd}` },
    { title: t(`${S}.due.dueBy`), dataIndex: 'dueBy' },
    {
      title: t(`${S}.due.status`),
      dataIndex: 'status',
      render: (status: DueItem['status'], row) => (
        <Tag color={status === 'overdue' ? 'red' : 'gold'}>
          {t(`${S}.status.${status}`)}
          {row.suspendedFrom ? ` ${row.suspendedFrom}` : ''}
        </Tag>
      ),
    },
    {
      title: t(`${S}.due.lastVerified`),
      dataIndex: 'lastVerifiedOn',
      render: (day: string | null) => day ?? '—',
    },
    ...(officer
      ? [
          {
            title: t(`${S}.due.record`),
            key: 'record',
            render: (_: unknown, row: DueItem) => (
              <Button size="small" onClick={() => (setRecording(row), setRecorded(null))}>
                {t(`${S}.due.record`)}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <div className="page page-wide benefit-page">
      <Typography.Title level={1}>{t(`${S}.due.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${S}.due.intro`)}</Typography.Paragraph>
      {user.regionCodes.length > 1 && (
        <div className="benefit-toolbar">
          <div className="benefit-toolbar-field">
            <label htmlFor={regionId}>{t('benefitPages.common.region')}</label>
            <Select
              id={regionId}
              value={regionCode}
              onChange={setRegionCode}
              options={user.regionCodes.map((code) => ({ value: code, label: code }))}
              style={{ minWidth: '10rem' }}
            />
          </div>
        </div>
      )}
      <div aria-live="polite">
        {recorded && <Alert type="success" showIcon role="status" title={recorded} />}
      </div>
      {recording && (
        <RecordVerification
          item={recording}
          onDone={(name) => {
            setRecording(null);
            setRecorded(t(`${S}.due.recorded`, { name }));
          }}
          onCancel={() => setRecording(null)}
        />
      )}
      {due.isPending && regionCode !== '' ? (
        <BenefitsLoading />
      ) : due.isError ? (
        <LoadFailure error={due.error} onRetry={() => void due.refetch()} />
      ) : (
        <>
          <p role="status">{t(`${S}.due.loaded`, { count: due.rows.length })}</p>
          <Table<DueItem>
            className="survival-due"
            rowKey="awardNo"
            size="middle"
            columns={columns}
            dataSource={due.rows}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: t(`${S}.due.empty`) }}
          />
          <LoadMore list={due} text={t('benefitPages.common.more')} />
        </>
      )}
    </div>
  );
}

function RecordVerification({
  item,
  onDone,
  onCancel,
}: {
  item: DueItem;
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const today = chinaToday();
  const record = useMutation({
    mutationFn: (values: { method: StaffMethod; onDate: string; note?: string }) =>
      recordVerification(item.personId, {
        method: values.method,
        onDate: values.onDate,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: survivalKeys.all });
      onDone(item.name);
    },
  });
  return (
    <Card
      size="small"
      className="survival-record"
      title={<h2 className="benefit-card-title">{t(`${S}.due.recordTitle`, { name: item.name })}</h2>}
    >
      <Form
        layout="vertical"
        name="record-verification"
        initialValues={{ method: 'counter', onDate: today }}
        onFinish={(values: { method: StaffMethod; onDate: string; note?: string }) => record.mutate(values)}
      >
        <Form.Item name="method" label={t(`${S}.due.method`)} rules={[{ required: true }]}>
          <Select options={METHODS.map((value) => ({ value, label: t(`${S}.methods.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="onDate"
          label={t(`${S}.due.onDate`)}
          rules={[{ required: true, message: t(`${S}.due.onDateRequired`) }]}
        >
          <DateField max={today} block />
        </Form.Item>
        <Form.Item name="note" label={t(`${S}.due.note`)}>
          <Input maxLength={500} />
        </Form.Item>
        <div aria-live="polite">
          {record.isError && <ProblemAlert error={record.error} describe={problemMessage} />}
        </div>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t(`${S}.due.submit`)}
        </Button>{' '}
        <Button onClick={onCancel}>{t(`${S}.due.cancel`)}</Button>
      </Form>
    </Card>
  );
}

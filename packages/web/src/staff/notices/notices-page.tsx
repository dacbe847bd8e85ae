import { addMonths } from '@shebao/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import {
  fetchDeliveryOverview,
  noticeKeys,
  startNoticeRun,
  type DeliveryOverview,
  type NoticeRun,
  type NoticeRunInput,
} from '../../notices/notices-api.ts';
import '../../notices/notices.css';
import { chinaYear, currentPeriod } from '../../shell/agency-clock.ts';
import { formatChinaTime } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { userName } from '../medical/user-name.ts';
import { problemMessage } from '../problem-message.tsx';
import { RegionSelect } from '../region-select.tsx';
import { TitledSection } from '../titled-section.tsx';
import { runsNotices } from './notice-roles.ts';
import { NoticeRunProgress } from './notice-run-progress.tsx';
import { runPeriod } from './run-period.ts';

const OVERVIEW_POLL_MS = 3_000;
const STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
const CHANNELS = ['email', 'sms'] as const;

type Failed = DeliveryOverview['failed'][number];
type RunKind = NoticeRunInput['kind'];
interface RunFields {
  kind: RunKind;
  year: string;
  month: string;
}

/**
 * /staff/notices (docs/RULES.md 17.4, 17.5): how the e-mails and texts stand by channel and status, those
 * given up after every retry with their last error, the recent region runs, and, for the collection
 * officers and administrators, starting the yearly statement of a region and year or the monthly details of
 * a region and month, followed live until done.
 */
export function NoticesPage({ user }: { user: UserView }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('noticePages.staff.title'));
  const queryClient = useQueryClient();
  const mayRun = runsNotices(user);
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const [runId, setRunId] = useState<number | null>(null);
  const [form] = Form.useForm<RunFields>();
  const kind = Form.useWatch('kind', form) ?? 'yearly-statement';

  const overview = useQuery({
    queryKey: noticeKeys.overview,
    queryFn: fetchDeliveryOverview,
    // While a run works (started here or by a colleague), the list follows it.
    refetchInterval: (query) =>
      query.state.data?.runs.some((run) => run.status === 'running') ? OVERVIEW_POLL_MS : false,
  });
  const start = useMutation({
    mutationFn: startNoticeRun,
    onSuccess: (run) => {
      setRunId(run.id);
      queryClient.setQueryData(noticeKeys.run(run.id), run);
      void queryClient.invalidateQueries({ queryKey: noticeKeys.overview });
    },
  });
  const restart = (run: NoticeRun) =>
    start.mutate({ kind: run.kind, regionCode: run.regionCode, period: run.period });
  const shownRunId = runId ?? overview.data?.runs.find((run) => run.status === 'running')?.id ?? null;

  return (
    <div className="page">
      <Typography.Title level={1}>{t('noticePages.staff.title')}</Typography.Title>
      <Typography.Paragraph>{t('noticePages.staff.intro')}</Typography.Paragraph>

      <TitledSection id="notice-run-start" title={t('noticePages.staff.start')}>
        <Card>
          <Form<RunFields>
            form={form}
            name="notice-run"
            layout="inline"
            className="staff-toolbar notice-run-form"
            initialValues={{
              kind: 'yearly-statement',
              year: String(chinaYear() - 1),
              month: addMonths(currentPeriod(), -1),
            }}
            onFinish={(fields) =>
              start.mutate({
                kind: fields.kind,
                regionCode,
                period: (fields.kind === 'yearly-statement' ? fields.year : fields.month).trim(),
              })
            }
          >
            <Form.Item name="kind" label={t('noticePages.staff.runKind')}>
              <Radio.Group
                optionType="button"
                options={(['yearly-statement', 'monthly-details'] as const).map((value) => ({
                  value,
                  label: t(`noticePages.staff.runKinds.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('noticePages.staff.region')} htmlFor="notice-run-region">
              <RegionSelect
                id="notice-run-region"
                regionCodes={user.regionCodes}
                value={regionCode}
                onChange={setRegionCode}
              />
            </Form.Item>
            {kind === 'yearly-statement' ? (
              <Form.Item
                key="year"
                name="year"
                label={t('noticePages.staff.year')}
                rules={[{ pattern: /^\d{4}$/, required: true, message: t('noticePages.staff.yearInvalid') }]}
              >
                <Input autoComplete="off" inputMode="numeric" maxLength={4} style={{ width: '6rem' }} />
              </Form.Item>
            ) : (
              <Form.Item
                key="month"
                name="month"
                label={t('noticePages.staff.month')}
                rules={[
                  {
                    pattern: /^\d{4}-(0[1-9]|1[0-2])$/,
                    required: true,
                    message: t('noticePages.staff.monthInvalid'),
                  },
                ]}
              >
                <Input autoComplete="off" maxLength={7} style={{ width: '8rem' }} />
              </Form.Item>
            )}
            <Button
              type="primary"
              htmlType="submit"
              loading={start.isPending}
              disabled={!mayRun || regionCode === ''}
            >
              {t('noticePages.staff.startButton')}
            </Button>
          </Form>
          {!mayRun && (
            <Typography.Paragraph type="secondary">{t('noticePages.staff.runnersOnly')}</Typography.Paragraph>
          )}
          {start.isError && <ProblemAlert error={start.error} describe={problemMessage} />}
        </Card>
        {shownRunId !== null && (
          <NoticeRunProgress
            runId={shownRunId}
            mayRun={mayRun}
            restarting={start.isPending}
            onRestart={restart}
          />
        )}
      </TitledSection>

      {overview.isError ? (
        <ProblemAlert error={overview.error} describe={problemMessage} className="notice-staff-section" />
      ) : (
        <>
          <div className="notice-staff-section">
            <TitledSection id="notice-deliveries" title={t('noticePages.staff.overview')}>
              <DeliveryCounts overview={overview.data} loading={overview.isPending} />
            </TitledSection>
          </div>
          <div className="notice-staff-section">
            <TitledSection id="notice-given-up" title={t('noticePages.staff.given')}>
              <Typography.Paragraph type="secondary">
                {t('noticePages.staff.givenIntro')}
              </Typography.Paragraph>
              <Table<Failed>
                rowKey="deliveryId"
                size="small"
                className="notice-given-up"
                loading={overview.isPending}
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={overview.data?.failed ?? []}
                locale={{ emptyText: t('noticePages.staff.noneGiven') }}
                columns={[
                  {
                    title: t('noticePages.staff.kind'),
                    dataIndex: 'kind',
                    render: (noticeKind: string) =>
                      t(`noticePages.kinds.${noticeKind as 'card.status'}`, { defaultValue: noticeKind }),
                  },
                  {
                    title: t('noticePages.staff.channel'),
                    dataIndex: 'channel',
                    render: (channel: Failed['channel']) => t(`noticePages.channels.${channel}`),
                  },
                  {
                    title: t('noticePages.staff.recipient'),
                    key: 'recipient',
                    render: (_, row) =>
                      row.recipientKind === 'person'
                        ? t('noticePages.staff.recipientPerson', { id: row.recipientId })
                        : t('noticePages.staff.recipientEmployer', { id: row.recipientId }),
                  },
                  { title: t('noticePages.staff.attempts'), dataIndex: 'attempts', align: 'right' },
                  {
                    title: t('noticePages.staff.lastError'),
                    dataIndex: 'lastError',
                    // The channel's own words (an SMTP or gateway reply): a literal, shown as it came.
                    render: (error: string | null) => (error ? <code>{error}</code> : '—'),
                  },
                  {
                    title: t('noticePages.staff.createdAt'),
                    dataIndex: 'createdAt',
                    render: (at: string) => formatChinaTime(at, i18n.language),
                  },
                ]}
              />
            </TitledSection>
          </div>
          <div className="notice-staff-section">
            <TitledSection id="notice-runs" title={t('noticePages.staff.runs')}>
              <Table<NoticeRun>
                rowKey="id"
                size="small"
                className="notice-runs"
                loading={overview.isPending}
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={overview.data?.runs ?? []}
                locale={{ emptyText: t('noticePages.staff.noRuns') }}
                columns={[
                  {
                    title: t('noticePages.staff.run'),
                    dataIndex: 'id',
                    render: (id: number) => (
                      <Button
                        type="link"
                        onClick={() => setRunId(id)}
                        aria-label={t('noticePages.staff.showRun', { id })}
                      >
                        #{id}
                      </Button>
                    ),
                  },
                  {
                    title: t('noticePages.staff.runKind'),
                    dataIndex: 'kind',
                    render: (runKind: RunKind) => t(`noticePages.staff.runKinds.${runKind}`),
                  },
                  { title: t('noticePages.staff.region'), dataIndex: 'regionCode' },
                  {
                    title: t('noticePages.staff.period'),
                    dataIndex: 'period',
                    render: (period: string) => runPeriod(period, i18n.language),
                  },
                  {
                    title: t('noticePages.staff.status'),
                    dataIndex: 'status',
                    render: (status: NoticeRun['status']) => t(`noticePages.staff.runStatuses.${status}`),
                  },
                  {
                    title: t('noticePages.staff.progress'),
                    key: 'progress',
                    render: (_, run) =>
                      t('noticePages.staff.progressOf', { done: run.done, total: run.total }),
                  },
                  { title: t('noticePages.staff.enqueued'), dataIndex: 'enqueued', align: 'right' },
                  {
                    title: t('noticePages.staff.startedBy'),
                    dataIndex: 'startedBy',
                    render: (by: string) => <code>{userName(by)}</code>,
                  },
                  {
                    title: t('noticePages.staff.startedAt'),
                    dataIndex: 'startedAt',
                    render: (at: string) => formatChinaTime(at, i18n.language),
                  },
                ]}
              />
            </TitledSection>
          </div>
        </>
      )}
    </div>
  );
}

/** The deliveries by channel (rows) and status (columns). */
function DeliveryCounts({ overview, loading }: { overview?: DeliveryOverview; loading: boolean }) {
  const { t } = useTranslation();
  const count = (channel: string, status: string) =>
    overview?.byStatus.find((row) => row.channel === channel && row.status === status)?.count ?? 0;
  const rows = CHANNELS.filter((channel) => overview?.byStatus.some((row) => row.channel === channel)).map(
    (channel) => ({
      channel,
      ...Object.fromEntries(STATUSES.map((status) => [status, count(channel, status)])),
    }),
  );
  return (
    <Table
      rowKey="channel"
      size="small"
      className="notice-delivery-counts"
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      locale={{ emptyText: t('noticePages.staff.noDeliveries') }}
      columns={[
        {
          title: t('noticePages.staff.channel'),
          dataIndex: 'channel',
          render: (channel: (typeof CHANNELS)[number]) => t(`noticePages.channels.${channel}`),
        },
        ...STATUSES.map((status) => ({
          title: t(`noticePages.deliveryStatuses.${status}`),
          dataIndex: status,
          align: 'right' as const,
        })),
      ]}
    />
  );
}

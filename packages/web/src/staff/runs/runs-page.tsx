import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { UserView } from '../../api/pending-paths.ts';
import { currentPeriod } from '../../shell/agency-clock.ts';
import { formatChinaTime, formatPeriod, formatYuan } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import { RegionSelect } from '../region-select.tsx';
import type { CollectionJob } from './collection-job.ts';
import { JobProgress } from './job-progress.tsx';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const RUNNERS = ['admin', 'collection_officer'];
const LIST_POLL_MS = 3_000;

/**
 * /staff/runs: start a month's collection run for a region as a background job and follow it live
 * (payers done of all, person-months, bills, amount), then its result; the region's recent jobs below.
 * A job cut off by a server restart shows as interrupted and can be started again (the run resumes).
 */
export function RunsPage({ user }: { user: UserView }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('staffPages.runs.title'));
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const [jobId, setJobId] = useState<number | null>(null);
  const queryClient = useQueryClient();
  const mayRun = user.roles.some((role) => RUNNERS.includes(role));

  const start = useMutation({
    mutationFn: (fields: { period: string }) =>
      dataOf(() => api.POST('/api/collection/jobs', { body: { regionCode, period: fields.period.trim() } })),
    onSuccess: (job) => {
      setJobId(job.id);
      queryClient.setQueryData(['staff', 'job', job.id], job);
      void queryClient.invalidateQueries({ queryKey: ['staff', 'jobs', regionCode] });
    },
  });
  const jobs = useQuery({
    queryKey: ['staff', 'jobs', regionCode],
    queryFn: () =>
      dataOf(() => api.GET('/api/collection/jobs', { params: { query: { regionCode, limit: '10' } } })),
    enabled: regionCode !== '',
    // While a job runs (started here or by a colleague), the list follows it.
    refetchInterval: (query) =>
      query.state.data?.items.some((job) => job.status === 'running') ? LIST_POLL_MS : false,
  });
  // Arriving while the region's month is being assessed shows that job.
  const shownJobId = jobId ?? jobs.data?.items.find((job) => job.status === 'running')?.id ?? null;

  return (
    <div className="page">
      <Typography.Title level={1}>{t('staffPages.runs.title')}</Typography.Title>
      <Typography.Paragraph>{t('staffPages.runs.intro')}</Typography.Paragraph>
      <Card>
        <Form<{ period: string }>
          layout="inline"
          name="start-run"
          initialValues={{ period: currentPeriod() }}
          onFinish={(fields) => start.mutate(fields)}
          className="staff-toolbar"
        >
          <Form.Item label={t('staffPages.common.region')} htmlFor="run-region">
            <RegionSelect
              id="run-region"
              regionCodes={user.regionCodes}
              value={regionCode}
              onChange={(code) => {
                setRegionCode(code);
                setJobId(null);
              }}
            />
          </Form.Item>
          <Form.Item
            name="period"
            label={t('staffPages.runs.period')}
            rules={[
              { required: true, message: t('staffPages.propose.validFromRequired') },
              { pattern: PERIOD, message: t('staffPages.propose.periodInvalid') },
            ]}
          >
            <Input autoComplete="off" maxLength={7} style={{ width: '8rem' }} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={start.isPending}
            disabled={!mayRun || regionCode === ''}
          >
            {t('staffPages.runs.start')}
          </Button>
        </Form>
        {!mayRun && (
          <Typography.Paragraph type="secondary">{t('staffPages.runs.runnersOnly')}</Typography.Paragraph>
        )}
        {start.isError && <ProblemAlert error={start.error} describe={problemMessage} />}
      </Card>
      {shownJobId !== null && (
        <JobProgress
          jobId={shownJobId}
          onRestart={(period) => start.mutate({ period })}
          restarting={start.isPending}
          mayRun={mayRun}
        />
      )}
      <section aria-labelledby="recent-jobs">
        <Typography.Title level={2} id="recent-jobs" className="section-title">
          {t('staffPages.runs.recent')}
        </Typography.Title>
        {jobs.isError ? (
          <ProblemAlert error={jobs.error} describe={problemMessage} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={jobs.isPending && regionCode !== ''}
            pagination={false}
            dataSource={jobs.data?.items ?? []}
            locale={{ emptyText: t('staffPages.runs.noJobs') }}
            columns={[
              {
                title: t('staffPages.runs.job'),
                dataIndex: 'id',
                render: (id: number) => (
                  <Button
                    type="link"
                    onClick={() => setJobId(id)}
                    aria-label={t('staffPages.runs.showJob', { id })}
                  >
                    #{id}
                  </Button>
                ),
              },
              {
                title: t('staffPages.runs.period'),
                dataIndex: 'period',
                render: (period: string) => formatPeriod(period, i18n.language),
              },
              {
                title: t('staffPages.runs.status'),
                dataIndex: 'status',
                render: (status: CollectionJob['status']) => t(`staffPages.runs.statuses.${status}`),
              },
              { title: t('staffPages.runs.bills'), dataIndex: 'bills', align: 'right' },
              {
                title: t('staffPages.runs.amount'),
                dataIndex: 'totalFen',
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
              {
                title: t('staffPages.runs.startedAt'),
                dataIndex: 'startedAt',
                render: (at: string) => formatChinaTime(at, i18n.language),
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}

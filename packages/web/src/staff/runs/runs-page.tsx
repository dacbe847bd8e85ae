import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { UserView } from '../../api/pending-paths.ts';
import { formatChinaTime, formatPeriod, formatYuan } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import { StartMonthForm } from '../start-month-form.tsx';
import type { CollectionJob } from './collection-job.ts';
import { JobProgress } from './job-progress.tsx';

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
        <StartMonthForm
          name="start-run"
          regionId="run-region"
          regionCodes={user.regionCodes}
          regionCode={regionCode}
          onRegionChange={(code) => {
            setRegionCode(code);
            setJobId(null);
          }}
          labels={{
            region: t('staffPages.common.region'),
            period: t('staffPages.runs.period'),
            periodRequired: t('staffPages.propose.validFromRequired'),
            periodInvalid: t('staffPages.propose.periodInvalid'),
            start: t('staffPages.runs.start'),
          }}
          starting={start.isPending}
          disabled={!mayRun || regionCode === ''}
          onStart={(period) => start.mutate({ period })}
        />
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

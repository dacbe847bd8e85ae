import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatPeriod, formatYuan } from '../../shell/format.ts';
import { dataOf } from '../api-data.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import type { CollectionJob } from './collection-job.ts';
import { progressStatusOf } from '../progress-status.ts';

/** How often a running job is asked for its progress. */
const POLL_MS = 1_000;

/** One job, polled while it runs: a progress bar and the counts so far, then the result or the failure. */
export function JobProgress({
  jobId,
  onRestart,
  restarting,
  mayRun,
}: {
  jobId: number;
  onRestart: (period: string) => void;
  restarting: boolean;
  mayRun: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: ['staff', 'job', jobId],
    queryFn: () =>
      dataOf(() => api.GET('/api/collection/jobs/{jobId}', { params: { path: { jobId: String(jobId) } } })),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
  const status = job.data?.status;
  const regionCode = job.data?.regionCode;
  // When the job ends, the list of recent jobs shows its final state too.
  useEffect(() => {
    if (status && status !== 'running' && regionCode)
      void queryClient.invalidateQueries({ queryKey: ['staff', 'jobs', regionCode] });
  }, [status, regionCode, queryClient]);
  if (job.isError) return <ProblemAlert error={job.error} describe={problemMessage} />;
  if (!job.data) return null;
  const data: CollectionJob = job.data;
  const percent =
    data.status === 'done'
      ? 100
      : data.payersTotal
        ? Math.floor((data.payersDone * 100) / data.payersTotal)
        : 0;
  return (
    <Card className="job-progress" data-status={data.status}>
      <Typography.Title level={2} className="section-title">
        {t('staffPages.runs.jobHeading', {
          id: data.id,
          region: data.regionCode,
          period: formatPeriod(data.period, i18n.language),
        })}
      </Typography.Title>
      <div role="status" aria-live="polite" aria-atomic="true">
        <p className="job-status">{t(`staffPages.runs.statuses.${data.status}`)}</p>
        <Progress
          percent={percent}
          status={progressStatusOf(data.status)}
          aria-label={t('staffPages.runs.progress')}
        />
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('staffPages.runs.payers')}>
            {data.payersTotal === null
              ? t('staffPages.runs.payersCounting', { done: data.payersDone })
              : t('staffPages.runs.payersOf', { done: data.payersDone, total: data.payersTotal })}
          </Descriptions.Item>
          <Descriptions.Item label={t('staffPages.runs.personMonths')}>{data.personMonths}</Descriptions.Item>
          <Descriptions.Item label={t('staffPages.runs.bills')}>{data.bills}</Descriptions.Item>
          <Descriptions.Item label={t('staffPages.runs.amount')}>
            {formatYuan(data.totalFen)}
          </Descriptions.Item>
        </Descriptions>
      </div>
      {data.status === 'done' && (
        <Alert
          className="job-outcome"
          type="success"
          showIcon
          title={
            data.bills === 0
              ? t('staffPages.runs.doneNothing')
              : t('staffPages.runs.done', { bills: data.bills })
          }
        />
      )}
      {data.status === 'failed' && (
        <Alert
          className="job-outcome"
          type="error"
          showIcon
          title={t('staffPages.runs.failed')}
          description={data.error}
        />
      )}
      {data.status === 'interrupted' && (
        <Alert
          className="job-outcome"
          type="warning"
          showIcon
          title={t('staffPages.runs.interrupted')}
          action={
            mayRun && (
              <Button loading={restarting} onClick={() => onRestart(data.period)}>
                {t('staffPages.runs.startAgain')}
              </Button>
            )
          }
        />
      )}
    </Card>
  );
}

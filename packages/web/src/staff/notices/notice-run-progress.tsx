import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fetchNoticeRun, noticeKeys, type NoticeRun } from '../../notices/notices-api.ts';
import { formatChinaTime } from '../../shell/format.ts';
import { problemMessage } from '../problem-message.tsx';
import { progressStatusOf } from '../progress-status.ts';
import { runPeriod } from './run-period.ts';

/** How often a running run is asked for its progress. */
const POLL_MS = 1_000;

/**
 * One region run (docs/RULES.md 17.5), polled while it runs: done of total with a bar, the notices
 * written, then done, failed with the reason, or interrupted with a way to resume it.
 */
export function NoticeRunProgress({
  runId,
  mayRun,
  restarting,
  onRestart,
}: {
  runId: number;
  mayRun: boolean;
  restarting: boolean;
  onRestart: (run: NoticeRun) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: noticeKeys.run(runId),
    queryFn: () => fetchNoticeRun(runId),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
  const status = run.data?.status;
  // When the run ends, the overview shows its final state and the notices it wrote.
  useEffect(() => {
    if (status && status !== 'running') void queryClient.invalidateQueries({ queryKey: noticeKeys.overview });
  }, [status, queryClient]);
  if (run.isError) return <ProblemAlert error={run.error} describe={problemMessage} />;
  if (!run.data) return null;
  const data = run.data;
  const percent = data.status === 'done' ? 100 : data.total ? Math.floor((data.done * 100) / data.total) : 0;
  return (
    <Card className="notice-run-progress" data-status={data.status} data-run-id={data.id}>
      <Typography.Title level={3} className="section-title">
        {t('noticePages.staff.runHeading', {
          id: data.id,
          kind: t(`noticePages.staff.runKinds.${data.kind}`),
          region: data.regionCode,
          period: runPeriod(data.period, i18n.language),
        })}
      </Typography.Title>
      <div role="status" aria-live="polite" aria-atomic="true">
        <p className="notice-run-status">{t(`noticePages.staff.runStatuses.${data.status}`)}</p>
        <Progress
          percent={percent}
          status={progressStatusOf(data.status)}
          aria-label={t('noticePages.staff.progress')}
        />
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('noticePages.staff.progress')}>
            {t('noticePages.staff.progressOf', { done: data.done, total: data.total })}
          </Descriptions.Item>
          <Descriptions.Item label={t('noticePages.staff.enqueued')}>{data.enqueued}</Descriptions.Item>
          <Descriptions.Item label={t('noticePages.staff.startedAt')}>
            {formatChinaTime(data.startedAt, i18n.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('noticePages.staff.finishedAt')}>
            {data.finishedAt ? formatChinaTime(data.finishedAt, i18n.language) : '—'}
          </Descriptions.Item>
        </Descriptions>
      </div>
      {data.status === 'done' && (
        <Alert
          className="notice-run-outcome"
          type="success"
          showIcon
          title={t('noticePages.staff.runDone', { enqueued: data.enqueued })}
        />
      )}
      {data.status === 'failed' && (
        <Alert
          className="notice-run-outcome"
          type="error"
          showIcon
          title={t('noticePages.staff.runFailed')}
          description={data.error && <code>{data.error}</code>}
        />
      )}
      {data.status === 'interrupted' && (
        <Alert
          className="notice-run-outcome"
          type="warning"
          showIcon
          title={t('noticePages.staff.runInterrupted')}
          action={
            mayRun && (
              <Button loading={restarting} onClick={() => onRestart(data)}>
                {t('noticePages.staff.startAgain')}
              </Button>
            )
          }
        />
      )}
    </Card>
  );
}

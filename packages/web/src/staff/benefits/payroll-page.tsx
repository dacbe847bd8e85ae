import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Progress, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';
import { failedAs, LoadFailure } from '../../benefits/application-parts.tsx';
import {
  bankFileUrl,
  fetchPayrollRun,
  fetchPayrollRuns,
  importBankReturn,
  payrollKeys,
  startPayroll,
  type BankFile,
  type PayrollRun,
} from '../../benefits/payroll-api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatChinaTime, formatPeriod, formatYuan } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { StartMonthForm } from '../start-month-form.tsx';
import { progressStatusOf } from '../progress-status.ts';
import { actsOnBenefits } from './benefit-roles.ts';

const POLL_MS = 1_000;
const STEPS: PayrollRun['step'][] = ['lines', 'one-time', 'bank-files', 'done'];

/**
 * /staff/payroll: start a region's monthly payroll in the background and follow it (docs/RULES.md 14.14),
 * then its bank files, each to download and to answer with the bank's return file (14.16); the region's
 * recent runs below.
 */
export function PayrollPage({ user }: { user: UserView }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('payrollPages.staff.title'));
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const [runId, setRunId] = useState<number | null>(null);
  const queryClient = useQueryClient();
  const mayRun = actsOnBenefits(user);

  const start = useMutation({
    mutationFn: (period: string) => startPayroll(regionCode, period.trim()),
    onSuccess: (run) => {
      setRunId(run.id);
      queryClient.setQueryData(payrollKeys.run(run.id), run);
      void queryClient.invalidateQueries({ queryKey: payrollKeys.runs(regionCode) });
    },
  });
  const runs = useQuery({
    queryKey: payrollKeys.runs(regionCode),
    queryFn: () => fetchPayrollRuns(regionCode),
    enabled: regionCode !== '',
  });
  const shownRunId = runId ?? runs.data?.items.find((run) => run.status === 'running')?.id ?? null;

  return (
    <div className="page benefit-page">
      <Typography.Title level={1}>{t('payrollPages.staff.title')}</Typography.Title>
      <Typography.Paragraph>{t('payrollPages.staff.intro')}</Typography.Paragraph>
      <Card>
        <StartMonthForm
          name="start-payroll"
          regionId="payroll-region"
          regionCodes={user.regionCodes}
          regionCode={regionCode}
          onRegionChange={(code) => {
            setRegionCode(code);
            setRunId(null);
          }}
          labels={{
            region: t('payrollPages.staff.region'),
            period: t('payrollPages.staff.period'),
            periodRequired: t('payrollPages.staff.periodRequired'),
            periodInvalid: t('payrollPages.staff.periodInvalid'),
            start: t('payrollPages.staff.start'),
          }}
          starting={start.isPending}
          disabled={!mayRun || regionCode === ''}
          onStart={(period) => start.mutate(period)}
        />
        {!mayRun && (
          <Typography.Paragraph type="secondary">{t('payrollPages.staff.officersOnly')}</Typography.Paragraph>
        )}
        {start.isError && (
          <ProblemAlert error={start.error} describe={failedAs(t('payrollPages.staff.start'))} />
        )}
      </Card>
      {shownRunId !== null && (
        <RunProgress runId={shownRunId} mayRun={mayRun} onResume={(period) => start.mutate(period)} />
      )}
      <section aria-labelledby="recent-payroll-runs">
        <Typography.Title level={2} id="recent-payroll-runs" className="section-title">
          {t('payrollPages.staff.recent')}
        </Typography.Title>
        {runs.isError ? (
          <LoadFailure error={runs.error} onRetry={() => void runs.refetch()} />
        ) : (
          <Table<PayrollRun>
            rowKey="id"
            size="small"
            loading={runs.isPending && regionCode !== ''}
            pagination={false}
            scroll={{ x: true }}
            dataSource={runs.data?.items ?? []}
            locale={{ emptyText: t('payrollPages.staff.noRuns') }}
            columns={[
              {
                title: '#',
                dataIndex: 'id',
                render: (id: number) => (
                  <Button
                    type="link"
                    onClick={() => setRunId(id)}
                    aria-label={t('payrollPages.staff.show', { id })}
                  >
                    #{id}
                  </Button>
                ),
              },
              { title: t('payrollPages.staff.region'), dataIndex: 'regionCode' },
              {
                title: t('payrollPages.staff.period'),
                dataIndex: 'period',
                render: (period: string) => formatPeriod(period, i18n.language),
              },
              {
                title: t('payrollPages.staff.status'),
                dataIndex: 'status',
                render: (status: PayrollRun['status']) => t(`payrollPages.staff.statuses.${status}`),
              },
              { title: t('payrollPages.staff.paid'), dataIndex: 'linesPaid', align: 'right' },
              { title: t('payrollPages.staff.withheld'), dataIndex: 'linesWithheld', align: 'right' },
              {
                title: t('payrollPages.staff.amount'),
                dataIndex: 'paidFen',
                align: 'right',
                render: formatYuan,
              },
              {
                title: t('payrollPages.staff.startedAt'),
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

/** One run, polled while it works: its step, counts and amount, then its bank files. */
function RunProgress({
  runId,
  mayRun,
  onResume,
}: {
  runId: number;
  mayRun: boolean;
  onResume: (period: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: payrollKeys.run(runId),
    queryFn: () => fetchPayrollRun(runId),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
  const status = run.data?.status;
  const regionCode = run.data?.regionCode;
  useEffect(() => {
    if (status && status !== 'running' && regionCode)
      void queryClient.invalidateQueries({ queryKey: payrollKeys.runs(regionCode) });
  }, [status, regionCode, queryClient]);
  if (run.isError) return <LoadFailure error={run.error} onRetry={() => void run.refetch()} />;
  if (!run.data) return null;
  const data = run.data;
  const done = data.linesPaid + data.linesWithheld;
  const percent =
    data.status === 'done'
      ? 100
      : data.rollsTotal > 0
        ? Math.min(99, Math.floor((done * 90) / data.rollsTotal) + STEPS.indexOf(data.step) * 3)
        : 0;
  return (
    <Card className="job-progress payroll-run" data-status={data.status}>
      <Typography.Title level={2} className="section-title">
        {t('payrollPages.staff.run', {
          id: data.id,
          region: data.regionCode,
          period: formatPeriod(data.period, i18n.language),
        })}
      </Typography.Title>
      <div role="status" aria-live="polite" aria-atomic="true">
        <p className="job-status">
          {t(`payrollPages.staff.statuses.${data.status}`)} · {t(`payrollPages.staff.steps.${data.step}`)}
        </p>
        <Progress
          percent={percent}
          status={progressStatusOf(data.status)}
          aria-label={t('payrollPages.staff.progress')}
        />
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('payrollPages.staff.rolls')}>{data.rollsTotal}</Descriptions.Item>
          <Descriptions.Item label={t('payrollPages.staff.paid')}>{data.linesPaid}</Descriptions.Item>
          <Descriptions.Item label={t('payrollPages.staff.withheld')}>{data.linesWithheld}</Descriptions.Item>
          <Descriptions.Item label={t('payrollPages.staff.amount')}>
            {formatYuan(data.paidFen)}
          </Descriptions.Item>
        </Descriptions>
      </div>
      {data.status === 'failed' && <Alert type="error" showIcon title={data.error} />}
      {data.status === 'interrupted' && mayRun && (
        <Alert
          type="warning"
          showIcon
          title={t('payrollPages.staff.statuses.interrupted')}
          action={<Button onClick={() => onResume(data.period)}>{t('payrollPages.staff.startAgain')}</Button>}
        />
      )}
      {data.status === 'done' && <BankFiles run={data} mayRun={mayRun} />}
    </Card>
  );
}

/** The run's bank files: each to download, and the bank's return file to import against it. */
function BankFiles({ run, mayRun }: { run: PayrollRun; mayRun: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<string | null>(null);
  const importReturn = useMutation({
    mutationFn: ({ fileId, file }: { fileId: number; file: File }) => importBankReturn(fileId, file),
    onSuccess: (result) => {
      setOutcome(
        result.replayed
          ? t('payrollPages.staff.returnReplayed')
          : t('payrollPages.staff.returnImported', {
              rows: result.rowsRead,
              failed: result.failedCount,
              amount: formatYuan(result.failedFen),
            }),
      );
      void queryClient.invalidateQueries({ queryKey: ['payroll'] });
    },
  });
  const files = run.files.filter((file) => file.lineCount > 0);
  return (
    <section aria-labelledby={`payroll-files-${run.id}`}>
      <Typography.Title level={3} id={`payroll-files-${run.id}`} className="section-title">
        {t('payrollPages.staff.files')}
      </Typography.Title>
      {outcome && <Alert type="success" showIcon title={outcome} className="benefit-decision" />}
      {importReturn.isError && (
        <ProblemAlert error={importReturn.error} describe={failedAs(t('payrollPages.staff.importReturn'))} />
      )}
      <Table<BankFile>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={files}
        locale={{ emptyText: t('payrollPages.staff.noFiles') }}
        columns={[
          {
            title: t('benefitPages.claims.assessment.fund'),
            key: 'fund',
            render: (_, file) => {
              return <span data-fund={file.fund}>{t(`benefitPages.claims.funds.${file.fund}`)}</span>;
            },
          },
          { title: t('payrollPages.staff.bank'), dataIndex: 'bankCode' },
          { title: t('payrollPages.staff.lines'), dataIndex: 'lineCount', align: 'right' },
          { title: t('payrollPages.staff.total'), dataIndex: 'totalFen', align: 'right', render: formatYuan },
          {
            title: t('payrollPages.staff.issuedAt'),
            dataIndex: 'issuedAt',
            render: (at: string | null) => (at ? formatChinaTime(at, i18n.language) : '—'),
          },
          {
            title: t('payrollPages.staff.file'),
            key: 'actions',
            render: (_, file) =>
              mayRun && (
                <span className="payroll-file-actions">
                  <Button
                    icon={<DownloadOutlined />}
                    href={bankFileUrl(file.id)}
                    download={file.fileName}
                    size="small"
                  >
                    {t('payrollPages.staff.download')}
                  </Button>
                  <Upload
                    accept=".csv,text/csv"
                    showUploadList={false}
                    beforeUpload={(upload) => {
                      importReturn.mutate({ fileId: file.id, file: upload });
                      return false;
                    }}
                  >
                    <Button icon={<UploadOutlined />} size="small" loading={importReturn.isPending}>
                      {t('payrollPages.staff.importReturn')}
                    </Button>
                  </Upload>
                </span>
              ),
          },
        ]}
      />
    </section>
  );
}

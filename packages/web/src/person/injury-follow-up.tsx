import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, reach } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { failedAs, LoadFailure } from '../benefits/application-parts.tsx';
import type { Application } from '../benefits/benefits-api.ts';
import { claimKeys, fetchAppraisals, type Appraisal } from '../benefits/claims-api.ts';
import { InjuryStoppage } from '../benefits/injury-stoppage.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { chinaToday } from '../shell/agency-clock.ts';

const I = 'benefitPages.claims.injury';
const R = 'benefitPages.claims.reappraisal';

/**
 * What follows an identified injury, for the injured person (docs/RULES.md 15.16, 15.23): the appraisal
 * conclusions with their windows, asking for a re-appraisal within 15 days of the latest (WIIR Art. 26), and
 * the stoppage period with pay the employer owes.
 */
export function InjuryFollowUp({ application }: { application: Application }) {
  const { t } = useTranslation();
  const appraisals = useQuery({
    queryKey: claimKeys.appraisals(application.id),
    queryFn: () => fetchAppraisals(application.id),
  });
  if (appraisals.isError)
    return <LoadFailure error={appraisals.error} onRetry={() => void appraisals.refetch()} />;
  const latest = appraisals.data?.at(-1);
  return (
    <div className="injury-follow-up">
      <Typography.Title level={3} className="subsection-title">
        {t(`${I}.appraisalsTitle`)}
      </Typography.Title>
      <Table<Appraisal>
        className="claim-appraisals"
        size="small"
        rowKey="id"
        loading={appraisals.isPending}
        pagination={false}
        dataSource={appraisals.data ?? []}
        scroll={{ x: 560 }}
        locale={{ emptyText: t(`${I}.noAppraisals`) }}
        columns={[
          {
            title: t(`${I}.columns.kind`),
            dataIndex: 'kind',
            render: (kind: Appraisal['kind']) => t(`${I}.appraisalKinds.${kind}`),
          },
          {
            title: t(`${I}.columns.grade`),
            dataIndex: 'grade',
            render: (grade: number | null) =>
              grade === null ? t(`${I}.noGrade`) : t(`${I}.gradeValue`, { grade }),
          },
          {
            title: t(`${I}.columns.nursing`),
            dataIndex: 'nursing',
            render: (nursing: Appraisal['nursing']) => t(`${I}.nursing.${nursing}`),
          },
          { title: t(`${I}.columns.concludedOn`), dataIndex: 'concludedOn' },
          { title: t(`${I}.columns.reappraisalUntil`), dataIndex: 'reappraisalUntil' },
          { title: t(`${I}.columns.reviewFrom`), dataIndex: 'reviewFrom' },
        ]}
      />
      {latest && latest.reappraisalUntil >= chinaToday() && (
        <ReappraisalRequest applicationId={application.id} until={latest.reappraisalUntil} />
      )}
      <Typography.Title level={3} className="subsection-title">
        {t('benefitPages.claims.stoppage.title')}
      </Typography.Title>
      <InjuryStoppage application={application} officer={false} />
    </div>
  );
}

function ReappraisalRequest({ applicationId, until }: { applicationId: number; until: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const ask = useMutation({
    mutationFn: async (note: string) => {
      const { data, error, response } = await reach(() =>
        api.POST('/api/applications/{applicationId}/reappraisal-request', {
          params: { path: { applicationId: String(applicationId) } },
          body: { note },
        }),
      );
      if (!response.ok || data === undefined) throw new ApiError(response.status, error);
      return data;
    },
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['benefits'] });
    },
  });
  return (
    <Form<{ note: string }>
      form={form}
      layout="vertical"
      name="reappraisal-request"
      className="benefit-section"
      onFinish={(values) => ask.mutate(values.note.trim())}
    >
      <Typography.Paragraph>{t(`${R}.hint`, { date: until })}</Typography.Paragraph>
      <Form.Item
        name="note"
        label={t(`${R}.note`)}
        rules={[{ required: true, whitespace: true, message: t(`${R}.noteRequired`) }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <div aria-live="polite">
        {ask.isError && <ProblemAlert error={ask.error} describe={failedAs(t(`${R}.failed`))} />}
        {ask.isSuccess && (
          <Typography.Paragraph type="success" role="status">
            {t(`${R}.sent`)}
          </Typography.Paragraph>
        )}
      </div>
      <Button htmlType="submit" loading={ask.isPending}>
        {t(`${R}.submit`)}
      </Button>
    </Form>
  );
}

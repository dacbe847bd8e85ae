import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { failedAs, LoadFailure } from '../benefits/application-parts.tsx';
import type { Application } from '../benefits/benefits-api.ts';
import { AppraisalsTable } from '../benefits/appraisals-table.tsx';
import { claimKeys, fetchAppraisals, requestReappraisal } from '../benefits/claims-api.ts';
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
      <AppraisalsTable appraisals={appraisals.data ?? []} loading={appraisals.isPending} forStaff={false} />
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
    mutationFn: (note: string) => requestReappraisal(applicationId, note),
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

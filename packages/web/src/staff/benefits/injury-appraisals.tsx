import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadFailure } from '../../benefits/application-parts.tsx';
import type { Application } from '../../benefits/benefits-api.ts';
import { AppraisalsTable } from '../../benefits/appraisals-table.tsx';
import { claimKeys, fetchAppraisals, recordAppraisal, type NewAppraisal } from '../../benefits/claims-api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { chinaToday } from '../../shell/agency-clock.ts';
import { DateField } from '../../shell/date-field.tsx';
import { problemMessage } from '../problem-message.tsx';

const I = 'benefitPages.claims.injury';
const NURSING = ['none', 'part', 'most', 'full'] as const;
const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * The labour-capability appraisals of an identified injury (docs/RULES.md 15.16): each conclusion with
 * the last day to ask for a re-appraisal and the first for a review, and (officers) a form to record one.
 */
export function InjuryAppraisals({ application, officer }: { application: Application; officer: boolean }) {
  const query = useQuery({
    queryKey: claimKeys.appraisals(application.id),
    queryFn: () => fetchAppraisals(application.id),
  });
  if (query.isError) return <LoadFailure error={query.error} onRetry={() => void query.refetch()} />;
  const appraisals = query.data ?? [];
  return (
    <>
      <AppraisalsTable appraisals={appraisals} loading={query.isPending} forStaff />
      {officer && query.data && <RecordAppraisal application={application} first={appraisals.length === 0} />}
    </>
  );
}

interface AppraisalValues {
  kind: NewAppraisal['kind'];
  grade: number;
  nursing: NewAppraisal['nursing'];
  requestedOn: string;
  concludedOn: string;
  committeeRef: string;
}

function RecordAppraisal({ application, first }: { application: Application; first: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AppraisalValues>();
  const today = chinaToday();
  const record = useMutation({
    mutationFn: (values: AppraisalValues) =>
      recordAppraisal(application.id, {
        ...values,
        grade: values.grade === 0 ? null : values.grade,
        committeeRef: values.committeeRef.trim(),
      }),
    onSuccess: (appraisals) => {
      queryClient.setQueryData(claimKeys.appraisals(application.id), appraisals);
      void queryClient.invalidateQueries({ queryKey: ['benefits'] });
      form.resetFields();
    },
  });
  const kinds = first ? (['initial'] as const) : (['re-appraisal', 'review'] as const);
  return (
    <Card
      size="small"
      className="benefit-section"
      title={<h3 className="benefit-card-title">{t(`${I}.recordTitle`)}</h3>}
    >
      <Typography.Paragraph type="secondary">{t(`${I}.recordHint`)}</Typography.Paragraph>
      <Form<AppraisalValues>
        form={form}
        layout="vertical"
        name="appraisal"
        initialValues={{ kind: kinds[0], nursing: 'none' }}
        onFinish={(values) => record.mutate(values)}
      >
        <Form.Item name="kind" label={t(`${I}.columns.kind`)} rules={[{ required: true }]}>
          <Select options={kinds.map((kind) => ({ value: kind, label: t(`${I}.appraisalKinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item
          name="grade"
          label={t(`${I}.grade`)}
          rules={[{ required: true, message: t(`${I}.gradeRequired`) }]}
        >
          <Select
            options={[
              ...GRADES.map((grade) => ({ value: grade, label: t(`${I}.gradeValue`, { grade }) })),
              { value: 0, label: t(`${I}.noGrade`) },
            ]}
          />
        </Form.Item>
        <Form.Item name="nursing" label={t(`${I}.columns.nursing`)} rules={[{ required: true }]}>
          <Select options={NURSING.map((level) => ({ value: level, label: t(`${I}.nursing.${level}`) }))} />
        </Form.Item>
        <Form.Item
          name="requestedOn"
          label={t(`${I}.columns.requestedOn`)}
          rules={[{ required: true, message: t(`${I}.dateRequired`) }]}
        >
          <DateField max={today} block />
        </Form.Item>
        <Form.Item
          name="concludedOn"
          label={t(`${I}.columns.concludedOn`)}
          rules={[{ required: true, message: t(`${I}.dateRequired`) }]}
        >
          <DateField max={today} block />
        </Form.Item>
        <Form.Item
          name="committeeRef"
          label={t(`${I}.columns.committeeRef`)}
          rules={[{ required: true, whitespace: true, message: t(`${I}.committeeRefRequired`) }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <div aria-live="polite">
          {record.isError && <ProblemAlert error={record.error} describe={problemMessage} />}
          {record.isSuccess && (
            <Typography.Paragraph type="success" role="status">
              {t(`${I}.recorded`)}
            </Typography.Paragraph>
          )}
        </div>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t(`${I}.record`)}
        </Button>
      </Form>
    </Card>
  );
}

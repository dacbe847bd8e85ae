import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import {
  changeAgreementStanding,
  medicalKeys,
  type Agreement,
  type AgreementStatus,
  type StandingChange,
} from '../../medical/medical-api.ts';
import { chinaToday } from '../../shell/agency-clock.ts';
import { DateField } from '../../shell/date-field.tsx';
import { problemMessage } from '../problem-message.tsx';

const F = 'medicalPages.standing';

interface Values {
  status: AgreementStatus;
  from: string;
  until?: string;
  reason: string;
  source?: string;
}

/** What may follow an agreement's standing: a terminated one is not changed again (a new one is signed). */
function nextStatuses(current: AgreementStatus): AgreementStatus[] {
  if (current === 'active') return ['suspended', 'terminated'];
  if (current === 'suspended') return ['active', 'suspended', 'terminated'];
  return [];
}

/**
 * Suspends an agreement from a day to a last day, ends it, or makes it active again, each with the reason
 * and its legal basis (docs/RULES.md 16.1; MFR Art. 40 for a suspension after fraud). A suspension bars
 * settling from its first day, also for visits before it.
 */
export function AgreementStandingForm({
  institutionId,
  agreement,
}: {
  institutionId: number;
  agreement: Agreement;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const statuses = nextStatuses(agreement.status);
  const change = useMutation({
    mutationFn: (values: Values) => {
      const body: StandingChange = {
        status: values.status,
        from: values.from,
        reason: values.reason.trim(),
        ...(values.status === 'suspended' && values.until ? { until: values.until } : {}),
        ...(values.source?.trim() ? { source: values.source.trim() } : {}),
      };
      return changeAgreementStanding(institutionId, agreement.id, body);
    },
    onSuccess: (institution) => {
      queryClient.setQueryData(medicalKeys.institution(institutionId), institution);
      void queryClient.invalidateQueries({ queryKey: ['medical', 'institutions'] });
      form.resetFields(['reason', 'source', 'until']);
      // What may follow now: a restored agreement is suspended or ended next, no longer restored.
      const now = institution.agreements.find((item) => item.id === agreement.id);
      const next = now ? nextStatuses(now.status)[0] : undefined;
      if (next) form.setFieldValue('status', next);
    },
  });
  if (statuses.length === 0)
    return <Typography.Paragraph type="secondary">{t(`${F}.terminatedNote`)}</Typography.Paragraph>;
  const formName = `agreement-standing-${agreement.id}`;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={formName}
      requiredMark={false}
      className="medical-form medical-standing-form"
      initialValues={{ status: statuses[0], from: chinaToday() }}
      onFinish={(values) => change.mutate(values)}
    >
      <Typography.Title level={4} className="subsection-title">
        {t(`${F}.title`)}
      </Typography.Title>
      <Form.Item name="status" label={t(`${F}.action`)}>
        <Radio.Group
          options={statuses.map((value) => ({ value, label: t(`${F}.actions.${value}`) }))}
          optionType="button"
        />
      </Form.Item>
      <Form.Item
        name="from"
        label={t(`${F}.from`)}
        rules={[{ required: true, message: t(`${F}.fromRequired`) }]}
      >
        <DateField block />
      </Form.Item>
      {status === 'suspended' && (
        <Form.Item
          name="until"
          label={t(`${F}.until`)}
          dependencies={['from']}
          rules={[
            { required: true, message: t(`${F}.untilRequired`) },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                const from = getFieldValue('from') as string | undefined;
                if (value && from && value < from) throw new Error(t(`${F}.untilBeforeFrom`));
              },
            }),
          ]}
        >
          <DateField block />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={t(`${F}.reason`)}
        rules={[{ required: true, whitespace: true, min: 2, message: t(`${F}.reasonRequired`) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="source" label={t(`${F}.source`)} extra={t(`${F}.sourceHelp`)}>
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <div aria-live="polite">
        {change.isError && <ProblemAlert error={change.error} describe={problemMessage} />}
        {change.isSuccess && (
          <Typography.Paragraph type="success" role="status">
            {t(`${F}.changed`, { status: t(`medicalPages.agreementStatuses.${change.variables.status}`) })}
          </Typography.Paragraph>
        )}
      </div>
      <Button type="primary" danger={status !== 'active'} htmlType="submit" loading={change.isPending}>
        {t(`${F}.submit`)}
      </Button>
    </Form>
  );
}

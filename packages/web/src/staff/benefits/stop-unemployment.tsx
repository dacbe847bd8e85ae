import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { benefitKeys } from '../../benefits/benefits-api.ts';
import { STOP_REASONS, stopUnemployment, type StopReason } from '../../benefits/claims-api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { MonthField } from '../../shell/date-field.tsx';
import { problemMessage } from '../problem-message.tsx';

const S = 'benefitPages.claims.stop';

/**
 * Stopping a person's unemployment benefit after a month for a reason of SIL Art. 51
 * (docs/RULES.md 15.18); a hire stops it by itself. Months already paid beyond it become a claim to recover.
 */
export function StopUnemployment({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const stop = useMutation({
    mutationFn: (values: { lastMonth: string; reason: StopReason }) =>
      stopUnemployment(personId, values.lastMonth, values.reason),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: benefitKeys.all }),
  });
  return (
    <Card
      size="small"
      className="benefit-section stop-unemployment"
      title={<h4 className="benefit-card-title">{t(`${S}.title`)}</h4>}
    >
      <Typography.Paragraph type="secondary">{t(`${S}.hint`)}</Typography.Paragraph>
      <Form<{ lastMonth: string; reason: StopReason }>
        layout="vertical"
        name="unemployment-stop"
        initialValues={{ reason: 're-employed' }}
        onFinish={(values) => stop.mutate(values)}
      >
        <Form.Item name="reason" label={t(`${S}.reason`)} rules={[{ required: true }]}>
          <Select
            options={STOP_REASONS.map((reason) => ({ value: reason, label: t(`${S}.reasons.${reason}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="lastMonth"
          label={t(`${S}.lastMonth`)}
          rules={[{ required: true, message: t(`${S}.lastMonthRequired`) }]}
        >
          <MonthField block />
        </Form.Item>
        <div aria-live="polite">
          {stop.isError && <ProblemAlert error={stop.error} describe={problemMessage} />}
          {stop.isSuccess && (
            <Typography.Paragraph type="success" role="status">
              {t(`${S}.stopped`, { month: stop.variables.lastMonth })}
            </Typography.Paragraph>
          )}
        </div>
        <Button danger htmlType="submit" loading={stop.isPending}>
          {t(`${S}.stop`)}
        </Button>
      </Form>
    </Card>
  );
}

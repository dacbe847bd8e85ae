import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import {
  CLAIM_KINDS,
  medicalKeys,
  signAgreement,
  type ClaimKind,
  type NewAgreement,
} from '../../medical/medical-api.ts';
import { chinaToday } from '../../shell/agency-clock.ts';
import { DateField } from '../../shell/date-field.tsx';
import { problemMessage } from '../problem-message.tsx';

const F = 'medicalPages.sign';

interface Values {
  agreementNo: string;
  validFrom: string;
  validTo: string;
  scope: ClaimKind[];
  paymentDays: number;
}

/** The last day of the calendar year after the one a day falls in: agreements run a year or two. */
function endOfNextYear(day: string): string {
  return `${Number(day.slice(0, 4)) + 1}-12-31`;
}

/**
 * Signs a service agreement with the institution (SIL Art. 31; docs/RULES.md 16.1): its number, first and
 * last day, the kinds of claim it covers and the days within which the agency pays a month's statement.
 */
export function SignAgreementForm({ institutionId }: { institutionId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const today = chinaToday();
  const sign = useMutation({
    mutationFn: (values: Values) => {
      const body: NewAgreement = {
        agreementNo: values.agreementNo.trim(),
        validFrom: values.validFrom,
        validTo: values.validTo,
        scope: values.scope,
        paymentDays: values.paymentDays,
      };
      return signAgreement(institutionId, body);
    },
    onSuccess: (institution) => {
      queryClient.setQueryData(medicalKeys.institution(institutionId), institution);
      void queryClient.invalidateQueries({ queryKey: ['medical', 'institutions'] });
      form.resetFields(['agreementNo']);
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="sign-agreement"
      requiredMark={false}
      className="medical-form"
      initialValues={{
        validFrom: today,
        validTo: endOfNextYear(today),
        scope: [...CLAIM_KINDS],
        paymentDays: 30,
      }}
      onFinish={(values) => sign.mutate(values)}
    >
      <Typography.Paragraph type="secondary">{t(`${F}.hint`)}</Typography.Paragraph>
      <Form.Item
        name="agreementNo"
        label={t(`${F}.agreementNo`)}
        rules={[{ required: true, whitespace: true, min: 4, message: t(`${F}.agreementNoRequired`) }]}
      >
        <Input autoComplete="off" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="validFrom"
        label={t(`${F}.validFrom`)}
        rules={[{ required: true, message: t(`${F}.dateRequired`) }]}
      >
        <DateField block />
      </Form.Item>
      <Form.Item
        name="validTo"
        label={t(`${F}.validTo`)}
        dependencies={['validFrom']}
        rules={[
          { required: true, message: t(`${F}.dateRequired`) },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              const from = getFieldValue('validFrom') as string | undefined;
              if (value && from && value < from) throw new Error(t(`${F}.validToBeforeFrom`));
            },
          }),
        ]}
      >
        <DateField block />
      </Form.Item>
      <Form.Item
        name="scope"
        label={t(`${F}.scope`)}
        rules={[{ required: true, message: t(`${F}.scopeRequired`) }]}
      >
        <Checkbox.Group
          options={CLAIM_KINDS.map((kind) => ({ value: kind, label: t(`medicalPages.kinds.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item name="paymentDays" label={t(`${F}.paymentDays`)} rules={[{ required: true }]}>
        <InputNumber min={1} max={90} precision={0} />
      </Form.Item>
      <div aria-live="polite">
        {sign.isError && <ProblemAlert error={sign.error} describe={problemMessage} />}
        {sign.isSuccess && (
          <Typography.Paragraph type="success" role="status">
            {t(`${F}.signed`, { no: sign.variables.agreementNo.trim() })}
          </Typography.Paragraph>
        )}
      </div>
      <Button type="primary" htmlType="submit" loading={sign.isPending}>
        {t(`${F}.submit`)}
      </Button>
    </Form>
  );
}

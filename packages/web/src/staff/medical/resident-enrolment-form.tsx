import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ExplanationView } from '../../medical/explanation-view.tsx';
import { enrolResident, medicalKeys, type NewResidentEnrolment } from '../../medical/medical-api.ts';
import { Money } from '../../medical/money-cell.tsx';
import { chinaToday } from '../../shell/agency-clock.ts';
import { DateField } from '../../shell/date-field.tsx';
import { typedYuanToFen } from '../money/typed-values.ts';
import { describeRefusal } from './refusal.tsx';

const E = 'medicalFundPages.enrolment';

interface Values {
  year: number;
  paidOn: string;
  /** Yuan, as typed. */
  amount: string;
  repairedYears: number;
  newborn: boolean;
}

/**
 * A resident's enrolment in the residents' medical scheme for a year, taken at the counter
 * (docs/RULES.md 16.5): the year, the day paid and the premium, the years of an earlier gap paid for now, whether a
 * newborn; answered with the first covered day, the end of the waiting period, and how it was worked out.
 * The server refuses a person insured as an employee or flexible worker, and the form says why.
 */
export function ResidentEnrolmentForm({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const today = chinaToday();
  const enrol = useMutation({
    mutationFn: (values: Values) => {
      const body: NewResidentEnrolment = {
        year: values.year,
        paidOn: values.paidOn,
        amountFen: typedYuanToFen(values.amount)!,
        repairedYears: values.repairedYears,
        newborn: values.newborn,
      };
      return enrolResident(personId, body);
    },
    // The account's list of enrolments shows the new one.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: medicalKeys.account(personId) }),
  });
  const enrolment = enrol.data;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="resident-enrolment"
      requiredMark={false}
      className="medical-form"
      initialValues={{ year: Number(today.slice(0, 4)), paidOn: today, repairedYears: 0, newborn: false }}
      onFinish={(values) => enrol.mutate(values)}
    >
      <Typography.Paragraph type="secondary">{t(`${E}.intro`)}</Typography.Paragraph>
      <Form.Item
        name="year"
        label={t(`${E}.year`)}
        rules={[{ required: true, message: t(`${E}.yearRequired`) }]}
      >
        <InputNumber min={2000} max={2100} precision={0} />
      </Form.Item>
      <Form.Item
        name="paidOn"
        label={t(`${E}.paidOn`)}
        rules={[{ required: true, message: t(`${E}.paidOnRequired`) }]}
      >
        <DateField block max={today} />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t(`${E}.amount`)}
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              if (typedYuanToFen(value ?? '') === null) throw new Error(t(`${E}.amountRequired`));
            },
          },
        ]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      <Form.Item name="repairedYears" label={t(`${E}.repairedYears`)} extra={t(`${E}.repairedYearsHelp`)}>
        <InputNumber min={0} max={50} precision={0} />
      </Form.Item>
      <Form.Item name="newborn" valuePropName="checked">
        <Checkbox>{t(`${E}.newborn`)}</Checkbox>
      </Form.Item>
      <div aria-live="polite">
        {enrol.isError && (
          <ProblemAlert
            className="medical-outcome"
            error={enrol.error}
            describe={describeRefusal(t(`${E}.refused`), { 'not-a-resident': t(`${E}.notResident`) })}
          />
        )}
        {enrolment && (
          <div className="medical-enrolment-result" data-covered-from={enrolment.coveredFrom}>
            <Alert
              className="medical-outcome"
              type="success"
              showIcon
              role="status"
              title={t(`${E}.enrolled`, { year: enrolment.year, coveredFrom: enrolment.coveredFrom })}
              description={<Money fen={enrolment.amountFen} name="amountFen" />}
            />
            <Typography.Title level={4} className="subsection-title">
              {t(`${E}.explanationTitle`)}
            </Typography.Title>
            <ExplanationView explanation={enrolment.explanation} />
          </div>
        )}
      </div>
      <Button type="primary" htmlType="submit" loading={enrol.isPending} className="medical-outcome">
        {t(`${E}.submit`)}
      </Button>
    </Form>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { failedAs } from '../benefits/application-parts.tsx';
import { claimKeys, fileForEmployee, type Payee } from '../benefits/claims-api.ts';
import { InjuryDeadline } from '../benefits/injury-deadline.tsx';
import { MaternityFields } from '../benefits/maternity-fields.tsx';
import { medicalCostsOf, PayeeFields } from '../benefits/payee-fields.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { chinaToday } from '../shell/agency-clock.ts';
import { DateField } from '../shell/date-field.tsx';
import { fetchStaffForNames } from './employer-api.ts';

const A = 'benefitPages.claims.apply';
const F = 'benefitPages.claims.facts';
const E = 'benefitPages.claims.employer';

interface FilingValues {
  personId: number;
  event: string;
  eventDate?: string;
  description?: string;
  dystocia?: boolean;
  babies?: number;
  miscarriageStage?: 'early' | 'late';
  medicalCosts?: string;
  payee: Payee;
}

/**
 * The employer's filing for one of its current employees (docs/RULES.md 15.14): a work injury, with its
 * 30 days to apply shown as the date is picked, or a birth or miscarriage.
 */
export function EmployeeFilingForm({
  employerId,
  kind,
}: {
  employerId: number;
  kind: 'work-injury' | 'maternity';
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FilingValues>();
  const today = chinaToday();
  const eventDate = Form.useWatch('eventDate', form);
  const event = Form.useWatch('event', form);
  const staff = useQuery({
    queryKey: ['employer', employerId, 'staff-names', true],
    queryFn: () => fetchStaffForNames(employerId, true),
  });
  const file = useMutation({
    mutationFn: (values: FilingValues) =>
      fileForEmployee(
        employerId,
        values.personId,
        kind === 'work-injury'
          ? {
              kind,
              facts: {
                event: values.event as 'accident',
                eventDate: values.eventDate!,
                employerId,
                filedAs: 'employer',
                description: (values.description ?? '').trim(),
                payee: values.payee,
              },
            }
          : {
              kind,
              facts: {
                event: values.event as 'birth',
                eventDate: values.eventDate!,
                dystocia: values.dystocia ?? false,
                babies: values.babies ?? 1,
                ...(values.event === 'miscarriage' ? { miscarriageStage: values.miscarriageStage! } : {}),
                ...medicalCostsOf(values.medicalCosts),
                ...medicalCostsOf(values.medicalCosts),
                payee: values.payee,
              },
            },
      ),
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: claimKeys.employer(employerId) });
    },
  });
  const events =
    kind === 'work-injury'
      ? (['accident', 'occupational-disease'] as const)
      : (['birth', 'miscarriage'] as const);
  return (
    <Card
      size="small"
      className="claim-filing"
      data-kind={kind}
      title={
        <h2 className="benefit-card-title">
          {t(kind === 'work-injury' ? `${E}.injuryTitle` : `${E}.maternityTitle`)}
        </h2>
      }
    >
      <Form<FilingValues>
        form={form}
        layout="vertical"
        name={`file-${kind}`}
        initialValues={{ event: events[0], babies: 1, dystocia: false, payee: { kind: 'bank', account: '' } }}
        onFinish={(values) => file.mutate(values)}
      >
        <Form.Item
          name="personId"
          label={t(`${E}.employee`)}
          rules={[{ required: true, message: t(`${E}.employeeRequired`) }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={staff.isPending}
            options={(staff.data?.items ?? []).map((member) => ({
              value: member.personId,
              label: t(`${E}.employeeOption`, { name: member.name, id: member.idNumberMasked }),
            }))}
          />
        </Form.Item>
        <Form.Item name="event" label={t(`${F}.event`)} rules={[{ required: true }]}>
          <Radio.Group options={events.map((value) => ({ value, label: t(`${F}.events.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="eventDate"
          label={t(`${F}.eventDate`)}
          rules={[{ required: true, message: t(`${A}.eventDateRequired`) }]}
        >
          <DateField max={today} block />
        </Form.Item>
        {kind === 'work-injury' && eventDate && <InjuryDeadline eventDate={eventDate} today={today} />}
        {kind === 'work-injury' && (
          <Form.Item
            name="description"
            label={t(`${A}.description`)}
            className="benefit-section"
            rules={[{ required: true, whitespace: true, message: t(`${A}.descriptionRequired`) }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {kind === 'maternity' && <MaternityFields event={event} />}
        <PayeeFields />
        <div aria-live="polite">
          {file.isError && <ProblemAlert error={file.error} describe={failedAs(t(`${A}.failed`))} />}
          {file.isSuccess && (
            <Typography.Paragraph type="success" role="status">
              {t(`${A}.filed`, { no: file.data.applicationNo })}
            </Typography.Paragraph>
          )}
        </div>
        <Button type="primary" htmlType="submit" loading={file.isPending}>
          {t(`${A}.submit`)}
        </Button>
      </Form>
    </Card>
  );
}

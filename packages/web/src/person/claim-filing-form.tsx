import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { failedAs } from '../benefits/application-parts.tsx';
import { benefitKeys, fetchPersonApplications, type Application } from '../benefits/benefits-api.ts';
import {
  fetchEmployments,
  fileClaim,
  type ClaimFiling,
  type ClaimKind,
  type Payee,
} from '../benefits/claims-api.ts';
import { MaternityFields } from '../benefits/maternity-fields.tsx';
import {
  InjuryMedicalFields,
  injuryMedicalOf,
  type InjuryMedicalValues,
} from '../benefits/injury-medical-fields.tsx';
import {
  InjuryDeathFields,
  injuryDeathOf,
  type InjuryDeathValues,
} from '../benefits/injury-death-fields.tsx';
import { medicalCostsOf, PayeeFields } from '../benefits/payee-fields.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { chinaToday } from '../shell/agency-clock.ts';
import { DateField } from '../shell/date-field.tsx';

const A = 'benefitPages.claims.apply';
const F = 'benefitPages.claims.facts';

interface Values extends InjuryDeathValues, InjuryMedicalValues {
  event?: string;
  eventDate?: string;
  employerId?: number;
  filedAs?: 'self' | 'relative';
  description?: string;
  identificationId?: number;
  registeredOn?: string;
  dystocia?: boolean;
  babies?: number;
  miscarriageStage?: 'early' | 'late';
  medicalCosts?: string;
  note?: string;
  payee: Payee;
}

/** The facts the server takes for each kind, from the form's values (docs/RULES.md 15.14). */
function filingOf(kind: ClaimKind, values: Values): ClaimFiling {
  const note = values.note?.trim() ? { note: values.note.trim() } : {};
  switch (kind) {
    case 'work-injury':
      return {
        kind,
        facts: {
          event: values.event as 'accident',
          eventDate: values.eventDate!,
          employerId: values.employerId!,
          filedAs: values.filedAs ?? 'self',
          description: (values.description ?? '').trim(),
          payee: values.payee,
        },
      };
    case 'injury-benefits':
      return {
        kind,
        facts: {
          identificationId: values.identificationId!,
          ...(values.claimWhat === 'medical' ? injuryMedicalOf(values) : injuryDeathOf(values)),
          payee: values.payee,
          ...note,
        },
      };
    case 'unemployment':
      return { kind, facts: { registeredOn: values.registeredOn!, payee: values.payee, ...note } };
    case 'maternity':
      return {
        kind,
        facts: {
          event: values.event as 'birth',
          eventDate: values.eventDate!,
          dystocia: values.dystocia ?? false,
          babies: values.babies ?? 1,
          ...(values.event === 'miscarriage' ? { miscarriageStage: values.miscarriageStage! } : {}),
          ...medicalCostsOf(values.medicalCosts),
          payee: values.payee,
        },
      };
  }
}

/**
 * A person's application for a work injury identification (as the injured person or a close relative),
 * injury benefits on an identified injury, unemployment benefit or maternity benefits. At the counter a
 * benefits officer files the same for the person, and the survivors' claim of a death from the injury.
 */
export function ClaimFilingForm({
  personId,
  kind,
  onFiled,
  atCounter = false,
}: {
  personId: number;
  kind: ClaimKind;
  onFiled: (application: Application) => void;
  atCounter?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const today = chinaToday();
  const event = Form.useWatch('event', form);
  const died = Form.useWatch('died', form);
  const claimWhat = Form.useWatch('claimWhat', form);
  const employments = useQuery({
    queryKey: ['benefits', 'employments', personId],
    queryFn: () => fetchEmployments(personId),
    enabled: kind === 'work-injury',
  });
  const applications = useQuery({
    queryKey: benefitKeys.person(personId),
    queryFn: () => fetchPersonApplications(personId),
    enabled: kind === 'injury-benefits',
  });
  const identified = (applications.data?.items ?? []).filter(
    (item) => item.kind === 'work-injury' && item.decision?.kind === 'identified',
  );
  const file = useMutation({
    mutationFn: (values: Values) => fileClaim(personId, filingOf(kind, values)),
    onSuccess: (application) => {
      void queryClient.invalidateQueries({ queryKey: benefitKeys.all });
      onFiled(application);
    },
  });
  const events =
    kind === 'work-injury'
      ? (['accident', 'occupational-disease'] as const)
      : (['birth', 'miscarriage'] as const);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={`apply-${kind}`}
      className="claim-filing"
      initialValues={{
        event: events[0],
        filedAs: 'self',
        claimWhat: 'disability',
        babies: 1,
        dystocia: false,
        payee: { kind: 'bank', account: '' },
      }}
      onFinish={(values) => file.mutate(values)}
    >
      {(kind === 'work-injury' || kind === 'maternity') && (
        <>
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
        </>
      )}
      {kind === 'work-injury' && (
        <>
          <Form.Item
            name="employerId"
            label={t(`${A}.employer`)}
            rules={[{ required: true, message: t(`${A}.employerRequired`) }]}
          >
            <Select
              loading={employments.isPending}
              options={(employments.data?.items ?? []).map((employment) => ({
                value: employment.employerId,
                label: t(`${A}.employerOption`, { id: employment.employerId, from: employment.hiredOn }),
              }))}
            />
          </Form.Item>
          <Form.Item name="filedAs" label={t(`${A}.filedAs`)} extra={t(`${A}.filedAsHint`)}>
            <Radio.Group
              options={(atCounter
                ? (['self', 'relative', 'union'] as const)
                : (['self', 'relative'] as const)
              ).map((value) => ({
                value,
                label: t(`${F}.filedAsKinds.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t(`${A}.description`)}
            rules={[{ required: true, whitespace: true, message: t(`${A}.descriptionRequired`) }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {kind === 'injury-benefits' &&
        (applications.data && identified.length === 0 ? (
          <Typography.Paragraph type="warning" role="status">
            {t(`${A}.noIdentification`)}
          </Typography.Paragraph>
        ) : (
          <Form.Item
            name="identificationId"
            label={t(`${A}.identification`)}
            rules={[{ required: true, message: t(`${A}.identificationRequired`) }]}
          >
            <Select
              loading={applications.isPending}
              options={identified.map((item) => ({
                value: item.id,
                label: t(`${A}.identificationOption`, {
                  no: item.applicationNo,
                  date: item.decision?.decidedOn ?? '',
                }),
              }))}
            />
          </Form.Item>
        ))}
      {kind === 'injury-benefits' && <InjuryMedicalFields claimWhat={claimWhat} />}
      {kind === 'injury-benefits' && atCounter && claimWhat !== 'medical' && (
        <InjuryDeathFields died={died} />
      )}
      {kind === 'unemployment' && (
        <Form.Item
          name="registeredOn"
          label={t(`${F}.registeredOn`)}
          rules={[{ required: true, message: t(`${A}.eventDateRequired`) }]}
        >
          <DateField max={today} block />
        </Form.Item>
      )}
      {kind === 'maternity' && <MaternityFields event={event} />}
      <PayeeFields />
      {(kind === 'injury-benefits' || kind === 'unemployment') && (
        <Form.Item name="note" label={t(`${A}.note`)}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      )}
      <div aria-live="polite">
        {file.isError && <ProblemAlert error={file.error} describe={failedAs(t(`${A}.failed`))} />}
      </div>
      <Button type="primary" htmlType="submit" loading={file.isPending}>
        {t(`${A}.submit`)}
      </Button>
    </Form>
  );
}

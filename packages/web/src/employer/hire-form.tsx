import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkIdNumber } from '../public/identifier-checks.ts';
import { chinaToday } from '../shell/agency-clock.ts';
import { DateField } from '../shell/date-field.tsx';
import { IdentifierField } from '../public/identifier-field.tsx';
import { hireEmployee, type HireRequest } from './employer-api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { problemMessage } from './problem-message.ts';
import { yuanRule, yuanToFen } from './yuan.ts';

interface HireValues {
  idNumber: string;
  name: string;
  hukouType: 'urban' | 'rural';
  hukouRegionCode?: string;
  hiredOn: string;
  reason: 'new_hire' | 'transfer_in';
  monthlyWage?: string;
}

const HIRE_REASONS = ['new_hire', 'transfer_in'] as const;

/**
 * 增员 in one form: the identity number checked as it is typed, the name, hire date and reason, and the
 * first month's wage as the year's base. A person not insured yet is registered by the same request,
 * so the hukou fields are asked too (the region defaults to the identity number's address code).
 */
export function HireForm({ employerId, onDone }: { employerId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const today = chinaToday();
  const [form] = Form.useForm<HireValues>();
  const hire = useMutation({
    mutationFn: (body: HireRequest) => hireEmployee(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['employer', employerId] }),
  });
  const submit = (values: HireValues) => {
    const idNumber = values.idNumber.trim().toUpperCase();
    const wageFen = yuanToFen(values.monthlyWage);
    hire.mutate({
      employerId,
      idNumber,
      name: values.name.trim(),
      hukouType: values.hukouType,
      hukouRegionCode: values.hukouRegionCode?.trim() || idNumber.slice(0, 6),
      hiredOn: values.hiredOn,
      reason: values.reason,
      ...(wageFen === null ? {} : { monthlyWageFen: wageFen }),
    });
  };
  const result = hire.data as { registeredPerson?: boolean; registration?: { late?: boolean } } | undefined;
  return (
    <Form<HireValues>
      form={form}
      layout="vertical"
      name="hire"
      requiredMark
      scrollToFirstError={{ focus: true }}
      initialValues={{ hukouType: 'urban', reason: 'new_hire', hiredOn: today }}
      onFinish={submit}
    >
      <p>{t('employerPages.hire.intro')}</p>
      <IdentifierField
        name="idNumber"
        label={t('employerPages.fields.idNumber')}
        hint={t('employerPages.hire.idNumberHelp')}
        validNote={(values) => t('employerPages.hire.idNumberValid', { birthDate: values.birthDate ?? '' })}
        check={(text, complete) => checkIdNumber(text, complete, today)}
        autoComplete="off"
      />
      <Form.Item
        name="name"
        label={t('employerPages.fields.name')}
        extra={t('employerPages.hire.nameHelp')}
        rules={[{ required: true, whitespace: true, message: t('employerPages.hire.nameRequired') }]}
      >
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item name="hukouType" label={t('employerPages.fields.hukouType')}>
        <Radio.Group>
          <Radio value="urban">{t('employerPages.hire.hukouTypes.urban')}</Radio>
          <Radio value="rural">{t('employerPages.hire.hukouTypes.rural')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="hukouRegionCode"
        label={t('employerPages.fields.hukouRegionCode')}
        extra={t('employerPages.hire.hukouRegionHelp')}
        rules={[{ pattern: /^\d{6}$/, message: t('employerPages.hire.hukouRegionInvalid') }]}
      >
        <Input inputMode="numeric" maxLength={6} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="hiredOn"
        label={t('employerPages.fields.hiredOn')}
        rules={[{ required: true, message: t('employerPages.hire.hiredOnRequired') }]}
      >
        <DateField block />
      </Form.Item>
      <Form.Item name="reason" label={t('employerPages.fields.reason')}>
        <Radio.Group>
          {HIRE_REASONS.map((reason) => (
            <Radio key={reason} value={reason}>
              {t(`employerPages.hire.reasons.${reason}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="monthlyWage"
        label={t('employerPages.fields.monthlyWageFen')}
        extra={t('employerPages.hire.wageHelp')}
        validateTrigger="onBlur"
        rules={[
          {
            validator: async (rule, value: string | undefined) => {
              if (value?.trim()) await yuanRule(t('employerPages.hire.wageInvalid')).validator(rule, value);
            },
          },
        ]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      {hire.isError && <ProblemAlert error={hire.error} describe={problemMessage} />}
      {hire.isSuccess && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('employerPages.hire.done', {
            name: form.getFieldValue('name') as string,
            hiredOn: form.getFieldValue('hiredOn') as string,
          })}
          description={[
            result?.registeredPerson ? t('employerPages.hire.registered') : '',
            result?.registration?.late ? t('employerPages.hire.late') : '',
          ]
            .filter(Boolean)
            .join(' ')}
        />
      )}
      <Space className="employer-form-actions">
        <Button type="primary" htmlType="submit" loading={hire.isPending}>
          {t('employerPages.hire.submit')}
        </Button>
        <Button onClick={onDone}>{t('employerPages.common.back')}</Button>
      </Space>
    </Form>
  );
}

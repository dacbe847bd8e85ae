import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../shell/format.ts';
import { declareBase, fetchStaffForNames } from './employer-api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { problemMessage } from './problem-message.ts';
import { yuanRule, yuanToFen } from './yuan.ts';

interface BaseValues {
  personId: number;
  amount: string;
}

/** One employee's yearly base: a new version of it, never an edit of the last one. */
export function BaseForm({ employerId, cycleStart }: { employerId: number; cycleStart: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const staff = useQuery({
    queryKey: ['employer', employerId, 'staff', 'all-current'],
    queryFn: () => fetchStaffForNames(employerId, true),
  });
  const declare = useMutation({
    mutationFn: (values: BaseValues) =>
      declareBase({
        employerId,
        personId: values.personId,
        cycleStart,
        declaredFen: yuanToFen(values.amount)!,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['employer', employerId, 'bases'] }),
  });
  const nameOf = (personId: number | undefined) =>
    staff.data?.items.find((member) => member.personId === personId)?.name ?? '';
  const declared = declare.data as { declaredFen?: number; version?: number } | undefined;
  return (
    <Form<BaseValues>
      layout="vertical"
      name="base"
      requiredMark
      onFinish={(values) => declare.mutate(values)}
    >
      <Form.Item
        name="personId"
        label={t('employerPages.bases.employee')}
        rules={[{ required: true, message: t('employerPages.bases.employeeRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={staff.isPending}
          placeholder={t('employerPages.bases.employeePlaceholder')}
          options={staff.data?.items.map((member) => ({
            value: member.personId,
            label: `${member.name} ${member.idNumberMasked}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('employerPages.bases.amount')}
        extra={t('employerPages.bases.amountHelp')}
        validateTrigger="onBlur"
        rules={[yuanRule(t('employerPages.bases.amountInvalid'))]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      {declare.isError && <ProblemAlert error={declare.error} describe={problemMessage} />}
      {declare.isSuccess && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('employerPages.bases.declared', {
            name: nameOf(declare.variables?.personId),
            amount: formatYuan(declared?.declaredFen ?? 0),
            version: declared?.version ?? 1,
          })}
        />
      )}
      <Button type="primary" htmlType="submit" loading={declare.isPending}>
        {t('employerPages.bases.declare')}
      </Button>
    </Form>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaToday } from '../shell/agency-clock.ts';
import { DateField } from '../shell/date-field.tsx';
import { recordLeave, type StaffMember } from './employer-api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { problemMessage } from './problem-message.ts';

const LEAVE_REASONS = ['resignation', 'dismissal', 'transfer_out', 'retirement', 'death'] as const;

interface LeaveValues {
  leftOn: string;
  reason: (typeof LEAVE_REASONS)[number];
}

/** 减员: the last day employed and why; the employment is named by its id and this employer. */
export function LeaveForm({
  employerId,
  member,
  onDone,
}: {
  employerId: number;
  member: StaffMember;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const leave = useMutation({
    mutationFn: (values: LeaveValues) =>
      recordLeave({ employerId, employmentId: member.employmentId, ...values }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['employer', employerId] }),
  });
  return (
    <Form<LeaveValues>
      layout="vertical"
      name="leave"
      requiredMark
      initialValues={{ leftOn: chinaToday() }}
      onFinish={(values) => leave.mutate(values)}
    >
      <Form.Item
        name="leftOn"
        label={t('employerPages.fields.leftOn')}
        rules={[{ required: true, message: t('employerPages.leave.leftOnRequired') }]}
      >
        <DateField min={member.hiredOn} block />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('employerPages.fields.reason')}
        rules={[{ required: true, message: t('employerPages.leave.reasonRequired') }]}
      >
        <Radio.Group>
          {LEAVE_REASONS.map((reason) => (
            <Radio key={reason} value={reason}>
              {t(`employerPages.leave.reasons.${reason}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {leave.isError && <ProblemAlert error={leave.error} describe={problemMessage} />}
      {leave.isSuccess && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('employerPages.leave.done', { name: member.name, leftOn: leave.variables?.leftOn ?? '' })}
        />
      )}
      <Space className="employer-form-actions">
        {!leave.isSuccess && (
          <Button type="primary" danger htmlType="submit" loading={leave.isPending}>
            {t('employerPages.leave.submit')}
          </Button>
        )}
        <Button onClick={onDone}>{t('employerPages.common.back')}</Button>
      </Space>
    </Form>
  );
}

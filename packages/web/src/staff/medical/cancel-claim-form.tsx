import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { cancelClaim, medicalKeys, type Claim } from '../../medical/medical-api.ts';
import { problemMessage } from '../problem-message.tsx';

const F = 'medicalPages.cancel';

/**
 * Cancels a settled claim (the patient's refund at the institution; docs/RULES.md 16.3), with the reason,
 * once: its deductible and pooled amounts come off the person's year and the account's share goes back.
 */
export function CancelClaimForm({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: (values: { reason: string }) => cancelClaim(claim.claimNo, values.reason.trim()),
    onSuccess: (cancelled) => {
      queryClient.setQueryData(medicalKeys.claim(claim.claimNo), cancelled);
      void queryClient.invalidateQueries({ queryKey: ['medical', 'claims'] });
    },
  });
  return (
    <Form<{ reason: string }>
      layout="vertical"
      name="cancel-claim"
      requiredMark={false}
      className="medical-form"
      onFinish={(values) => cancel.mutate(values)}
    >
      <Typography.Paragraph type="secondary">{t(`${F}.hint`)}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t(`${F}.reason`)}
        rules={[{ required: true, whitespace: true, min: 2, message: t(`${F}.reasonRequired`) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
      <div aria-live="polite">
        {cancel.isError && <ProblemAlert error={cancel.error} describe={problemMessage} />}
      </div>
      <Button danger htmlType="submit" loading={cancel.isPending}>
        {t(`${F}.submit`)}
      </Button>
    </Form>
  );
}

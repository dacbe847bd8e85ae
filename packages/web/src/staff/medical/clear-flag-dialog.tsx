import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { describeRefusal } from './refusal.tsx';
import { clearFlag, type Review } from './supervision-api.ts';

const C = 'medicalFundPages.clear';

/**
 * Clears a flagged claim with the officer's note of what was checked (docs/RULES.md 16.7): the flag leaves
 * the open queue. A dialog over the queue, so the list stays where the officer was.
 */
export function ClearFlagDialog({
  flag,
  onClose,
  onCleared,
}: {
  /** The flag being cleared; none, and the dialog is closed. */
  flag: Review | null;
  onClose: () => void;
  onCleared: (flag: Review) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const clear = useMutation({
    mutationFn: ({ id, note }: { id: number; note: string }) => clearFlag(id, note),
    onSuccess: (cleared) => {
      form.resetFields();
      onCleared(cleared);
    },
  });
  const close = () => {
    clear.reset();
    form.resetFields();
    onClose();
  };
  return (
    <Modal
      open={flag !== null}
      title={flag ? t(`${C}.title`, { claimNo: flag.claim.claimNo }) : ''}
      onCancel={close}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(`${C}.hint`)}</Typography.Paragraph>
      <Form<{ note: string }>
        form={form}
        name="clear-flag"
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => flag && clear.mutate({ id: flag.id, note: values.note.trim() })}
      >
        <Form.Item
          name="note"
          label={t(`${C}.note`)}
          rules={[{ required: true, whitespace: true, min: 2, message: t(`${C}.noteRequired`) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <div aria-live="polite">
          {clear.isError && (
            <ProblemAlert
              className="medical-outcome"
              error={clear.error}
              describe={describeRefusal(t(`${C}.refused`))}
            />
          )}
        </div>
        <div className="medical-dialog-actions">
          <Button onClick={close}>{t('medicalFundPages.common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={clear.isPending}>
            {t(`${C}.submit`)}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

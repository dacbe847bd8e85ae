import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { describeRefusal } from './refusal.tsx';
import { decideFinding, type Finding } from './supervision-api.ts';

const D = 'medicalFundPages.decision';

/**
 * A second officer's decision on a proposed finding (docs/RULES.md 16.7): approved, its penalty applies at
 * once; rejected, its flags go back to the queue. The proposer is told that another officer decides, and
 * the server refuses the proposer's own decision with its reason, which the form shows.
 */
export function FindingDecisionForm({
  finding,
  user,
  onDecided,
}: {
  finding: Finding;
  user: UserView;
  onDecided: (finding: Finding) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useMutation({
    mutationFn: (approve: boolean) =>
      decideFinding(
        finding.findingNo,
        approve,
        (form.getFieldValue('note') as string | undefined)?.trim() ?? '',
      ),
    onSuccess: (decided) => {
      onDecided(decided);
      // The finding's status, its flags, and where approved the agreement and the next statement change.
      void queryClient.invalidateQueries({ queryKey: ['medical'] });
    },
  });
  const own = finding.proposedBy === user.loginKey;
  return (
    <Form
      form={form}
      layout="vertical"
      name={`decide-${finding.findingNo}`}
      requiredMark={false}
      className="medical-form medical-decision-form"
    >
      <Typography.Title level={4} className="subsection-title">
        {t(`${D}.title`)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(`${D}.hint`)}</Typography.Paragraph>
      {own && (
        <Typography.Paragraph type="warning" data-own-finding>
          {t(`${D}.own`)}
        </Typography.Paragraph>
      )}
      <Form.Item name="note" label={t(`${D}.note`)}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <div aria-live="polite">
        {decide.isError && (
          <ProblemAlert
            className="medical-outcome"
            error={decide.error}
            describe={describeRefusal(t(`${D}.refused`))}
          />
        )}
      </div>
      <Space wrap className="medical-outcome">
        <Button
          type="primary"
          loading={decide.isPending && decide.variables}
          disabled={decide.isPending}
          onClick={() => decide.mutate(true)}
        >
          {t(`${D}.approve`)}
        </Button>
        <Button
          danger
          loading={decide.isPending && !decide.variables}
          disabled={decide.isPending}
          onClick={() => decide.mutate(false)}
        >
          {t(`${D}.reject`)}
        </Button>
      </Space>
    </Form>
  );
}

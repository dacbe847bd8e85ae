import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { failedAs } from '../../cards/card-problem.ts';
import { verifyECard } from '../../cards/cards-api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatChinaTime } from '../../shell/format.ts';

const V = 'cardPages.staff.verify';

/**
 * Verifying an electronic card (docs/RULES.md 18.7): the code pasted (or scanned into the field), the
 * server's verdict, valid or the reason, with the masked name and card number only.
 */
export function VerifySection() {
  const { t, i18n } = useTranslation();
  const verify = useMutation({ mutationFn: (token: string) => verifyECard(token) });
  const verdict = verify.data;
  return (
    <Card>
      <Typography.Paragraph>{t(`${V}.intro`)}</Typography.Paragraph>
      <Form<{ token: string }>
        name="e-card-verify"
        layout="vertical"
        onFinish={(fields) => verify.mutate(fields.token.trim())}
        onValuesChange={() => verify.reset()}
      >
        <Form.Item
          name="token"
          label={t(`${V}.token`)}
          rules={[{ required: true, whitespace: true, message: t(`${V}.tokenRequired`) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} spellCheck={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={verify.isPending}>
          {t(`${V}.submit`)}
        </Button>
      </Form>
      <div role="status" className="card-verdict" data-valid={verdict ? String(verdict.valid) : undefined}>
        {verdict && (
          <Alert
            type={verdict.valid ? 'success' : 'error'}
            showIcon
            title={verdict.valid ? t(`${V}.valid`) : t(`${V}.invalid`)}
            description={
              <>
                {verdict.reason && (
                  <p className="card-verdict-reason">{t(`${V}.reasons.${verdict.reason}`)}</p>
                )}
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    ...(verdict.nameMasked
                      ? [{ key: 'name', label: t(`${V}.name`), children: verdict.nameMasked }]
                      : []),
                    ...(verdict.cardNumberMasked
                      ? [
                          {
                            key: 'card',
                            label: t(`${V}.cardNumber`),
                            children: <code>{verdict.cardNumberMasked}</code>,
                          },
                        ]
                      : []),
                    ...(verdict.expiresAt
                      ? [
                          {
                            key: 'expires',
                            label: t(`${V}.expiresAt`),
                            children: formatChinaTime(verdict.expiresAt, i18n.language),
                          },
                        ]
                      : []),
                    {
                      key: 'checked',
                      label: t(`${V}.checkedAt`),
                      children: formatChinaTime(verdict.checkedAt, i18n.language),
                    },
                  ]}
                />
              </>
            }
          />
        )}
      </div>
      {verify.isError && (
        <ProblemAlert error={verify.error} describe={failedAs(t('cardPages.common.failed'))} />
      )}
    </Card>
  );
}

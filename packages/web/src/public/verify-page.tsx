import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { normaliseVerificationCode } from '@shebao/domain';
import { verifyStatementCode } from '../api/verification.ts';
import { formatChinaTime } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { StatementContent } from './statement-view.tsx';

/**
 * /verify and /verify/<code>: anyone checks a statement's verification code (typed, or opened from the
 * QR code's link). The answer is one of valid, signature does not hold, unknown code, or "cannot verify
 * now" when the server fails.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code: typed } = useParams();
  const navigate = useNavigate();
  usePageTitle(t('verify.title'));
  const code = typed === undefined ? undefined : (normaliseVerificationCode(typed) ?? typed);
  return (
    <div className="page page-narrow">
      <Typography.Title level={1}>{t('verify.title')}</Typography.Title>
      <Typography.Paragraph>{t('verify.intro')}</Typography.Paragraph>
      <Card>
        <Form<{ code: string }>
          layout="vertical"
          name="verify"
          requiredMark={false}
          key={code ?? ''}
          initialValues={{ code: code ?? '' }}
          onFinish={(values) => navigate(`/verify/${normaliseVerificationCode(values.code)}`)}
        >
          <Form.Item
            name="code"
            label={t('verify.code')}
            extra={t('verify.codeHelp')}
            validateTrigger="onBlur"
            rules={[
              { required: true, whitespace: true, message: t('verify.codeRequired') },
              {
                validator: async (_rule, value: string | undefined) => {
                  if (value?.trim() && !normaliseVerificationCode(value))
                    throw new Error(t('verify.codeInvalid'));
                },
              },
            ]}
          >
            <Input autoComplete="off" spellCheck={false} autoCapitalize="characters" maxLength={40} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('verify.submit')}
          </Button>
        </Form>
      </Card>
      {code !== undefined && <VerificationResult code={code} />}
    </div>
  );
}

function VerificationResult({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const wellFormed = normaliseVerificationCode(code) !== null;
  const result = useQuery({
    queryKey: ['verify', code],
    queryFn: () => verifyStatementCode(code),
    enabled: wellFormed,
    retry: false,
  });
  if (!wellFormed || result.data?.status === 'unknown') {
    return (
      <Alert
        className="verify-result"
        type="warning"
        showIcon
        role="status"
        data-state="unknown"
        title={<h2 className="alert-title">{t('verify.unknownTitle')}</h2>}
        description={t('verify.unknownText', { code })}
      />
    );
  }
  if (result.isPending) {
    return (
      <div className="verify-result" role="status">
        <Spin size="small" /> {t('verify.checking')}
      </div>
    );
  }
  if (result.isError) {
    const status = result.error instanceof ApiError ? result.error.status : 0;
    return (
      <Alert
        className="verify-result"
        type="error"
        showIcon
        role="alert"
        data-state="error"
        title={<h2 className="alert-title">{t('verify.errorTitle')}</h2>}
        description={t('verify.errorText', { status })}
        action={<Button onClick={() => void result.refetch()}>{t('verify.retry')}</Button>}
      />
    );
  }
  const { status, verification } = result.data;
  const valid = status === 'valid';
  const view = verification.views?.[i18n.language.startsWith('zh') ? 'zh' : 'en'];
  return (
    <>
      <Alert
        className="verify-result"
        type={valid ? 'success' : 'error'}
        showIcon
        role="status"
        data-state={status}
        title={<h2 className="alert-title">{t(valid ? 'verify.validTitle' : 'verify.invalidTitle')}</h2>}
        description={
          <>
            <p>{t(valid ? 'verify.validText' : 'verify.invalidText')}</p>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('verify.code')}>{verification.code}</Descriptions.Item>
              {/* The verdict is said above in the reader's language; `message` is English for API clients. */}
              {verification.kind && (
                <Descriptions.Item label={t('verify.kind')}>
                  {t(`verify.kinds.${verification.kind}`)}
                </Descriptions.Item>
              )}
              {verification.issuedAt && (
                <Descriptions.Item label={t('verify.issuedAt')}>
                  {formatChinaTime(verification.issuedAt, i18n.language, 'long')}
                </Descriptions.Item>
              )}
              {verification.keyId && (
                <Descriptions.Item label={t('verify.keyId')}>{verification.keyId}</Descriptions.Item>
              )}
            </Descriptions>
          </>
        }
      />
      {view && <StatementContent view={view} certified={valid} />}
    </>
  );
}

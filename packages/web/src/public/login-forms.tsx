import type { TFunction } from 'i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { logIn, type Audience, type LoginRequest } from '../api/auth.ts';
import { SESSION_QUERY_KEY } from '../session/use-session.ts';
import { chinaToday } from '../shell/agency-clock.ts';
import { checkCreditCode, checkIdNumber } from './identifier-checks.ts';
import { IdentifierField } from './identifier-field.tsx';

/** The sign-in form of one audience: posts to /api/auth/login/<audience>, then opens its pages. */
function LoginForm<Values extends object>({
  audience,
  toRequest,
  children,
}: {
  audience: Audience;
  toRequest: (values: Values) => LoginRequest;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const login = useMutation({
    mutationFn: logIn,
    onSuccess: (session) => {
      queryClient.setQueryData(SESSION_QUERY_KEY, session.user);
      const next = search.get('next');
      navigate(next?.startsWith(`/${audience}`) ? next : `/${audience}`);
    },
  });
  return (
    <Form<Values>
      layout="vertical"
      name={`login-${audience}`}
      requiredMark={false}
      scrollToFirstError={{ focus: true }}
      onFinish={(values) => login.mutate(toRequest(values))}
      className="login-form"
    >
      {children}
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {login.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('login.failed')}
          description={failureText(login.error, t)}
        />
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}

type Translate = TFunction;

function failureText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('login.networkError');
  if (error.status === 0) return t('login.networkError');
  // No such route (yet) or a proxy in the way: the service, not the user, is at fault.
  if (error.status === 404 || error.status === 405 || error.status >= 500) {
    return t('login.unavailable', { status: error.status });
  }
  // The server's problem details are in English for developers; the person signing in gets their language.
  if (error.status === 401) return t('login.wrongCredentials');
  if (error.status === 429) return t('login.tooManyAttempts');
  if (error.status === 400 || error.status === 422) return t('login.badRequest');
  return t('login.failedStatus', { status: error.status });
}

export function PersonLoginForm() {
  const { t } = useTranslation();
  const today = chinaToday();
  return (
    <LoginForm<{ idNumber: string; password: string }>
      audience="person"
      toRequest={(values) => ({
        audience: 'person',
        body: { idNumber: values.idNumber.trim().toUpperCase(), password: values.password },
      })}
    >
      <IdentifierField
        name="idNumber"
        label={t('login.idNumber')}
        hint={t('login.idNumberHelp')}
        validNote={(values) => t('login.idNumberValid', { birthDate: values.birthDate ?? '' })}
        check={(text, complete) => checkIdNumber(text, complete, today)}
        autoComplete="username"
      />
    </LoginForm>
  );
}

export function EmployerLoginForm() {
  const { t } = useTranslation();
  return (
    <LoginForm<{ creditCode: string; userName: string; password: string }>
      audience="employer"
      toRequest={(values) => ({
        audience: 'employer',
        body: {
          creditCode: values.creditCode.trim().toUpperCase(),
          userName: values.userName.trim(),
          password: values.password,
        },
      })}
    >
      <IdentifierField
        name="creditCode"
        label={t('login.creditCode')}
        hint={t('login.creditCodeHelp')}
        validNote={() => t('login.creditCodeValid')}
        check={checkCreditCode}
        autoComplete="organization"
      />
      <UserNameField />
    </LoginForm>
  );
}

export function StaffLoginForm() {
  return (
    <LoginForm<{ userName: string; password: string }>
      audience="staff"
      toRequest={(values) => ({
        audience: 'staff',
        body: { userName: values.userName.trim(), password: values.password },
      })}
    >
      <UserNameField />
    </LoginForm>
  );
}

function UserNameField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="userName"
      label={t('login.userName')}
      rules={[{ required: true, whitespace: true, message: t('login.userNameRequired') }]}
    >
      <Input autoComplete="username" spellCheck={false} autoCapitalize="none" />
    </Form.Item>
  );
}

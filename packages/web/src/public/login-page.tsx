import { Alert, Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Audience } from '../api/auth.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { EmployerLoginForm, PersonLoginForm, StaffLoginForm } from './login-forms.tsx';

const AUDIENCES: readonly Audience[] = ['person', 'employer', 'staff'];

function isAudience(value: string | undefined): value is Audience {
  return (AUDIENCES as readonly (string | undefined)[]).includes(value);
}

/** /login/<audience>: one tab per kind of account, the tab in the address so each has its own link. */
export function LoginPage() {
  const { t } = useTranslation();
  const { audience } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  usePageTitle(t('login.title'));
  if (audience === undefined) return <Navigate to={`/login/person${suffix(search)}`} replace />;
  if (!isAudience(audience)) return <Navigate to="/login/person" replace />;
  const forms = { person: PersonLoginForm, employer: EmployerLoginForm, staff: StaffLoginForm };
  return (
    <div className="page page-narrow">
      <Typography.Title level={1}>{t('login.title')}</Typography.Title>
      {search.get('expired') === '1' && (
        <Alert type="info" showIcon role="status" className="login-expired" title={t('login.expired')} />
      )}
      <Card>
        <Tabs
          activeKey={audience}
          onChange={(key) => navigate(`/login/${key}${suffix(search)}`, { replace: true })}
          aria-label={t('login.chooser')}
          items={AUDIENCES.map((key) => {
            const Form = forms[key];
            return { key, label: t(`audience.${key}`), children: <Form /> };
          })}
        />
      </Card>
    </div>
  );
}

function suffix(search: URLSearchParams): string {
  const text = search.toString();
  return text ? `?${text}` : '';
}

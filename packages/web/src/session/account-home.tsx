import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Audience } from '../api/auth.ts';
import type { UserView } from '../api/pending-paths.ts';
import { usePageTitle } from '../shell/page-title.ts';

const KNOWN_ROLES = new Set([
  'admin',
  'collection_officer',
  'benefits_officer',
  'medical_officer',
  'inspector',
  'auditor',
  'institution_user',
  'employer_user',
  'insured_person',
]);

/** The start page of a signed-in section: the account as the server knows it (GET /api/auth/me). */
export function AccountHome({ user, audience }: { user: UserView; audience: Audience }) {
  const { t } = useTranslation();
  usePageTitle(t('nav.home'));
  const roleName = (role: string) => (KNOWN_ROLES.has(role) ? t(`roles.${role as 'admin'}`) : role);
  return (
    <div className="page">
      <Typography.Title level={1}>{t('session.welcome', { name: user.displayName })}</Typography.Title>
      <Typography.Paragraph>
        {t('session.signedInAs', { audience: t(`audience.${audience}`) })}
      </Typography.Paragraph>
      <Descriptions column={1} bordered size="small" className="account-facts">
        <Descriptions.Item label={t('session.roles')}>
          {user.roles.map(roleName).join('、')}
        </Descriptions.Item>
        {user.regionCodes.length > 0 && (
          <Descriptions.Item label={t('session.regions')}>{user.regionCodes.join('、')}</Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}

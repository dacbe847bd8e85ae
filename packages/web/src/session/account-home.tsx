import { maskResidentId } from '@shebao/domain';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Audience } from '../api/auth.ts';
import type { UserView } from '../api/pending-paths.ts';
import { usePageTitle } from '../shell/page-title.ts';

/** The start page of a signed-in section: who is signed in, as the server knows the account. */
export function AccountHome({ user, audience }: { user: UserView; audience: Audience }) {
  const { t } = useTranslation();
  usePageTitle(t('nav.home'));
  return (
    <div className="page">
      <Typography.Title level={1}>{t('session.welcome', { name: user.displayName })}</Typography.Title>
      <Typography.Paragraph>
        {t('session.signedInAs', { audience: t(`audience.${audience}`) })}
      </Typography.Paragraph>
      <Descriptions column={1} bordered size="small" className="account-facts">
        {audience === 'person' ? (
          <Descriptions.Item label={t('login.idNumber')}>{maskResidentId(user.loginKey)}</Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('login.userName')}>{user.loginKey}</Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}

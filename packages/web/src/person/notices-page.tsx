import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../api/pending-paths.ts';
import { NoticeInbox } from '../notices/notice-inbox.tsx';
import { NoticeSettingsCard } from '../notices/notice-settings-card.tsx';
import { usePageTitle } from '../shell/page-title.ts';

/**
 * /person/notices: what the agency told the person (docs/RULES.md 17.2), newest first, in the language the
 * page is read in; and the e-mail address, mobile number, channels and language they are told on.
 */
export function NoticesPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('noticePages.person.title'));
  const recipient = { kind: 'person', id: user.personId! } as const;
  return (
    <div className="page person-page">
      <Typography.Title level={1}>{t('noticePages.person.title')}</Typography.Title>
      <Typography.Paragraph>{t('noticePages.person.intro')}</Typography.Paragraph>
      <div className="notice-columns">
        <NoticeInbox recipient={recipient} headingId="notice-inbox-title" />
        <NoticeSettingsCard recipient={recipient} headingId="notice-settings-title" />
      </div>
    </div>
  );
}

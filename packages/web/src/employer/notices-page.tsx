import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NoticeInbox } from '../notices/notice-inbox.tsx';
import { NoticeSettingsCard } from '../notices/notice-settings-card.tsx';
import { usePageTitle } from '../shell/page-title.ts';

/**
 * /employer/notices: what the agency told the employer (docs/RULES.md 17.2), among them which of its staff
 * the monthly details could not reach; its channels and language, and whether Shebao tells its staff their
 * monthly details for it (SIL Art. 60).
 */
export function NoticesPage({ employerId }: { employerId: number }) {
  const { t } = useTranslation();
  usePageTitle(t('noticePages.employer.title'));
  const recipient = { kind: 'employer', id: employerId } as const;
  return (
    <div className="page">
      <Typography.Title level={1}>{t('noticePages.employer.title')}</Typography.Title>
      <Typography.Paragraph>{t('noticePages.employer.intro')}</Typography.Paragraph>
      <div className="notice-columns">
        <NoticeInbox recipient={recipient} headingId="notice-inbox-title" />
        <NoticeSettingsCard recipient={recipient} headingId="notice-settings-title" />
      </div>
    </div>
  );
}

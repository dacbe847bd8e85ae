import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { Button, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LoadMore } from '../components/cursor-list.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { formatChinaTime } from '../shell/format.ts';
import { failedAs } from './notice-problem.ts';
import {
  fetchInbox,
  markNoticeRead,
  noticeKeys,
  type Delivery,
  type Inbox,
  type Notice,
  type Recipient,
} from './notices-api.ts';
import './notices.css';

const DELIVERY_COLOURS = {
  pending: 'default',
  sending: 'processing',
  sent: 'success',
  failed: 'error',
} as const;

/**
 * The inbox of a person or an employer (docs/RULES.md 17.2): every notice, newest first, in the reader's
 * language (the server renders them in the language asked for, so the list follows the language switch),
 * unread ones marked; opening one or "mark read" marks it read. Each shows where it leads in the app and
 * how its e-mail and SMS went (addresses masked). Twenty at a time, more on request (`nextBeforeId`).
 */
export function NoticeInbox({ recipient, headingId }: { recipient: Recipient; headingId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const queryClient = useQueryClient();
  const inbox = useInfiniteQuery({
    queryKey: noticeKeys.inbox(recipient, language),
    queryFn: ({ pageParam }) => fetchInbox(recipient, language, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const markRead = useMutation({
    mutationFn: (noticeId: number) => markNoticeRead(recipient, noticeId),
    onSuccess: (_nothing, noticeId) => {
      // Every language's copy of the inbox shows it read at once; the dashboard's count is asked again.
      const readAt = new Date().toISOString();
      queryClient.setQueriesData<InfiniteData<Inbox, number | undefined>>(
        { queryKey: [...noticeKeys.all(recipient), 'inbox'] },
        (data) => data && markedRead(data, noticeId, readAt),
      );
      void queryClient.invalidateQueries({ queryKey: noticeKeys.unread(recipient) });
    },
  });

  const notices = inbox.data?.pages.flatMap((page) => page.notices) ?? [];
  const unread = inbox.data?.pages[0]?.unread ?? 0;
  return (
    <section aria-labelledby={headingId} className="notice-inbox">
      <div className="notice-inbox-head">
        <Typography.Title level={2} id={headingId} className="section-title">
          {t('noticePages.inbox.title')}
        </Typography.Title>
        {inbox.data && (
          <span className="notice-unread-count" data-unread={unread} role="status">
            {unread ? t('noticePages.inbox.unread', { unread }) : t('noticePages.inbox.allRead')}
          </span>
        )}
      </div>
      {inbox.isPending ? (
        <div className="notice-loading" role="status">
          <Spin size="small" /> {t('noticePages.common.loading')}
        </div>
      ) : inbox.isError ? (
        <ProblemAlert
          error={inbox.error}
          describe={failedAs(t('noticePages.common.loadFailed'))}
          action={<Button onClick={() => void inbox.refetch()}>{t('noticePages.common.retry')}</Button>}
        />
      ) : notices.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('noticePages.inbox.empty')}</Typography.Paragraph>
      ) : (
        <>
          <ol className="notice-list">
            {notices.map((notice) => (
              <NoticeItem
                key={notice.id}
                notice={notice}
                marking={markRead.isPending && markRead.variables === notice.id}
                onRead={() => markRead.mutate(notice.id)}
              />
            ))}
          </ol>
          {markRead.isError && (
            <ProblemAlert error={markRead.error} describe={failedAs(t('noticePages.common.failed'))} />
          )}
          <LoadMore list={inbox} text={t('noticePages.inbox.more')} />
        </>
      )}
    </section>
  );
}

/** The inbox with one notice read and one fewer unread. */
function markedRead(
  data: InfiniteData<Inbox, number | undefined>,
  noticeId: number,
  readAt: string,
): InfiniteData<Inbox, number | undefined> {
  const wasUnread = data.pages.some((page) =>
    page.notices.some((notice) => notice.id === noticeId && notice.readAt === null),
  );
  if (!wasUnread) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      unread: Math.max(0, page.unread - 1),
      notices: page.notices.map((notice) => (notice.id === noticeId ? { ...notice, readAt } : notice)),
    })),
  };
}

function NoticeItem({ notice, marking, onRead }: { notice: Notice; marking: boolean; onRead: () => void }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  // A notice that leads to this very page (the employer's list of staff not reached) needs no link.
  const here = useLocation().pathname;
  const unread = notice.readAt === null;
  const textId = `notice-${notice.id}-text`;
  const toggle = () => {
    setOpen(!open);
    if (!open && unread) onRead();
  };
  return (
    <li
      className={unread ? 'notice-item notice-item-unread' : 'notice-item'}
      data-notice-id={notice.id}
      data-kind={notice.kind}
      data-read={unread ? 'false' : 'true'}
    >
      <div className="notice-meta">
        <Tag>{t(`noticePages.kinds.${notice.kind}`)}</Tag>
        {unread && (
          <Tag color="blue" className="notice-unread-tag">
            {t('noticePages.inbox.unreadTag')}
          </Tag>
        )}
        <time dateTime={notice.createdAt} className="notice-time">
          {formatChinaTime(notice.createdAt, i18n.language)}
        </time>
      </div>
      <Typography.Title level={3} className="notice-title">
        <button
          type="button"
          className="notice-toggle"
          aria-expanded={open}
          aria-controls={textId}
          onClick={toggle}
        >
          {notice.title}
        </button>
      </Typography.Title>
      <p id={textId} className={open ? 'notice-text' : 'notice-text notice-text-clipped'}>
        {notice.text}
      </p>
      {notice.deliveries.length > 0 && (
        <div className="notice-deliveries" aria-label={t('noticePages.inbox.deliveries')} role="group">
          {notice.deliveries.map((delivery) => (
            <DeliveryTag key={delivery.channel} delivery={delivery} />
          ))}
        </div>
      )}
      <div className="notice-actions">
        <Button size="small" onClick={toggle}>
          {open ? t('noticePages.inbox.close') : t('noticePages.inbox.open')}
        </Button>
        {unread && (
          <Button size="small" loading={marking} onClick={onRead}>
            {t('noticePages.inbox.markRead')}
          </Button>
        )}
        {notice.link?.startsWith('/') && notice.link !== here && (
          <Link to={notice.link}>{t('noticePages.inbox.goTo')}</Link>
        )}
      </div>
    </li>
  );
}

/** How one channel's delivery went: the channel, the masked address (a literal), the status. */
function DeliveryTag({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={DELIVERY_COLOURS[delivery.status]}
      className="notice-delivery"
      data-channel={delivery.channel}
      data-status={delivery.status}
      title={delivery.lastError ?? undefined}
    >
      {t(`noticePages.channels.${delivery.channel}`)} <code>{delivery.address}</code>{' '}
      {t(`noticePages.deliveryStatuses.${delivery.status}`)}
      {delivery.status === 'failed' &&
        ` · ${t('noticePages.inbox.attempts', { attempts: delivery.attempts })}`}
    </Tag>
  );
}

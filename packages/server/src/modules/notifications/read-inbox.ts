import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { selectContact } from './contacts.repository.ts';
import { maskAddress } from './mask-address.ts';
import type { NoticeKind, NoticeLanguage, NoticeParams, RecipientKind } from './notice-kinds.ts';
import { renderNotice } from './notice-templates.ts';
import {
  countUnread,
  markRead,
  selectDeliveriesOf,
  selectInbox,
  selectNotice,
  type NoticeRow,
} from './notices.repository.ts';
import type { InboxView, NoticeView } from './notifications.schemas.ts';

/**
 * The in-app inbox (docs/RULES.md 17.2): every notice to the recipient, newest first, rendered in the
 * language asked for (by default the one they chose), with how each delivery went.
 */
export async function readInbox(
  db: Kysely<Database>,
  recipient: { kind: RecipientKind; id: number },
  query: { beforeId?: number | undefined; limit: number; lang?: NoticeLanguage | undefined },
): Promise<InboxView> {
  const language = query.lang ?? (await selectContact(db, recipient.kind, recipient.id))?.language ?? 'zh-CN';
  const rows = await selectInbox(db, recipient, { beforeId: query.beforeId, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const deliveries = await selectDeliveriesOf(
    db,
    page.map((row) => Number(row.id)),
  );
  return {
    notices: page.map((row) =>
      noticeViewOf(
        row,
        deliveries.filter((it) => Number(it.notice_id) === Number(row.id)),
        language,
      ),
    ),
    unread: await countUnread(db, recipient),
    nextBeforeId: rows.length > query.limit ? Number(page[page.length - 1]!.id) : null,
  };
}

/** Marks one of the recipient's notices read; another's is not found (its existence is not told). */
export async function markNoticeRead(
  db: Kysely<Database>,
  recipient: { kind: RecipientKind; id: number },
  noticeId: number,
  at: Date,
): Promise<void> {
  const row = await selectNotice(db, noticeId);
  if (!row || row.recipient_kind !== recipient.kind || Number(row.recipient_id) !== recipient.id)
    throw new AppError(ErrorCode.NOT_FOUND, `noticeId: no notice ${noticeId} in this inbox`, {
      field: 'noticeId',
    });
  await markRead(db, noticeId, at.toISOString());
}

function noticeViewOf(
  row: NoticeRow,
  deliveries: Awaited<ReturnType<typeof selectDeliveriesOf>>,
  language: NoticeLanguage,
): NoticeView {
  const kind = row.kind as NoticeKind;
  const rendered = renderNotice(kind, JSON.parse(row.params) as NoticeParams, language);
  return {
    id: Number(row.id),
    kind,
    title: rendered.title,
    text: rendered.text,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
    deliveries: deliveries.map((it) => ({
      channel: it.channel,
      address: maskAddress(it.channel, it.address),
      status: it.status,
      attempts: it.attempts,
      sentAt: it.sent_at,
      lastError: it.status === 'sent' ? null : it.last_error,
    })),
  };
}

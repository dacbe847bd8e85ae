export { enqueueNotices, enqueueCreditedNotices } from './enqueue-notices.ts';
export {
  NOTICE_KINDS,
  NOTICE_LANGUAGES,
  CHANNELS,
  type NoticeDraft,
  type NoticeKind,
  type NoticeLanguage,
  type NoticeParams,
  type NoticeRecipient,
  type RecipientKind,
  type Channel,
} from './notice-kinds.ts';
export { renderNotice, type RenderedNotice } from './notice-templates.ts';
export { deliverNotices, type DeliveryRound } from './deliver-notices.ts';
export { expandFanouts } from './expand-fanouts.ts';
export { readNoticeSettings, saveNoticeSettings } from './notice-settings.ts';
export { readInbox, markNoticeRead } from './read-inbox.ts';
export { createEmailChannel, type EmailSettings } from './email-channel.ts';
export { createSmsChannel, type SmsSettings } from './sms-channel.ts';
export { DEFAULT_RETRY, type RetryPolicy } from './backoff.ts';
export type { NotificationDeps } from './notifications-deps.ts';
export type { ChannelSender, OutgoingMessage } from './channels.ts';
export {
  createNotificationsService,
  type NotificationsService,
  type NoticeSettings,
} from './notifications.service.ts';
export { runNoticeBatch, type NoticeRunDeps } from './run-notice-batch.ts';
export { scanUnpaidMonths } from './scan-unpaid-months.ts';
export { createNoticeWorker, type NoticeWorker } from './notice-worker.ts';
export {
  noticeSettingsInput,
  noticeSettingsView,
  inboxView,
  inboxQuery,
  noticeRunInput,
  deliveryOverview,
  NOTICE_RUN_KINDS,
  type NoticeRunInput,
  type NoticeRunView,
  type NoticeSettingsView,
  type InboxView,
  type DeliveryOverview,
} from './notifications.schemas.ts';

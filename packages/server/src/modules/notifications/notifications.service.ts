import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './backoff.ts';
import type { ChannelSender } from './channels.ts';
import { deliverNotices, type DeliveryRound } from './deliver-notices.ts';
import { createEmailChannel } from './email-channel.ts';
import type { Channel, NoticeLanguage, RecipientKind } from './notice-kinds.ts';
import { createNoticeJobRunner } from './notice-jobs.ts';
import { noticeRunView } from './notice-run-view.ts';
import { selectRecentRuns, selectRunById } from './notice-runs.repository.ts';
import { readNoticeSettings, saveNoticeSettings } from './notice-settings.ts';
import { createNoticeWorker, type NoticeWorker } from './notice-worker.ts';
import { countDeliveries, selectFailedDeliveries } from './notices.repository.ts';
import type { NotificationDeps } from './notifications-deps.ts';
import type {
  DeliveryOverview,
  InboxView,
  NoticeRunInput,
  NoticeRunView,
  NoticeSettingsView,
} from './notifications.schemas.ts';
import { markNoticeRead, readInbox } from './read-inbox.ts';
import { runNoticeBatch, type NoticeRunDeps } from './run-notice-batch.ts';
import { scanUnpaidMonths } from './scan-unpaid-months.ts';
import { createSmsChannel } from './sms-channel.ts';
import { chinaDateOf, type RegionCode } from '@shebao/domain';

/** How notices leave Shebao: the configuration's part (config/load-config.ts, SHEBAO_SMTP_URL and the rest). */
export interface NoticeSettings {
  smtpUrl: string | null;
  mailFrom: string;
  smsUrl: string | null;
  smsToken: string | null;
  smsSignature: string;
  emailPerSecond: number;
  smsPerSecond: number;
  publicBaseUrl: string;
  retry?: RetryPolicy;
}

export interface NotificationsService {
  deps: NotificationDeps;
  deliver(limit?: number): Promise<DeliveryRound>;
  settings(recipient: { kind: RecipientKind; id: number }): Promise<NoticeSettingsView>;
  saveSettings(
    recipient: { kind: RecipientKind; id: number },
    input: unknown,
    by: string,
  ): Promise<NoticeSettingsView>;
  inbox(
    recipient: { kind: RecipientKind; id: number },
    query: { beforeId?: number | undefined; limit: number; lang?: NoticeLanguage | undefined },
  ): Promise<InboxView>;
  markRead(recipient: { kind: RecipientKind; id: number }, noticeId: number): Promise<void>;
  /** A run in the foreground (the command line), with its progress. */
  run(
    statements: NoticeRunDeps['statements'],
    input: NoticeRunInput,
    startedBy: string,
    onProgress?: (run: NoticeRunView) => void,
  ): Promise<NoticeRunView>;
  /** A run in the background (the API): answers at once with the run. */
  startRun(
    statements: NoticeRunDeps['statements'],
    input: NoticeRunInput,
    startedBy: string,
  ): Promise<NoticeRunView>;
  getRun(id: number): Promise<NoticeRunView>;
  overview(): Promise<DeliveryOverview>;
  scanUnpaid(regionCode?: RegionCode): Promise<number>;
  /** Gives the yearly statement's e-mail its PDF: the server and the command line pass the opened key's. */
  attachStatementPdf(render: NonNullable<NotificationDeps['statementPdf']>): void;
  /** The delivery worker of the server process. */
  worker(options: { intervalMs: number; onError: (error: unknown) => void }): NoticeWorker;
  close(): Promise<void>;
}

export function createNotificationsService(
  db: Kysely<Database>,
  clock: Clock,
  settings: NoticeSettings,
): NotificationsService {
  const channels: Partial<Record<Channel, ChannelSender>> = {};
  if (settings.smtpUrl)
    channels.email = createEmailChannel({ smtpUrl: settings.smtpUrl, from: settings.mailFrom });
  if (settings.smsUrl)
    channels.sms = createSmsChannel({
      url: settings.smsUrl,
      token: settings.smsToken,
      signature: settings.smsSignature,
    });
  const deps: NotificationDeps = {
    db,
    clock,
    channels,
    retry: settings.retry ?? DEFAULT_RETRY,
    perSecond: { email: settings.emailPerSecond, sms: settings.smsPerSecond },
    publicBaseUrl: settings.publicBaseUrl,
  };
  const jobs = createNoticeJobRunner();
  return {
    deps,
    deliver: (limit) => deliverNotices(deps, limit),
    settings: (recipient) => readNoticeSettings(db, recipient),
    saveSettings: (recipient, input, by) => saveNoticeSettings(db, recipient, input, by, clock.now()),
    inbox: (recipient, query) => readInbox(db, recipient, query),
    markRead: (recipient, noticeId) => markNoticeRead(db, recipient, noticeId, clock.now()),
    async run(statements, input, startedBy, onProgress) {
      const row = await runNoticeBatch({ db, clock, statements }, input, startedBy, (run) =>
        onProgress?.(noticeRunView(run, clock.now())),
      );
      return noticeRunView(row, clock.now());
    },
    async startRun(statements, input, startedBy) {
      return noticeRunView(await jobs.start({ db, clock, statements }, input, startedBy), clock.now());
    },
    async getRun(id) {
      const row = await selectRunById(db, id);
      if (!row) throw new AppError(ErrorCode.NOT_FOUND, `runId: no notice run ${id}`, { field: 'runId' });
      return noticeRunView(row, clock.now());
    },
    async overview() {
      const [counts, failed, runs] = await Promise.all([
        countDeliveries(db),
        selectFailedDeliveries(db, 50),
        selectRecentRuns(db, 20),
      ]);
      return {
        byStatus: counts.map((row) => ({ channel: row.channel, status: row.status, count: Number(row.n) })),
        failed: failed.map((row) => ({
          deliveryId: Number(row.id),
          channel: row.channel,
          kind: row.kind,
          recipientKind: row.recipient_kind,
          recipientId: Number(row.recipient_id),
          attempts: row.attempts,
          lastError: row.last_error,
          createdAt: row.created_at,
        })),
        runs: runs.map((row) => noticeRunView(row, clock.now())),
      };
    },
    scanUnpaid: (regionCode) => scanUnpaidMonths(db, chinaDateOf(clock.now()), clock.now(), regionCode),
    attachStatementPdf(render) {
      deps.statementPdf = render;
    },
    worker: (options) => createNoticeWorker(deps, options),
    async close() {
      await jobs.drain();
      for (const sender of Object.values(channels)) sender.close?.();
    },
  };
}

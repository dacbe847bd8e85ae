import { nextAttemptAt } from './backoff.ts';
import { expandFanouts } from './expand-fanouts.ts';
import type { OutgoingMessage } from './channels.ts';
import { selectContactsOf } from './contacts.repository.ts';
import { CHANNELS, type NoticeKind, type NoticeLanguage, type NoticeParams } from './notice-kinds.ts';
import { renderNotice } from './notice-templates.ts';
import {
  claimDueDeliveries,
  dispatchNotices,
  recordFailed,
  recordSent,
  selectDispatchBound,
  selectNoticesByIds,
  type DeliveryRow,
} from './notices.repository.ts';
import type { NotificationDeps } from './notifications-deps.ts';
import { createThrottle } from './throttle.ts';

export interface DeliveryRound {
  /** Deliveries made for notices new since the last round. */
  dispatched: number;
  sent: number;
  /** Failed attempts that will be tried again. */
  retrying: number;
  /** Deliveries given up after their last attempt. */
  failed: number;
}

const DISPATCH_CHUNK = 1_000;
const LEASE_MS = 120_000;

/**
 * One round of the worker (docs/RULES.md 17.4): the events recorded as one row are expanded into their
 * notices (expand-fanouts.ts), new notices get their deliveries, then each configured
 * channel sends up to `limit` due deliveries at its pace, recording each attempt; a failure is tried
 * again later with a growing wait, and given up after the last attempt.
 */
export async function deliverNotices(deps: NotificationDeps, limit = 200): Promise<DeliveryRound> {
  const round: DeliveryRound = { dispatched: 0, sent: 0, retrying: 0, failed: 0 };
  await expandFanouts(deps);
  for (;;) {
    const bound = await selectDispatchBound(deps.db, DISPATCH_CHUNK);
    if (bound === undefined) break;
    const at = deps.clock.now().toISOString();
    round.dispatched += await deps.db.transaction().execute((trx) => dispatchNotices(trx, bound, at));
  }
  for (const channel of CHANNELS) {
    const sender = deps.channels[channel];
    if (!sender) continue;
    const now = deps.clock.now();
    const claimed = await claimDueDeliveries(
      deps.db,
      channel,
      limit,
      now.toISOString(),
      new Date(now.getTime() + LEASE_MS).toISOString(),
    );
    if (claimed.length === 0) continue;
    const messages = await messagesFor(deps, claimed);
    const wait = createThrottle(deps.perSecond[channel]);
    for (const delivery of claimed) {
      await wait();
      const attemptedAt = deps.clock.now();
      try {
        const detail = await sender.send(messages.get(delivery.id)!);
        await recordSent(deps.db, delivery, attemptedAt.toISOString(), detail);
        round.sent += 1;
      } catch (error) {
        const next = nextAttemptAt(deps.retry, delivery.attempts, attemptedAt);
        const reason = error instanceof Error ? error.message : String(error);
        await recordFailed(
          deps.db,
          delivery,
          attemptedAt.toISOString(),
          reason.slice(0, 500),
          next?.toISOString() ?? null,
        );
        if (next) round.retrying += 1;
        else round.failed += 1;
      }
    }
  }
  return round;
}

/** The messages of claimed deliveries, rendered in each recipient's language. */
async function messagesFor(
  deps: NotificationDeps,
  deliveries: readonly DeliveryRow[],
): Promise<Map<number, OutgoingMessage>> {
  const notices = new Map(
    (await selectNoticesByIds(deps.db, [...new Set(deliveries.map((it) => it.notice_id))])).map((row) => [
      Number(row.id),
      row,
    ]),
  );
  const contacts = await selectContactsOf(
    deps.db,
    [...notices.values()].map((row) => ({ kind: row.recipient_kind, id: Number(row.recipient_id) })),
  );
  const messages = new Map<number, OutgoingMessage>();
  for (const delivery of deliveries) {
    const notice = notices.get(delivery.notice_id)!;
    const language: NoticeLanguage =
      contacts.get(`${notice.recipient_kind}:${notice.recipient_id}`)?.language ?? 'zh-CN';
    const kind = notice.kind as NoticeKind;
    const params = JSON.parse(notice.params) as NoticeParams;
    const attachment =
      delivery.channel === 'email' &&
      deps.statementPdf &&
      kind === 'statement.yearly' &&
      typeof params['code'] === 'string'
        ? {
            filename: `rights-statement-${params['code']}.pdf`,
            content: await deps.statementPdf(params['code'], language),
            contentType: 'application/pdf',
          }
        : undefined;
    messages.set(delivery.id, {
      deliveryKey: delivery.delivery_key,
      address: delivery.address,
      kind,
      language,
      params,
      rendered: renderNotice(kind, params, language),
      url: notice.link ? `${deps.publicBaseUrl}${notice.link}` : null,
      attachment,
    });
  }
  return messages;
}

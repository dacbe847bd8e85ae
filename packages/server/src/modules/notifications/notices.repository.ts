import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database, NoticeDeliveriesTable, NoticesTable } from '../../db/index.ts';
import { dialectOf } from '../../db/index.ts';
import type { Channel, RecipientKind } from './notice-kinds.ts';

export type NoticeRow = Selectable<NoticesTable>;
export type DeliveryRow = Selectable<NoticeDeliveriesTable>;

/** Writes notices; one whose event key is known already is skipped. Returns how many were new. */
export async function insertNotices(
  db: Kysely<Database>,
  rows: readonly Insertable<NoticesTable>[],
): Promise<number> {
  let written = 0;
  // Chunks keep each statement under SQLite's bound-variable limit.
  for (let start = 0; start < rows.length; start += 500) {
    const result = await db
      .insertInto('notices')
      .values(rows.slice(start, start + 500))
      .onConflict((oc) => oc.column('event_key').doNothing())
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

export function selectNotice(db: Kysely<Database>, id: number): Promise<NoticeRow | undefined> {
  return db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A recipient's inbox, newest first, a page at a time (ids below `beforeId`). */
export function selectInbox(
  db: Kysely<Database>,
  recipient: { kind: RecipientKind; id: number },
  page: { beforeId?: number | undefined; limit: number },
): Promise<NoticeRow[]> {
  let query = db
    .selectFrom('notices')
    .selectAll()
    .where('recipient_kind', '=', recipient.kind)
    .where('recipient_id', '=', recipient.id);
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

export async function countUnread(
  db: Kysely<Database>,
  recipient: { kind: RecipientKind; id: number },
): Promise<number> {
  const row = await db
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient_kind', '=', recipient.kind)
    .where('recipient_id', '=', recipient.id)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: Kysely<Database>, id: number, at: string): Promise<void> {
  await db
    .updateTable('notices')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
}

export function selectDeliveriesOf(
  db: Kysely<Database>,
  noticeIds: readonly number[],
): Promise<DeliveryRow[]> {
  if (noticeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('notice_deliveries')
    .selectAll()
    .where('notice_id', 'in', noticeIds)
    .orderBy('id')
    .execute();
}

/** The highest id among the next `limit` notices not yet given their deliveries, or undefined. */
export async function selectDispatchBound(db: Kysely<Database>, limit: number): Promise<number | undefined> {
  const rows = await db
    .selectFrom('notices')
    .select('id')
    .where('dispatched_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.length ? Number(rows[rows.length - 1]!.id) : undefined;
}

/**
 * Gives every notice up to `boundId` not yet dispatched one delivery per channel its recipient chose and
 * gave an address for, in two set-based statements, then marks them dispatched (docs/RULES.md 17.2). A
 * notice whose recipient chose no channel stays in the inbox only. Run in one transaction.
 */
export async function dispatchNotices(db: Kysely<Database>, boundId: number, at: string): Promise<number> {
  let made = 0;
  for (const channel of ['email', 'sms'] as const) {
    const address = channel === 'email' ? sql.ref('c.email') : sql.ref('c.phone');
    const enabled = channel === 'email' ? sql.ref('c.email_enabled') : sql.ref('c.sms_enabled');
    const result = await sql`
      insert into notice_deliveries (notice_id, channel, address, delivery_key, status, attempts, next_attempt_at, created_at)
      select n.id, ${channel}, ${address}, ${sql.raw(keyExpression(db, channel))}, 'pending', 0, ${at}, ${at}
      from notices n
      join notice_contacts c on c.recipient_kind = n.recipient_kind and c.recipient_id = n.recipient_id
      where n.dispatched_at is null and n.id <= ${boundId} and ${enabled} = 1 and ${address} is not null
      on conflict (delivery_key) do nothing`.execute(db);
    made += Number(result.numAffectedRows ?? 0);
  }
  await db
    .updateTable('notices')
    .set({ dispatched_at: at })
    .where('dispatched_at', 'is', null)
    .where('id', '<=', boundId)
    .execute();
  return made;
}

function keyExpression(db: Kysely<Database>, channel: Channel): string {
  return dialectOf(db) === 'postgres' ? `n.id::text || ':${channel}'` : `cast(n.id as text) || ':${channel}'`;
}

/**
 * Claims up to `limit` deliveries of a channel that are due (pending and past their next attempt, or
 * sending under a lease that ran out: a worker that died mid-send), marking them sending under a lease.
 * On PostgreSQL concurrent workers skip each other's rows.
 */
export async function claimDueDeliveries(
  db: Kysely<Database>,
  channel: Channel,
  limit: number,
  now: string,
  leaseUntil: string,
): Promise<DeliveryRow[]> {
  const postgres = dialectOf(db) === 'postgres';
  const result = await sql<DeliveryRow>`
    update notice_deliveries set status = 'sending', lease_until = ${leaseUntil}, attempts = attempts + 1
    where id in (
      select id from notice_deliveries
      where channel = ${channel}
        and ((status = 'pending' and next_attempt_at <= ${now}) or (status = 'sending' and lease_until < ${now}))
      order by id limit ${limit}
      ${postgres ? sql`for update skip locked` : sql``}
    )
    returning *`.execute(db);
  return result.rows.map((row) => ({ ...row, id: Number(row.id), notice_id: Number(row.notice_id) }));
}

export async function recordSent(db: Kysely<Database>, delivery: DeliveryRow, at: string, detail: string) {
  await db
    .updateTable('notice_deliveries')
    .set({ status: 'sent', sent_at: at, lease_until: null, last_error: null })
    .where('id', '=', delivery.id)
    .execute();
  await db
    .insertInto('notice_attempts')
    .values({ delivery_id: delivery.id, attempted_at: at, outcome: 'sent', detail })
    .execute();
}

/** A failed attempt: tried again at `nextAttemptAt`, or given up (`failed`) when that is null. */
export async function recordFailed(
  db: Kysely<Database>,
  delivery: DeliveryRow,
  at: string,
  error: string,
  nextAttemptAt: string | null,
) {
  await db
    .updateTable('notice_deliveries')
    .set({
      status: nextAttemptAt === null ? 'failed' : 'pending',
      next_attempt_at: nextAttemptAt ?? at,
      lease_until: null,
      last_error: error,
    })
    .where('id', '=', delivery.id)
    .execute();
  await db
    .insertInto('notice_attempts')
    .values({ delivery_id: delivery.id, attempted_at: at, outcome: 'failed', detail: error })
    .execute();
}

/** Deliveries by channel and status, for the staff's overview. */
export function countDeliveries(db: Kysely<Database>) {
  return db
    .selectFrom('notice_deliveries')
    .select(['channel', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['channel', 'status'])
    .execute();
}

/** Deliveries given up, newest first, with their notice's kind and recipient. */
export function selectFailedDeliveries(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('notice_deliveries as d')
    .innerJoin('notices as n', 'n.id', 'd.notice_id')
    .select([
      'd.id',
      'd.channel',
      'd.attempts',
      'd.last_error',
      'd.next_attempt_at',
      'n.kind',
      'n.recipient_kind',
      'n.recipient_id',
      'n.created_at',
    ])
    .where('d.status', '=', 'failed')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

export function selectNoticesByIds(db: Kysely<Database>, ids: readonly number[]): Promise<NoticeRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('notices').selectAll().where('id', 'in', ids).execute();
}

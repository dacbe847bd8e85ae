import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, idRefType } from './column-types.ts';

/**
 * Notices that reach people (docs/RULES.md 17.1-17.5): the contacts and choices of each person and employer; the
 * outbox of notices, written in the transaction of the business event they tell of; one delivery per
 * notice and channel, its key unique so that nothing is sent twice; the events whose many notices the worker
 * writes (a payment's employees); each attempt, append-only; and the
 * batch runs that send to a whole region (the yearly statement, the monthly details of SIL Art. 60).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  await db.schema
    .createTable('notice_contacts')
    .addColumn('recipient_kind', 'text', (col) =>
      col.notNull().check(sql`recipient_kind in ('person', 'employer')`),
    )
    .addColumn('recipient_id', ref, (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('email_enabled', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('sms_enabled', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('language', 'text', (col) => col.notNull().check(sql`language in ('zh-CN', 'en')`))
    // An employer's choice to have Shebao tell its staff their monthly details (SIL Art. 60).
    .addColumn('monthly_details', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('notice_contacts_pk', ['recipient_kind', 'recipient_id'])
    .execute();

  await db.schema
    .createTable('notices')
    .addColumn(...addIdColumn(db))
    .addColumn('recipient_kind', 'text', (col) =>
      col.notNull().check(sql`recipient_kind in ('person', 'employer')`),
    )
    .addColumn('recipient_id', ref, (col) => col.notNull())
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    // The business event told of: enqueueing the same event again writes nothing.
    .addColumn('event_key', 'text', (col) => col.notNull().unique())
    .addColumn('params', 'text', (col) => col.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    // When the worker made its deliveries (one per channel the recipient chose); null until then.
    .addColumn('dispatched_at', 'text')
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notices_recipient')
    .on('notices')
    .columns(['recipient_kind', 'recipient_id', 'id'])
    .execute();
  await db.schema
    .createIndex('notices_undispatched')
    .on('notices')
    .column('id')
    // Only the notices still without deliveries: the worker's queue, small whatever the outbox holds.
    .where(sql.ref('dispatched_at'), 'is', null)
    .execute();

  // Events whose notices are many (every employee of the bills a payment paid in full): written in the
  // event's transaction as one row, expanded into their notices by the worker, off the payment's path.
  await db.schema
    .createTable('notice_fanouts')
    .addColumn(...addIdColumn(db))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('credited-bills')`))
    // JSON: the ids the notices are made from (the bills paid in full).
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expanded_at', 'text')
    .execute();
  await db.schema
    .createIndex('notice_fanouts_pending')
    .on('notice_fanouts')
    .column('id')
    .where(sql.ref('expanded_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('notice_deliveries')
    .addColumn(...addIdColumn(db))
    .addColumn('notice_id', ref, (col) => col.notNull().references('notices.id'))
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('email', 'sms')`))
    .addColumn('address', 'text', (col) => col.notNull())
    // `<notice id>:<channel>`: sent with the message (Message-ID, Idempotency-Key) so a receiver drops a repeat.
    .addColumn('delivery_key', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('notice_deliveries_due')
    .on('notice_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notice_deliveries_notice')
    .on('notice_deliveries')
    .columns(['notice_id'])
    .execute();

  await db.schema
    .createTable('notice_attempts')
    .addColumn(...addIdColumn(db))
    .addColumn('delivery_id', ref, (col) => col.notNull().references('notice_deliveries.id'))
    .addColumn('attempted_at', 'text', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull().check(sql`outcome in ('sent', 'failed')`))
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('notice_attempts_delivery')
    .on('notice_attempts')
    .columns(['delivery_id'])
    .execute();
  await forbidChanges(db, ['notice_attempts']);

  await db.schema
    .createTable('notice_runs')
    .addColumn(...addIdColumn(db))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('yearly-statement', 'monthly-details', 'unpaid-months')`),
    )
    .addColumn('region_code', 'text', (col) => col.notNull())
    // The year (yearly statement) or the month (details, unpaid months) the run is for.
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('running', 'done', 'failed')`))
    // The last person or employer handled: a run resumed goes on after it.
    .addColumn('cursor_id', ref, (col) => col.notNull().defaultTo(0))
    .addColumn('total', 'integer', (col) => col.notNull())
    .addColumn('done', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('enqueued', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('started_by', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('heartbeat_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .addUniqueConstraint('notice_runs_once', ['kind', 'region_code', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notice_runs',
    'notice_attempts',
    'notice_deliveries',
    'notice_fanouts',
    'notices',
    'notice_contacts',
  ])
    await db.schema.dropTable(table).execute();
}

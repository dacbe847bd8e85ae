import { sql, type Kysely, type SqlBool } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType } from './column-types.ts';

const STATUSES = `'applied', 'approved', 'refused', 'sent_to_bank', 'produced', 'at_branch', 'mailed', 'active',
  'temporarily_lost', 'lost', 'damaged', 'replaced', 'cancelled'`;

/**
 * The social security card (docs/RULES.md 18.2): a row per card from its application to its end, the card
 * events (append-only), the production batches sent to the card banks and the banks' return files, each
 * region letter's card number sequence, and the card a person chose for their benefits to be paid to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  const fen = fenType(db);

  await db.schema
    .createTable('card_production_batches')
    .addColumn(...addIdColumn(db))
    .addColumn('batch_no', 'text', (col) => col.notNull().unique())
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('bank_code', 'text', (col) => col.notNull())
    .addColumn('cards', 'integer', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_sha256', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('social_security_cards')
    .addColumn(...addIdColumn(db))
    // Given when the application is approved; a replacement gets a new one (docs/RULES.md 18.1).
    .addColumn('card_no', 'text', (col) => col.unique())
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('generation', 'integer', (col) => col.notNull().check(sql`generation in (2, 3)`))
    .addColumn('status', 'text', (col) => col.notNull().check(sql.raw(`status in (${STATUSES})`)))
    .addColumn('reason', 'text', (col) =>
      col.notNull().check(sql`reason in ('first', 'lost', 'damaged', 'upgrade')`),
    )
    .addColumn('replaces_card_id', ref, (col) => col.references('social_security_cards.id'))
    .addColumn('channel', 'text', (col) =>
      col.notNull().check(sql`channel in ('online', 'employer', 'counter')`),
    )
    .addColumn('employer_id', ref)
    .addColumn('applied_by', 'text', (col) => col.notNull())
    .addColumn('applied_on', 'text', (col) => col.notNull())
    .addColumn('photo_sha256', 'text')
    .addColumn('photo_type', 'text', (col) => col.check(sql`photo_type in ('image/jpeg', 'image/png')`))
    .addColumn('clock_days', 'integer', (col) => col.notNull())
    .addColumn('clock_unit', 'text', (col) => col.notNull())
    .addColumn('clock_source', 'text', (col) => col.notNull())
    // The day the card is promised ready (docs/RULES.md 18.6).
    .addColumn('due_on', 'text', (col) => col.notNull())
    .addColumn('fee_fen', fen, (col) => col.notNull().check(sql`fee_fen >= 0`))
    .addColumn('fee_exemption', 'text', (col) =>
      col.check(sql`fee_exemption in ('subsistence-allowance', 'disability')`),
    )
    .addColumn('fee_explanation', 'text', (col) => col.notNull())
    .addColumn('dispatch', 'text', (col) => col.notNull().check(sql`dispatch in ('branch', 'mail')`))
    .addColumn('branch_name', 'text')
    .addColumn('mail_address', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('batch_id', ref, (col) => col.references('card_production_batches.id'))
    .addColumn('bank_code', 'text')
    // The financial account the bank opened on the card, from its return file.
    .addColumn('bank_account_no', 'text')
    .addColumn('produced_on', 'text')
    .addColumn('collected_on', 'text')
    .addColumn('temporary_loss_until', 'text')
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addCheckConstraint(
      'social_security_cards_dispatch_place',
      sql`(dispatch = 'branch' and branch_name is not null) or (dispatch = 'mail' and mail_address is not null)`,
    )
    .execute();
  // One card on its way and one card in use per person at a time (docs/RULES.md 18.3): the database holds
  // the rule against two applications racing each other.
  await db.schema
    .createIndex('social_security_cards_one_in_production')
    .on('social_security_cards')
    .column('person_id')
    .unique()
    .where(
      sql.raw<SqlBool>(
        `status in ('applied', 'approved', 'sent_to_bank', 'produced', 'at_branch', 'mailed')`,
      ),
    )
    .execute();
  await db.schema
    .createIndex('social_security_cards_one_in_use')
    .on('social_security_cards')
    .column('person_id')
    .unique()
    .where(sql.raw<SqlBool>(`status in ('active', 'temporarily_lost')`))
    .execute();
  await db.schema
    .createIndex('social_security_cards_queue')
    .on('social_security_cards')
    .columns(['region_code', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('social_security_cards_batch')
    .on('social_security_cards')
    .column('batch_id')
    .execute();

  await db.schema
    .createTable('card_events')
    .addColumn(...addIdColumn(db))
    .addColumn('card_id', ref, (col) => col.notNull().references('social_security_cards.id'))
    .addColumn('person_id', ref, (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('on_date', 'text', (col) => col.notNull())
    .addColumn('channel', 'text')
    .addColumn('detail', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('card_events_card').on('card_events').columns(['card_id', 'id']).execute();
  await forbidChanges(db, ['card_events']);

  await db.schema
    .createTable('card_bank_returns')
    .addColumn(...addIdColumn(db))
    // The same file imported again is found by its bytes and changes nothing (docs/RULES.md 18.6).
    .addColumn('file_sha256', 'text', (col) => col.notNull().unique())
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('rows', 'integer', (col) => col.notNull())
    .addColumn('produced', 'integer', (col) => col.notNull())
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('imported_by', 'text', (col) => col.notNull())
    .addColumn('imported_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('card_number_sequences')
    .addColumn('letter', 'text', (col) => col.primaryKey())
    .addColumn('last_no', 'integer', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('card_payment_choices')
    .addColumn('person_id', ref, (col) => col.primaryKey())
    .addColumn('card_id', ref, (col) => col.notNull().references('social_security_cards.id'))
    .addColumn('chosen_on', 'text', (col) => col.notNull())
    .addColumn('chosen_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'card_payment_choices',
    'card_number_sequences',
    'card_bank_returns',
    'card_events',
    'social_security_cards',
    'card_production_batches',
  ])
    await db.schema.dropTable(table).execute();
}

import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType } from './column-types.ts';
import { replaceChecks } from './replace-checks.ts';

const ENTRY_KINDS = `'contribution', 'interest', 'reversal'`;
const LEDGERS = `'pension', 'medical', 'unemployment', 'work_injury', 'collection'`;

/**
 * The paying side of medical insurance (docs/RULES.md 16.1-16.6): designated institutions and pharmacies with their
 * service agreements, institution accounts, residents' enrolments with their waiting periods, claims settled
 * in real time with their items and cancellations, and each person's running totals of the year (the row
 * a claim locks). The residents' scheme gets a ledger of its own; the personal-account sub-ledger learns the
 * medical account's spending, its refunds and the retirees' monthly credits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  const fen = fenType(db);

  await db.schema
    .createTable('medical_institutions')
    .addColumn(...addIdColumn(db))
    // The agency's code of the designated institution (医保定点编码).
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('hospital', 'clinic', 'pharmacy')`))
    .addColumn('level', 'integer', (col) => col.check(sql`level in (1, 2, 3)`))
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addCheckConstraint('medical_institutions_level_kind', sql`(kind = 'pharmacy') = (level is null)`)
    .execute();

  await db.schema
    .createTable('medical_agreements')
    .addColumn(...addIdColumn(db))
    .addColumn('agreement_no', 'text', (col) => col.notNull().unique())
    .addColumn('institution_id', ref, (col) => col.notNull().references('medical_institutions.id'))
    .addColumn('valid_from', 'text', (col) => col.notNull())
    .addColumn('valid_to', 'text', (col) => col.notNull())
    // JSON array of the claim kinds the agreement covers.
    .addColumn('scope_json', 'text', (col) => col.notNull())
    // Days after a month's end within which the agency pays the month's statement.
    .addColumn('payment_days', 'integer', (col) => col.notNull())
    // The current standing; every change is also an event below.
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('active', 'suspended', 'terminated')`),
    )
    .addColumn('status_from', 'text', (col) => col.notNull())
    .addColumn('status_until', 'text')
    .addColumn('status_reason', 'text')
    .addColumn('status_source', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('medical_agreements_institution')
    .on('medical_agreements')
    .columns(['institution_id', 'valid_from'])
    .execute();
  await db.schema
    .createTable('medical_agreement_events')
    .addColumn(...addIdColumn(db))
    .addColumn('agreement_id', ref, (col) => col.notNull().references('medical_agreements.id'))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('active', 'suspended', 'terminated')`),
    )
    .addColumn('status_from', 'text', (col) => col.notNull())
    .addColumn('status_until', 'text')
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('source', 'text')
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('medical_agreement_events_agreement')
    .on('medical_agreement_events')
    .columns(['agreement_id', 'id'])
    .execute();

  // An institution's own accounts (role institution_user) act for that institution only.
  await db.schema
    .alterTable('users')
    .addColumn('institution_id', ref, (col) => col.references('medical_institutions.id'))
    .execute();

  await db.schema
    .createTable('medical_resident_enrolments')
    .addColumn(...addIdColumn(db))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('paid_on', 'text', (col) => col.notNull())
    .addColumn('amount_fen', fen, (col) => col.notNull())
    .addColumn('in_concentrated_period', 'integer', (col) => col.notNull())
    .addColumn('gap_years', 'integer', (col) => col.notNull())
    .addColumn('repaired_years', 'integer', (col) => col.notNull())
    .addColumn('newborn', 'integer', (col) => col.notNull())
    .addColumn('covered_from', 'text', (col) => col.notNull())
    .addColumn('explanation', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('medical_resident_enrolments_person_year', ['person_id', 'year'])
    .execute();

  await db.schema
    .createTable('medical_year_totals')
    .addColumn('person_id', ref, (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('deductible_outpatient_fen', fen, (col) => col.notNull().defaultTo(0))
    .addColumn('deductible_inpatient_fen', fen, (col) => col.notNull().defaultTo(0))
    .addColumn('deductible_chronic_fen', fen, (col) => col.notNull().defaultTo(0))
    .addColumn('pooled_outpatient_fen', fen, (col) => col.notNull().defaultTo(0))
    .addColumn('pooled_inpatient_fen', fen, (col) => col.notNull().defaultTo(0))
    .addColumn('pooled_chronic_fen', fen, (col) => col.notNull().defaultTo(0))
    .addColumn('claims', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('medical_year_totals_pk', ['person_id', 'year'])
    .execute();

  await db.schema
    .createTable('medical_claims')
    .addColumn(...addIdColumn(db))
    .addColumn('claim_no', 'text', (col) => col.notNull().unique())
    .addColumn('institution_id', ref, (col) => col.notNull().references('medical_institutions.id'))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    // Whose medical personal account paid, when someone's did (the person's own, or a close relative's).
    .addColumn('account_person_id', ref, (col) => col.references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('ledger', 'text', (col) =>
      col.notNull().check(sql`ledger in ('medical', 'residents_medical')`),
    )
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('outpatient', 'inpatient', 'pharmacy', 'chronic')`),
    )
    .addColumn('visit_date', 'text', (col) => col.notNull())
    .addColumn('discharge_date', 'text')
    .addColumn('department', 'text')
    .addColumn('diagnosis', 'text')
    .addColumn('person_type', 'text', (col) =>
      col.notNull().check(sql`person_type in ('in-service', 'retired', 'resident')`),
    )
    .addColumn('line', 'text')
    .addColumn('total_fen', fen, (col) => col.notNull())
    .addColumn('not_covered_fen', fen, (col) => col.notNull())
    .addColumn('part_self_pay_fen', fen, (col) => col.notNull())
    .addColumn('policy_range_fen', fen, (col) => col.notNull())
    .addColumn('deductible_fen', fen, (col) => col.notNull())
    .addColumn('coinsurance_fen', fen, (col) => col.notNull())
    .addColumn('over_cap_fen', fen, (col) => col.notNull())
    .addColumn('pooled_fen', fen, (col) => col.notNull())
    .addColumn('account_fen', fen, (col) => col.notNull())
    .addColumn('cash_fen', fen, (col) => col.notNull())
    .addColumn('explanation', 'text', (col) => col.notNull())
    .addColumn('settled_on', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('medical_claims_idempotency', ['institution_id', 'idempotency_key'])
    .addCheckConstraint(
      'medical_claims_parts_add_up',
      sql`total_fen = pooled_fen + account_fen + cash_fen and pooled_fen >= 0 and account_fen >= 0 and cash_fen >= 0`,
    )
    .execute();
  await db.schema
    .createIndex('medical_claims_person')
    .on('medical_claims')
    .columns(['person_id', 'visit_date'])
    .execute();
  await db.schema
    .createIndex('medical_claims_institution')
    .on('medical_claims')
    .columns(['institution_id', 'settled_on'])
    .execute();

  await db.schema
    .createTable('medical_claim_items')
    .addColumn('claim_id', ref, (col) => col.notNull().references('medical_claims.id'))
    .addColumn('line_no', 'integer', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('item_class', 'text', (col) =>
      col.notNull().check(sql`item_class in ('full', 'part', 'none')`),
    )
    .addColumn('quantity', 'integer', (col) => col.notNull())
    .addColumn('amount_fen', fen, (col) => col.notNull())
    .addColumn('self_pay_share_ppm', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('medical_claim_items_pk', ['claim_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('medical_claim_cancellations')
    .addColumn('claim_id', ref, (col) => col.primaryKey().references('medical_claims.id'))
    .addColumn('cancelled_on', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema.alterTable('personal_account_entries').addColumn('medical_claim_id', ref).execute();
  await replaceChecks(db, 'personal_account_entries', [
    {
      column: 'kind',
      from: `kind in (${ENTRY_KINDS})`,
      to: `kind in (${ENTRY_KINDS}, 'medical-spending', 'medical-refund', 'retiree-credit')`,
    },
  ]);
  await replaceChecks(db, 'journal_transactions', [
    { column: 'fund', from: `fund in (${LEDGERS})`, to: `fund in (${LEDGERS}, 'residents_medical')` },
  ]);
  await db
    .withTables<{ journal_chain_heads: { fund: string; head_hash: string; head_transaction_id: null } }>()
    .insertInto('journal_chain_heads')
    .values({ fund: 'residents_medical', head_hash: '0'.repeat(64), head_transaction_id: null })
    .execute();

  await forbidChanges(db, [
    'medical_agreement_events',
    'medical_resident_enrolments',
    'medical_claims',
    'medical_claim_items',
    'medical_claim_cancellations',
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db
    .withTables<{ journal_chain_heads: { fund: string } }>()
    .deleteFrom('journal_chain_heads')
    .where('fund', '=', 'residents_medical')
    .execute();
  await replaceChecks(db, 'journal_transactions', [
    { column: 'fund', from: `fund in (${LEDGERS}, 'residents_medical')`, to: `fund in (${LEDGERS})` },
  ]);
  await replaceChecks(db, 'personal_account_entries', [
    {
      column: 'kind',
      from: `kind in (${ENTRY_KINDS}, 'medical-spending', 'medical-refund', 'retiree-credit')`,
      to: `kind in (${ENTRY_KINDS})`,
    },
  ]);
  await db.schema.alterTable('personal_account_entries').dropColumn('medical_claim_id').execute();
  await db.schema.alterTable('users').dropColumn('institution_id').execute();
  for (const table of [
    'medical_claim_cancellations',
    'medical_claim_items',
    'medical_claims',
    'medical_year_totals',
    'medical_resident_enrolments',
    'medical_agreement_events',
    'medical_agreements',
    'medical_institutions',
  ])
    await db.schema.dropTable(table).execute();
}

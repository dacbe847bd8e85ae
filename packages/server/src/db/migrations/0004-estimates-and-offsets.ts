import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType, periodCheck } from './column-types.ts';

const FUND_COLUMNS = ['pension_fen', 'medical_fen', 'unemployment_fen', 'work_injury_fen'] as const;

/**
 * SIL Art. 62 estimates and credit offsets:
 * - bill_estimates explains every estimated bill of an employer that had not declared the month (what it
 *   was based on, at which rate), so the amount can explain itself;
 * - bill_offsets records a credit (a negative adjustment or settlement) set against what the same payer
 *   owes, fund by fund; append-only like the allocations of payments.
 * Databases seeded before the estimate rate existed get its national row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const fen = fenType(db);
  const ref = idRefType(db);

  await db.schema
    .createTable('bill_estimates')
    .addColumn('bill_id', ref, (col) => col.primaryKey().references('bills.id'))
    .addColumn('method', 'text', (col) => col.notNull().check(sql`method in ('previous-month', 'headcount')`))
    .addColumn('basis_period', 'text', (col) => col.check(periodCheck('basis_period')))
    .addColumn('basis_total_fen', fen, (col) => col.notNull())
    .addColumn('headcount', 'integer', (col) => col.notNull())
    .addColumn('rate_ppm', 'integer', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();

  let offsets = db.schema
    .createTable('bill_offsets')
    .addColumn(...addIdColumn(db))
    .addColumn('credit_bill_id', ref, (col) => col.notNull().references('bills.id'))
    .addColumn('bill_id', ref, (col) => col.notNull().references('bills.id'))
    .addColumn('amount_fen', fen, (col) => col.notNull().check(sql`amount_fen > 0`));
  for (const column of FUND_COLUMNS) offsets = offsets.addColumn(column, fen, (col) => col.notNull());
  await offsets.addColumn('recorded_at', 'text', (col) => col.notNull()).execute();
  await db.schema.createIndex('bill_offsets_bill').on('bill_offsets').column('bill_id').execute();
  await db.schema
    .createIndex('bill_offsets_credit_bill')
    .on('bill_offsets')
    .column('credit_bill_id')
    .execute();
  await forbidChanges(db, ['bill_offsets']);
  // Credits held are rare; these let "who holds a credit?" be asked on every payment for nothing.
  await db.schema
    .createIndex('bills_open_credit')
    .on('bills')
    .column('payer_key')
    .where(sql.ref('paid_fen'), '>', sql.ref('total_fen'))
    .execute();
  // Estimates waiting for their settlement are few among a region's bills; the monthly run asks each time.
  await db.schema
    .createIndex('bills_estimated')
    .on('bills')
    .columns(['region_code', 'period'])
    .where(sql.ref('estimated'), '=', 1)
    .execute();
  await db.schema
    .createIndex('payments_unapplied')
    .on('payments')
    .column('payer_key')
    .where(sql.ref('unapplied_fen'), '>', 0)
    .execute();

  const seeded = await sql<{ n: number }>`select count(*) as n from policy_parameters`.execute(db);
  if (Number(seeded.rows[0]?.n ?? 0) > 0) {
    await sql`insert into policy_parameters
        (name, region_code, valid_from, value_json, source, version, recorded_at, recorded_by)
      select 'collection.undeclaredEstimateRate', '000000', '2011-07', '1100000',
             'SIL Art. 62 (110% of the previous month until the employer declares)', 1,
             ${new Date().toISOString()}, 'seed'
      where not exists (select 1 from policy_parameters where name = 'collection.undeclaredEstimateRate')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('payments_unapplied').execute();
  await db.schema.dropIndex('bills_estimated').execute();
  await db.schema.dropIndex('bills_open_credit').execute();
  await db.schema.dropTable('bill_offsets').execute();
  await db.schema.dropTable('bill_estimates').execute();
}

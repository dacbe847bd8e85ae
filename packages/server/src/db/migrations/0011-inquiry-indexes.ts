import { sql, type Kysely } from 'kysely';

/**
 * Indexes shaped for the rights record (issue 4 §7, docs/BENCHMARKS.md "Inquiry"). A person's history is
 * written month by month, so their 120 lines and 130 account entries of ten years sit on as many table
 * pages; the record's cumulative figures (contribution months per insurance, opening account balances)
 * read all of them. With the amounts in the person index, those figures come from one short index range
 * instead of a page per month:
 *
 * - contribution_lines (person_id, period, bill_id, the eight contribution amounts) replaces
 *   (person_id, period); the bases and account parts stay in the table (only the year shown reads them).
 * - personal_account_entries (person_id, period, kind, pension_fen, medical_fen) replaces (person_id, period).
 * - bills_unpaid: the bills not yet paid in full, by payer. A month counts as paid unless one of its lines
 *   is on such a bill, and a payer has few of them, so "paid" no longer needs each month's bill row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('contribution_lines_person').execute();
  await db.schema
    .createIndex('contribution_lines_person_amounts')
    .on('contribution_lines')
    .columns([
      'person_id',
      'period',
      'bill_id',
      'pension_employer_fen',
      'pension_employee_fen',
      'medical_employer_fen',
      'medical_employee_fen',
      'maternity_employer_fen',
      'unemployment_employer_fen',
      'unemployment_employee_fen',
      'work_injury_employer_fen',
    ])
    .execute();
  await db.schema.dropIndex('personal_account_entries_person').execute();
  await db.schema
    .createIndex('personal_account_entries_person_amounts')
    .on('personal_account_entries')
    .columns(['person_id', 'period', 'kind', 'pension_fen', 'medical_fen'])
    .execute();
  await db.schema
    .createIndex('bills_unpaid')
    .on('bills')
    .column('payer_key')
    .where(sql.ref('paid_fen'), '<', sql.ref('total_fen'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('bills_unpaid').execute();
  await db.schema.dropIndex('personal_account_entries_person_amounts').execute();
  await db.schema
    .createIndex('personal_account_entries_person')
    .on('personal_account_entries')
    .columns(['person_id', 'period'])
    .execute();
  await db.schema.dropIndex('contribution_lines_person_amounts').execute();
  await db.schema
    .createIndex('contribution_lines_person')
    .on('contribution_lines')
    .columns(['person_id', 'period'])
    .execute();
}

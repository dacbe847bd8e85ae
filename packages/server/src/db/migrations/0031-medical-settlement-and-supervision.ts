import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType } from './column-types.ts';

/**
 * The month's settlement with each designated institution (docs/RULES.md 16.6) and the supervision of the
 * medical fund (16.7): statements, append-only, one per institution, month and fund; claims flagged for
 * review by the rules, with the officer's review; and findings with their penalties, decided by a second
 * officer, whose recoveries later statements deduct.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  const fen = fenType(db);
  await db.schema
    .createTable('medical_statements')
    .addColumn(...addIdColumn(db))
    .addColumn('statement_no', 'text', (col) => col.notNull().unique())
    .addColumn('institution_id', ref, (col) => col.notNull().references('medical_institutions.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('ledger', 'text', (col) =>
      col.notNull().check(sql`ledger in ('medical', 'residents_medical')`),
    )
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('claims', 'integer', (col) => col.notNull())
    .addColumn('pooled_fen', fen, (col) => col.notNull())
    .addColumn('account_fen', fen, (col) => col.notNull())
    .addColumn('cancelled', 'integer', (col) => col.notNull())
    .addColumn('cancelled_fen', fen, (col) => col.notNull())
    // What the statement before left owing the fund (a month of more cancellations than claims).
    .addColumn('carried_in_fen', fen, (col) => col.notNull())
    // Recoveries of approved findings taken off the payment.
    .addColumn('deducted_fen', fen, (col) => col.notNull())
    .addColumn('paid_fen', fen, (col) => col.notNull())
    .addColumn('carried_out_fen', fen, (col) => col.notNull())
    .addColumn('due_on', 'text', (col) => col.notNull())
    .addColumn('paid_on', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('medical_statements_month', ['institution_id', 'ledger', 'period'])
    .addCheckConstraint(
      'medical_statements_adds_up',
      sql`paid_fen >= 0 and carried_out_fen <= 0 and deducted_fen >= 0
        and paid_fen + carried_out_fen = pooled_fen + account_fen - cancelled_fen + carried_in_fen - deducted_fen`,
    )
    .execute();

  await db.schema
    .createTable('medical_review_flags')
    .addColumn(...addIdColumn(db))
    .addColumn('claim_id', ref, (col) => col.notNull().references('medical_claims.id'))
    .addColumn('institution_id', ref, (col) => col.notNull())
    .addColumn('person_id', ref, (col) => col.notNull())
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('rule', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`rule in ('same-item-twice', 'split-hospitalisation', 'after-death', 'two-places', 'above-norm')`,
        ),
    )
    .addColumn('detail', 'text', (col) => col.notNull())
    .addColumn('flagged_on', 'text', (col) => col.notNull())
    // The officer's review: open until cleared or turned into a finding.
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('open', 'cleared', 'finding')`))
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('finding_id', ref)
    .addUniqueConstraint('medical_review_flags_claim_rule', ['claim_id', 'rule'])
    .execute();
  await db.schema
    .createIndex('medical_review_flags_queue')
    .on('medical_review_flags')
    .columns(['region_code', 'status', 'id'])
    .execute();

  await db.schema
    .createTable('medical_findings')
    .addColumn(...addIdColumn(db))
    .addColumn('finding_no', 'text', (col) => col.notNull().unique())
    .addColumn('subject', 'text', (col) => col.notNull().check(sql`subject in ('institution', 'person')`))
    .addColumn('institution_id', ref, (col) => col.references('medical_institutions.id'))
    .addColumn('person_id', ref, (col) => col.references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('ledger', 'text', (col) =>
      col.notNull().check(sql`ledger in ('medical', 'residents_medical')`),
    )
    .addColumn('article', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    // JSON array of the claim numbers the finding is about.
    .addColumn('claims_json', 'text', (col) => col.notNull())
    .addColumn('loss_fen', fen, (col) => col.notNull())
    .addColumn('multiple_ppm', 'integer', (col) => col.notNull())
    .addColumn('fine_fen', fen, (col) => col.notNull())
    .addColumn('suspension_months', 'integer', (col) => col.notNull())
    .addColumn('suspended_from', 'text')
    .addColumn('suspended_until', 'text')
    .addColumn('terminate', 'integer', (col) => col.notNull())
    .addColumn('explanation', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('proposed', 'approved', 'rejected')`),
    )
    .addColumn('approval_id', ref)
    .addColumn('proposed_by', 'text', (col) => col.notNull())
    .addColumn('proposed_at', 'text', (col) => col.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addCheckConstraint(
      'medical_findings_subject',
      sql`(subject = 'institution' and institution_id is not null) or (subject = 'person' and person_id is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('medical_findings_person')
    .on('medical_findings')
    .columns(['person_id', 'status'])
    .execute();
  await db.schema
    .createIndex('medical_findings_institution')
    .on('medical_findings')
    .columns(['institution_id', 'status'])
    .execute();
  await forbidChanges(db, ['medical_statements']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['medical_findings', 'medical_review_flags', 'medical_statements'])
    await db.schema.dropTable(table).execute();
}

import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, idRefType } from './column-types.ts';

/**
 * Survival verifications and death reports (issue 15; docs/RULES.md 14.9, 14.10). A verification is a fact
 * recorded once: append-only, and the same award, day and method twice is one row (a repeat changes
 * nothing). A death report is proposed by one officer and confirmed or rejected by a second (the approval
 * it names); at most one report of a person waits or stands confirmed (a partial unique index), so a second
 * report is a conflict even when two officers send theirs at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);

  await db.schema
    .createTable('survival_verifications')
    .addColumn(...addIdColumn(db))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('award_no', 'text', (col) => col.notNull())
    .addColumn('on_date', 'text', (col) => col.notNull().check(sql`length(on_date) = 10`))
    .addColumn('method', 'text', (col) =>
      col.notNull().check(sql`method in ('face-recognition', 'counter', 'data-match', 'visit', 'consulate')`),
    )
    .addColumn('channel', 'text', (col) =>
      col.notNull().check(sql`channel in ('person', 'staff', 'data-match')`),
    )
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('survival_verifications_once')
    .on('survival_verifications')
    .columns(['award_no', 'on_date', 'method'])
    .unique()
    .execute();
  await db.schema
    .createIndex('survival_verifications_person')
    .on('survival_verifications')
    .columns(['person_id', 'id'])
    .execute();

  await db.schema
    .createTable('death_reports')
    .addColumn(...addIdColumn(db))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('date_of_death', 'text', (col) => col.notNull().check(sql`length(date_of_death) = 10`))
    .addColumn('reported_by', 'text', (col) =>
      col.notNull().check(sql`reported_by in ('relative', 'data-match', 'staff')`),
    )
    .addColumn('reporter_name', 'text')
    .addColumn('state', 'text', (col) =>
      col.notNull().check(sql`state in ('proposed', 'confirmed', 'rejected')`),
    )
    .addColumn('approval_id', ref, (col) => col.notNull().unique().references('approvals.id'))
    // The named heirs with their shares and accounts, and who receives the funeral grant (JSON).
    .addColumn('heirs', 'text', (col) => col.notNull())
    .addColumn('funeral_payee', 'text', (col) => col.notNull())
    // SHA-256 of the documents shown (a death certificate, a cremation certificate), when given (JSON).
    .addColumn('document_sha256', 'text')
    // The funeral grant and the survivors' one-time benefit as worked out when proposed, each with its
    // explanation (JSON; null where the region has no standard).
    .addColumn('benefits', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('death_reports_one_standing')
    .on('death_reports')
    .column('person_id')
    .unique()
    .where(sql.ref('state'), 'in', sql`('proposed', 'confirmed')`)
    .execute();
  await db.schema
    .createIndex('death_reports_region')
    .on('death_reports')
    .columns(['region_code', 'state', 'id'])
    .execute();

  await forbidChanges(db, ['survival_verifications']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['death_reports', 'survival_verifications']) await db.schema.dropTable(table).execute();
}

import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType, periodCheck } from './column-types.ts';

/**
 * Benefit applications, their documents and events, and the awards they lead to (issue 15;
 * docs/RULES.md 14.1–14.4). An application's row holds its current state; what happened to it is in application_events,
 * append-only, from which the statutory clock is read (a request for material pauses it). Documents are
 * files outside the database, named by their SHA-256; the row keeps the hash, type and size. An award is
 * versioned: a correction is a new version from a month on, never an edit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  const fen = fenType(db);

  await db.schema
    .createTable('benefit_applications')
    .addColumn(...addIdColumn(db))
    .addColumn('application_no', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('pension', 'record-correction')`))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('employer_id', ref, (col) => col.references('employers.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('filed_by', 'text', (col) =>
      col.notNull().check(sql`filed_by in ('person', 'employer', 'staff')`),
    )
    .addColumn('filed_by_login', 'text', (col) => col.notNull())
    // The facts claimed, as the kind's schema gives them (JSON).
    .addColumn('facts', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) =>
      col
        .notNull()
        .check(sql`state in ('under-review', 'awaiting-material', 'proposed', 'decided', 'withdrawn')`),
    )
    .addColumn('filed_on', 'text', (col) => col.notNull())
    // The clock in force when filed (docs/RULES.md 14.1), kept so a later policy version does not move it.
    .addColumn('clock_days', 'integer', (col) => col.notNull().check(sql`clock_days > 0`))
    .addColumn('clock_unit', 'text', (col) =>
      col.notNull().check(sql`clock_unit in ('calendar-days', 'working-days')`),
    )
    .addColumn('clock_source', 'text', (col) => col.notNull())
    .addColumn('decision', 'text', (col) => col.check(sql`decision in ('award', 'refusal')`))
    // Reasons and legal sources of the decision (JSON): always given, for an award as for a refusal.
    .addColumn('decision_reasons', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('approval_id', ref, (col) => col.references('approvals.id'))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('benefit_applications_person')
    .on('benefit_applications')
    .columns(['person_id', 'id'])
    .execute();
  await db.schema
    .createIndex('benefit_applications_queue')
    .on('benefit_applications')
    .columns(['region_code', 'state', 'id'])
    .execute();

  await db.schema
    .createTable('application_events')
    .addColumn(...addIdColumn(db))
    .addColumn('application_id', ref, (col) => col.notNull().references('benefit_applications.id'))
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`kind in ('filed', 'document-added', 'material-requested', 'material-received', 'decision-proposed', 'proposal-rejected', 'decided', 'withdrawn')`,
        ),
    )
    .addColumn('on_date', 'text', (col) => col.notNull())
    .addColumn('by_login', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('application_events_application')
    .on('application_events')
    .columns(['application_id', 'id'])
    .execute();

  await db.schema
    .createTable('application_documents')
    .addColumn(...addIdColumn(db))
    .addColumn('application_id', ref, (col) => col.notNull().references('benefit_applications.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('media_type', 'text', (col) =>
      col.notNull().check(sql`media_type in ('application/pdf', 'image/jpeg', 'image/png')`),
    )
    .addColumn('size_bytes', 'integer', (col) => col.notNull().check(sql`size_bytes > 0`))
    .addColumn('sha256', 'text', (col) => col.notNull().check(sql`length(sha256) = 64`))
    .addColumn('uploaded_by_login', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('application_documents_application')
    .on('application_documents')
    .columns(['application_id', 'id'])
    .execute();

  await db.schema
    .createTable('benefit_awards')
    .addColumn(...addIdColumn(db))
    .addColumn('award_no', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('application_id', ref, (col) => col.notNull().references('benefit_applications.id'))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('monthly_fen', fen, (col) => col.notNull().check(sql`monthly_fen >= 0`))
    .addColumn('valid_from', 'text', (col) => col.notNull().check(periodCheck('valid_from')))
    .addColumn('payee_kind', 'text', (col) => col.notNull().check(sql`payee_kind in ('bank', 'card')`))
    .addColumn('payee_account', 'text', (col) => col.notNull())
    // Inputs, rule and source of every part (JSON), as the calculator gave them.
    .addColumn('explanation', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('proposed_by', 'text', (col) => col.notNull())
    .addColumn('approved_by', 'text', (col) => col.notNull())
    .addColumn('approval_id', ref, (col) => col.references('approvals.id'))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addCheckConstraint('benefit_awards_second_person', sql`approved_by <> proposed_by`)
    .execute();
  await db.schema
    .createIndex('benefit_awards_version')
    .on('benefit_awards')
    .columns(['award_no', 'version'])
    .unique()
    .execute();
  await db.schema
    .createIndex('benefit_awards_person')
    .on('benefit_awards')
    .columns(['person_id', 'award_no', 'version'])
    .execute();

  await forbidChanges(db, ['application_events', 'application_documents', 'benefit_awards']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'benefit_awards',
    'application_documents',
    'application_events',
    'benefit_applications',
  ])
    await db.schema.dropTable(table).execute();
}

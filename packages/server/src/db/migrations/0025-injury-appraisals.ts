import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, idRefType } from './column-types.ts';

/**
 * The labour-capability appraisals of identified work injuries (docs/RULES.md 15.16), append-only: the first
 * conclusion, a re-appraisal a party asked for within 15 days of it, and review appraisals a year on. The
 * latest conclusion of an identification is the one its benefits follow.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  await db.schema
    .createTable('injury_appraisals')
    .addColumn(...addIdColumn(db))
    // The work-injury identification the appraisal is of.
    .addColumn('application_id', ref, (col) => col.notNull().references('benefit_applications.id'))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('initial', 're-appraisal', 'review')`),
    )
    // Null: no disability grade reached.
    .addColumn('grade', 'integer', (col) => col.check(sql`grade between 1 and 10`))
    .addColumn('nursing', 'text', (col) =>
      col.notNull().check(sql`nursing in ('none', 'full', 'most', 'part')`),
    )
    .addColumn('requested_on', 'text', (col) => col.notNull())
    .addColumn('concluded_on', 'text', (col) => col.notNull())
    .addColumn('committee_ref', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('injury_appraisals_application')
    .on('injury_appraisals')
    .columns(['application_id', 'id'])
    .execute();
  await forbidChanges(db, ['injury_appraisals']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('injury_appraisals').execute();
}

import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType, periodCheck } from './column-types.ts';

/**
 * Two records of issue 16, both append-only.
 *
 * The labour-capability appraisals of identified work injuries (docs/RULES.md 15.16), append-only: the first
 * conclusion, a re-appraisal a party asked for within 15 days of it, and review appraisals a year on. The
 * latest conclusion of an identification is the one its benefits follow.
 *
 * The medical insurance premiums the unemployment fund pays for each month of unemployment benefit paid
 * (docs/RULES.md 15.21): one row per payroll line, written with it in the run's chunk, so the person's months
 * of medical insurance and the two funds' postings come from the same rows.
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

  const fen = fenType(db);
  await db.schema
    .createTable('unemployment_medical_premiums')
    .addColumn(...addIdColumn(db))
    .addColumn('line_id', ref, (col) => col.notNull().unique())
    .addColumn('run_id', ref, (col) => col.notNull().references('payroll_runs.id'))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull().check(periodCheck('period')))
    .addColumn('base_fen', fen, (col) => col.notNull().check(sql`base_fen >= 0`))
    .addColumn('rate_ppm', 'integer', (col) => col.notNull().check(sql`rate_ppm >= 0`))
    .addColumn('premium_fen', fen, (col) => col.notNull().check(sql`premium_fen >= 0`))
    .execute();
  await db.schema
    .createIndex('unemployment_medical_premiums_person')
    .on('unemployment_medical_premiums')
    .columns(['person_id', 'period'])
    .execute();
  await forbidChanges(db, ['injury_appraisals', 'unemployment_medical_premiums']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unemployment_medical_premiums').execute();
  await db.schema.dropTable('injury_appraisals').execute();
}

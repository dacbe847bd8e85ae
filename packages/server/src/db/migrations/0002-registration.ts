import { sql, type Kysely } from 'kysely';
import { addIdColumn, fenType, idRefType, periodCheck } from './column-types.ts';

/**
 * Registration: employers, insured persons, employment (hires and leaves), yearly contribution bases
 * and flexible workers' enrolments. Every row carries its pooling region so the tables can be sharded.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const fen = fenType(db);
  const ref = idRefType(db);

  await db.schema
    .createTable('employers')
    .addColumn(...addIdColumn(db))
    .addColumn('credit_code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('region_code', 'text', (col) => col.notNull().check(sql`length(region_code) = 6`))
    .addColumn('industry_class', 'integer', (col) => col.notNull().check(sql`industry_class between 1 and 8`))
    .addColumn('injury_float_ppm', 'integer', (col) => col.notNull().check(sql`injury_float_ppm > 0`))
    .addColumn('bank_account', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('established_on', 'text', (col) => col.notNull())
    .addColumn('registered_on', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('employers_region').on('employers').column('region_code').execute();

  await db.schema
    .createTable('persons')
    .addColumn(...addIdColumn(db))
    .addColumn('id_number', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sex', 'text', (col) => col.notNull().check(sql`sex in ('male', 'female')`))
    .addColumn('birth_date', 'text', (col) => col.notNull())
    .addColumn('hukou_region_code', 'text', (col) => col.notNull())
    .addColumn('hukou_type', 'text', (col) => col.notNull().check(sql`hukou_type in ('urban', 'rural')`))
    .addColumn('category', 'text', (col) =>
      col.notNull().check(sql`category in ('employee', 'flexible', 'resident')`),
    )
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('registered_on', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('employments')
    .addColumn(...addIdColumn(db))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('employer_id', ref, (col) => col.notNull().references('employers.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('hired_on', 'text', (col) => col.notNull())
    .addColumn('hire_reason', 'text', (col) =>
      col.notNull().check(sql`hire_reason in ('new_hire', 'transfer_in')`),
    )
    .addColumn('left_on', 'text')
    .addColumn('leave_reason', 'text', (col) =>
      col.check(sql`leave_reason in ('resignation', 'dismissal', 'transfer_out', 'retirement', 'death')`),
    )
    .addColumn('registered_on', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addCheckConstraint('employments_leave_after_hire', sql`left_on is null or left_on >= hired_on`)
    .execute();
  await db.schema
    .createIndex('employments_employer')
    .on('employments')
    .columns(['employer_id', 'hired_on'])
    .execute();
  await db.schema
    .createIndex('employments_person')
    .on('employments')
    .columns(['person_id', 'hired_on'])
    .execute();

  // One row per declaration; a correction is a new version, never an edit (the assessment reads the latest).
  await db.schema
    .createTable('contribution_bases')
    .addColumn(...addIdColumn(db))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('employer_id', ref, (col) => col.notNull().references('employers.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('cycle_start', 'text', (col) => col.notNull().check(periodCheck('cycle_start')))
    .addColumn('declared_fen', fen, (col) => col.notNull().check(sql`declared_fen >= 0`))
    .addColumn('source', 'text', (col) =>
      col.notNull().check(sql`source in ('yearly', 'new_hire', 'correction')`),
    )
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('declared_on', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('contribution_bases_version')
    .on('contribution_bases')
    .columns(['person_id', 'employer_id', 'cycle_start', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('flexible_enrolments')
    .addColumn(...addIdColumn(db))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('base_fen', fen, (col) => col.notNull().check(sql`base_fen > 0`))
    .addColumn('grade_ppm', 'integer', (col) => col.notNull())
    .addColumn('payment_method', 'text', (col) =>
      col.notNull().check(sql`payment_method in ('withholding', 'self')`),
    )
    .addColumn('bank_account', 'text')
    .addColumn('agreement_no', 'text')
    .addColumn('start_period', 'text', (col) => col.notNull().check(periodCheck('start_period')))
    .addColumn('end_period', 'text', (col) => col.check(periodCheck('end_period')))
    .addColumn('enrolled_on', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addCheckConstraint('flexible_enrolments_range', sql`end_period is null or end_period >= start_period`)
    .execute();
  await db.schema
    .createIndex('flexible_enrolments_person')
    .on('flexible_enrolments')
    .columns(['person_id', 'start_period'])
    .execute();
  await db.schema
    .createIndex('flexible_enrolments_region')
    .on('flexible_enrolments')
    .column('region_code')
    .execute();

  // The employer's monthly declaration (月度申报); without one the month is assessed at 110% (SIL Art. 62).
  await db.schema
    .createTable('declarations')
    .addColumn('employer_id', ref, (col) => col.notNull().references('employers.id'))
    .addColumn('period', 'text', (col) => col.notNull().check(periodCheck('period')))
    .addColumn('declared_on', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('declarations_pk', ['employer_id', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'declarations',
    'flexible_enrolments',
    'contribution_bases',
    'employments',
    'persons',
    'employers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, idRefType } from './column-types.ts';
import { replaceChecks } from './replace-checks.ts';

const EVENTS = `'filed', 'document-added', 'material-requested', 'material-received', 'decision-proposed', 'proposal-rejected', 'decided', 'withdrawn', 'clock-changed', 'appraisal-recorded', 'reappraisal-requested'`;

/**
 * The stoppage period with pay of an identified work injury (停工留薪期; WIIR Art. 33; docs/RULES.md 15.23),
 * append-only: the period the employer keeps paying the wage while the person is treated, up to 12 months,
 * and the extensions the appraisal committee confirms, up to 12 more.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  await db.schema
    .createTable('injury_stoppage_periods')
    .addColumn(...addIdColumn(db))
    .addColumn('application_id', ref, (col) => col.notNull().references('benefit_applications.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('initial', 'extension')`))
    .addColumn('starts_on', 'text', (col) => col.notNull())
    .addColumn('months', 'integer', (col) => col.notNull().check(sql`months between 1 and 12`))
    // The appraisal committee's confirmation of an extension.
    .addColumn('committee_ref', 'text')
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('injury_stoppage_periods_application')
    .on('injury_stoppage_periods')
    .columns(['application_id', 'id'])
    .execute();
  await forbidChanges(db, ['injury_stoppage_periods']);
  await replaceChecks(db, 'application_events', [
    { column: 'kind', from: `kind in (${EVENTS})`, to: `kind in (${EVENTS}, 'stoppage-recorded')` },
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await replaceChecks(db, 'application_events', [
    { column: 'kind', from: `kind in (${EVENTS}, 'stoppage-recorded')`, to: `kind in (${EVENTS})` },
  ]);
  await db.schema.dropTable('injury_stoppage_periods').execute();
}

import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType, periodCheck } from './column-types.ts';

/**
 * The yearly adjustment of pensions in payment (docs/RULES.md 14.11), the invitations to claim the pension
 * (14.13) and the contribution months an award counted, which the per-year part of an adjustment needs.
 *
 * A policy version is written when a second person approves it, never edited: a changed notice is a new
 * version. Its history holds, for each award it adjusted, the amounts before and after and the explanation
 * of every part; one row per award and policy, so applying a policy twice changes nothing. An invitation is
 * stored once per person and retirement month.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  const fen = fenType(db);

  // Awards recorded before this migration keep null; their count is in the first version's explanation.
  await db.schema.alterTable('benefit_awards').addColumn('contribution_months', 'integer').execute();

  await db.schema
    .createTable('pension_adjustment_policies')
    .addColumn(...addIdColumn(db))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull().check(sql`year between 1990 and 2200`))
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('effective_from', 'text', (col) => col.notNull().check(periodCheck('effective_from')))
    .addColumn('published_on', 'text', (col) => col.notNull().check(sql`length(published_on) = 10`))
    .addColumn('started_by', 'text', (col) => col.notNull().check(periodCheck('started_by')))
    // The figures (JSON): percentPpm, fixedFen, perYearFen, yearCounting, ageTilt, rounding.
    .addColumn('parameters', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('proposed_by', 'text', (col) => col.notNull())
    .addColumn('approved_by', 'text', (col) => col.notNull())
    .addColumn('approval_id', ref, (col) => col.notNull().references('approvals.id'))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addCheckConstraint('pension_adjustment_policies_second_person', sql`approved_by <> proposed_by`)
    .execute();
  await db.schema
    .createIndex('pension_adjustment_policies_version')
    .on('pension_adjustment_policies')
    .columns(['region_code', 'year', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('pension_adjustment_history')
    .addColumn(...addIdColumn(db))
    .addColumn('award_no', 'text', (col) => col.notNull())
    .addColumn('policy_id', ref, (col) => col.notNull().references('pension_adjustment_policies.id'))
    // The award version the adjustment wrote (its valid_from is the policy's effective month).
    .addColumn('award_version', 'integer', (col) => col.notNull())
    .addColumn('from_period', 'text', (col) => col.notNull().check(periodCheck('from_period')))
    .addColumn('before_fen', fen, (col) => col.notNull().check(sql`before_fen >= 0`))
    .addColumn('increase_fen', fen, (col) => col.notNull().check(sql`increase_fen >= 0`))
    .addColumn('after_fen', fen, (col) => col.notNull())
    .addColumn('explanation', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addCheckConstraint('pension_adjustment_history_sum', sql`after_fen = before_fen + increase_fen`)
    .execute();
  await db.schema
    .createIndex('pension_adjustment_history_once')
    .on('pension_adjustment_history')
    .columns(['policy_id', 'award_no'])
    .unique()
    .execute();
  await db.schema
    .createIndex('pension_adjustment_history_award')
    .on('pension_adjustment_history')
    .columns(['award_no', 'id'])
    .execute();

  await db.schema
    .createTable('retirement_invitations')
    .addColumn(...addIdColumn(db))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('retirement_month', 'text', (col) => col.notNull().check(periodCheck('retirement_month')))
    .addColumn('retirement_group', 'text', (col) =>
      col.notNull().check(sql`retirement_group in ('male', 'female-55', 'female-50')`),
    )
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('apply', 'shortfall')`))
    .addColumn('contribution_months', 'integer', (col) => col.notNull())
    .addColumn('min_contribution_months', 'integer', (col) => col.notNull())
    .addColumn('shortfall_months', 'integer', (col) => col.notNull().check(sql`shortfall_months >= 0`))
    // The month of the run that sent it.
    .addColumn('sent_in', 'text', (col) => col.notNull().check(periodCheck('sent_in')))
    .addColumn('sent_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('retirement_invitations_once')
    .on('retirement_invitations')
    .columns(['person_id', 'retirement_month'])
    .unique()
    .execute();

  await forbidChanges(db, [
    'pension_adjustment_policies',
    'pension_adjustment_history',
    'retirement_invitations',
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['retirement_invitations', 'pension_adjustment_history', 'pension_adjustment_policies'])
    await db.schema.dropTable(table).execute();
  await db.schema.alterTable('benefit_awards').dropColumn('contribution_months').execute();
}

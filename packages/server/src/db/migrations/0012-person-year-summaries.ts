import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect-of.ts';
import { idRefType } from './column-types.ts';
import {
  createPersonYearSummaryTriggers,
  dropPersonYearSummaryTriggers,
  rebuildPersonYearSummaries,
} from './person-year-summaries.ts';

const LINE_COLUMNS = [
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
];

/**
 * Per person and year, what the rights record's cumulative figures need (issue 4 §7, docs/BENCHMARKS.md
 * "Inquiry", fourth round), so that one year's record reads one short range instead of ten years of lines:
 *
 * - person_year_summaries: for each insurance a 12-bit mask of the months whose net amount (all the
 *   person's lines of the month, whatever the payer or kind of bill) is positive, and the same for the
 *   month's total. A derived table, kept by a trigger on the append-only lines it summarises
 *   (person-year-summaries.ts), so no writer can forget it; payments do not touch it (whether a month is
 *   paid is read from the few unpaid bills).
 * - contribution_lines_person_months replaces contribution_lines_person_amounts: the whole line in the
 *   person index (bases and account parts too), so a year's months read no table row (only their bills,
 *   by key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  let table = db.schema
    .createTable('person_year_summaries')
    .addColumn('person_id', idRefType(db), (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('pension_months', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('medical_months', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('maternity_months', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('unemployment_months', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('work_injury_months', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('contributed_months', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('person_year_summaries_pk', ['person_id', 'year']);
  // Clustered by person on SQLite: a person's years are one run of a page or two.
  if (dialectOf(db) === 'sqlite') table = table.modifyEnd(sql`without rowid`);
  await table.execute();

  await db.schema.dropIndex('contribution_lines_person_amounts').execute();
  await db.schema
    .createIndex('contribution_lines_person_months')
    .on('contribution_lines')
    .columns([
      ...LINE_COLUMNS,
      'pension_base_fen',
      'medical_base_fen',
      'unemployment_base_fen',
      'work_injury_base_fen',
      'pension_account_fen',
      'medical_account_fen',
    ])
    .execute();

  await rebuildPersonYearSummaries(db);
  await createPersonYearSummaryTriggers(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropPersonYearSummaryTriggers(db);
  await db.schema.dropIndex('contribution_lines_person_months').execute();
  await db.schema
    .createIndex('contribution_lines_person_amounts')
    .on('contribution_lines')
    .columns(LINE_COLUMNS)
    .execute();
  await db.schema.dropTable('person_year_summaries').execute();
}

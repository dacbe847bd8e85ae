import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, EmployerAdvanceRepaymentsTable } from '../../db/index.ts';

type Db = Kysely<Database>;

/** A step of a payroll run: the month lines of a chunk of rolls, or the one-time payments. */
export type AdvanceStep = { kind: 'month'; afterId: number; throughId: number } | { kind: 'one-time' };

/**
 * The claims on employers for what a step of the run pays on their behalf (docs/RULES.md 15.22), in one
 * INSERT ... SELECT: every owed line of the step whose award (month lines of the chunk's rolls) or one-time
 * payment the work-injury fund advances for an employer becomes a claim of the line's pooled amount on that
 * employer. A line is claimed once. Returns what the step's new claims add up to, for the posting.
 */
export async function insertAdvanceClaims(
  db: Db,
  runId: number,
  step: AdvanceStep,
  recordedAt: string,
): Promise<number> {
  const from =
    step.kind === 'month'
      ? sql`from payroll_lines l join benefit_roll s on s.id = l.roll_id
          where l.kind = 'month' and l.roll_id > ${step.afterId} and l.roll_id <= ${step.throughId}`
      : sql`from payroll_lines l join one_time_payments s on s.id = l.one_time_id
          where l.kind = 'one-time'`;
  const inserted = await sql<{ amount_fen: number | string }>`
    insert into employer_advance_claims (employer_id, region_code, fund, run_id, line_id, person_id, period, amount_fen, recorded_at)
    select s.advanced_for_employer, s.region_code, 'work_injury', l.run_id, l.id, s.person_id, l.period, l.pooled_fen,
      ${recordedAt}
    ${from}
      and l.run_id = ${runId} and l.state = 'owed' and l.pooled_fen > 0
      and s.advanced_for_employer is not null and s.fund = 'work_injury'
      and not exists (select 1 from employer_advance_claims c where c.line_id = l.id)
    returning amount_fen`.execute(db);
  return inserted.rows.reduce((sum, row) => sum + Number(row.amount_fen), 0);
}

/** An employer's advances: what was claimed, what was repaid, and the claims by award or payment. */
export async function selectEmployerAdvances(db: Db, employerId: number) {
  const claims = await sql<{
    person_id: number;
    period: string;
    amount_fen: number | string;
    recorded_at: string;
  }>`
    select person_id, period, amount_fen, recorded_at from employer_advance_claims
    where employer_id = ${employerId} order by id`.execute(db);
  const repayments = await db
    .selectFrom('employer_advance_repayments')
    .select(['amount_fen', 'received_on', 'bank_reference', 'recorded_at'])
    .where('employer_id', '=', employerId)
    .orderBy('id')
    .execute();
  return { claims: claims.rows, repayments };
}

/** The repayment recorded under a bank reference, if any. */
export function selectRepaymentByReference(db: Db, bankReference: string) {
  return db
    .selectFrom('employer_advance_repayments')
    .select(['employer_id', 'amount_fen'])
    .where('bank_reference', '=', bankReference)
    .executeTakeFirst();
}

/** The region of an employer's advances (that of its first claim), or undefined when it has none. */
export async function selectAdvancesRegion(db: Db, employerId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('employer_advance_claims')
    .select('region_code')
    .where('employer_id', '=', employerId)
    .executeTakeFirst();
  return row?.region_code;
}

export async function insertRepayment(
  db: Db,
  row: Insertable<EmployerAdvanceRepaymentsTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('employer_advance_repayments')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

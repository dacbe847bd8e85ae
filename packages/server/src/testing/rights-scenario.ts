import { lineColumnsOf } from '@shebao/domain';
import type { Kysely } from 'kysely';
import { fixedClock } from '../app/clock.ts';
import type { Database } from '../db/index.ts';
import { insertCollectionFixture } from './collection-fixture.ts';
import { creditYearInterest } from '../modules/accounts/index.ts';
import { runCollection } from '../workflows/index.ts';
import { recordPayments } from '../modules/payments/index.ts';
import { createPolicyService } from '../modules/policy/index.ts';

/** Test data for the rights record and the statements built on it. */

const clock = fixedClock('2025-10-10T02:00:00.000Z');
const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });

/** A second employment with its base, straight into the tables. */
export async function hireAlso(
  db: Kysely<Database>,
  personId: number,
  employerId: number,
  hiredOn: string,
  wageFen: number,
): Promise<void> {
  await db
    .insertInto('employments')
    .values({
      person_id: personId,
      employer_id: employerId,
      region_code: '110000',
      hired_on: hiredOn,
      hire_reason: 'new_hire',
      left_on: null,
      leave_reason: null,
      registered_on: hiredOn,
      recorded_at: '2025-07-01T00:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('contribution_bases')
    .values({
      person_id: personId,
      employer_id: employerId,
      region_code: '110000',
      cycle_start: '2025-07',
      declared_fen: wageFen,
      source: 'new_hire',
      version: 1,
      declared_on: hiredOn,
      recorded_at: '2025-07-01T00:00:00.000Z',
    })
    .execute();
}

/** An adjustment of one person's month: the line carries the corrected base and the differences. */
export async function insertAdjustment(
  db: Kysely<Database>,
  employerId: number,
  personId: number,
  period: string,
): Promise<void> {
  const { id: billId } = await db
    .insertInto('bills')
    .values({
      bill_no: `${period.replace('-', '')}-E${employerId}-A1`,
      region_code: '110000',
      period,
      payer_key: `E${employerId}`,
      employer_id: employerId,
      person_id: null,
      kind: 'adjustment',
      due_date: '2025-10-15',
      employer_fen: 16_000,
      employee_fen: 8_000,
      total_fen: 24_000,
      pension_fen: 24_000,
      medical_fen: 0,
      unemployment_fen: 0,
      work_injury_fen: 0,
      run_id: null,
      recorded_at: '2025-10-01T02:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('contribution_lines')
    .values({
      bill_id: billId,
      person_id: personId,
      region_code: '110000',
      period,
      ...lineColumnsOf({
        pensionBaseFen: 2_100_000,
        medicalBaseFen: 2_100_000,
        unemploymentBaseFen: 2_100_000,
        workInjuryBaseFen: 2_100_000,
        pensionEmployerFen: 16_000,
        pensionEmployeeFen: 8_000,
        pensionAccountFen: 8_000,
      }),
    })
    .execute();
}

/**
 * Person A works for employer 1 and, from August, also for employer 2 (overlapping months); person B
 * leaves employer 1 in July and joins employer 2 in September (a gap in August). July of employer 1 is
 * paid, then adjusted; the year's interest is credited.
 */
export async function insertRightsScenario(db: Kysely<Database>) {
  const fixture = await insertCollectionFixture(db, {
    regionCode: '110000',
    cycleStart: '2025-07',
    employers: [
      { employees: [{ wageFen: 2_000_000 }, { wageFen: 1_000_000, leftOn: '2025-07-31' }] },
      { employees: [{ wageFen: 500_000 }] },
    ],
  });
  const [e1, e2] = fixture.employerIds as [number, number];
  const [a, b] = fixture.personIds[0] as [number, number];
  await hireAlso(db, a, e2, '2025-08-01', 800_000);
  await hireAlso(db, b, e2, '2025-09-01', 1_000_000);
  for (const period of ['2025-07', '2025-08', '2025-09']) {
    await runCollection(deps(db), { regionCode: '110000', period });
  }
  const july = await db
    .selectFrom('bills')
    .select('total_fen')
    .where('payer_key', '=', `E${e1}`)
    .where('period', '=', '2025-07')
    .executeTakeFirstOrThrow();
  await recordPayments(deps(db), [
    { payerKey: `E${e1}`, amountFen: july.total_fen, paidOn: '2025-08-10', channel: 'api' },
  ]);
  await insertAdjustment(db, e1, a, '2025-07');
  await creditYearInterest(deps(db), { year: 2025, regionCode: '110000' });
  return { e1, e2, a, b };
}

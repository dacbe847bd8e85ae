import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

type Db = Kysely<Database>;

/** Employments of one employer with the person, id order, after a cursor (employments_employer_id index). */
export function selectStaff(
  db: Db,
  employerId: number,
  afterId: number,
  limit: number,
  currentOn: string | null,
) {
  let query = db
    .selectFrom('employments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.person_id', 'p.name', 'p.id_number', 'e.hired_on', 'e.left_on', 'e.leave_reason'])
    .where('e.employer_id', '=', employerId)
    .where('e.id', '>', afterId);
  if (currentOn !== null) {
    query = query.where((eb) => eb.or([eb('e.left_on', 'is', null), eb('e.left_on', '>=', currentOn)]));
  }
  return query.orderBy('e.id').limit(limit).execute();
}

export function selectBills(
  db: Db,
  employerId: number,
  afterId: number,
  limit: number,
  period: string | undefined,
) {
  let query = db
    .selectFrom('bills')
    .select([
      'id',
      'bill_no',
      'period',
      'kind',
      'due_date',
      'estimated',
      'employer_fen',
      'employee_fen',
      'total_fen',
      'paid_fen',
    ])
    .where('employer_id', '=', employerId)
    .where('id', '>', afterId);
  if (period) query = query.where('period', '=', period);
  return query.orderBy('id').limit(limit).execute();
}

export function selectPayments(db: Db, payerKey: string, afterId: number, limit: number) {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('payer_key', '=', payerKey)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function selectPayment(db: Db, paymentId: number) {
  return db.selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirst();
}

/** Bills of the employer not paid in full, oldest due first. */
export function selectOpenBills(db: Db, employerId: number) {
  return db
    .selectFrom('bills')
    .select(['bill_no', 'period', 'kind', 'due_date', 'region_code', 'total_fen', 'paid_fen'])
    .where('employer_id', '=', employerId)
    .whereRef('paid_fen', '<', 'total_fen')
    .orderBy('due_date')
    .orderBy('id')
    .execute();
}

export async function sumLateFeesCharged(db: Db, employerId: number): Promise<number> {
  const row = await db
    .selectFrom('bills')
    .select((eb) => eb.fn.sum<number | string>('total_fen').as('total'))
    .where('employer_id', '=', employerId)
    .where('kind', '=', 'late_fee')
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

export function selectEmployer(db: Db, employerId: number) {
  return db
    .selectFrom('employers')
    .select(['id', 'region_code'])
    .where('id', '=', employerId)
    .executeTakeFirst();
}

/**
 * How many of the employer's current employees (employed on `today`) have no base declared for the
 * contribution year starting `cycleStart`: the yearly declaration still to be made for them.
 */
export async function countStaffWithoutBase(
  db: Db,
  input: { employerId: number; today: string; cycleStart: string },
): Promise<number> {
  const row = await db
    .selectFrom('employments as e')
    .select((eb) => eb.fn.count<string | number>('e.person_id').distinct().as('count'))
    .where('e.employer_id', '=', input.employerId)
    .where('e.hired_on', '<=', input.today)
    .where((eb) => eb.or([eb('e.left_on', 'is', null), eb('e.left_on', '>=', input.today)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('contribution_bases as b')
            .select('b.id')
            .whereRef('b.person_id', '=', 'e.person_id')
            .whereRef('b.employer_id', '=', 'e.employer_id')
            .where('b.cycle_start', '=', input.cycleStart),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Whether the employer has declared the month (SIL Art. 60: 月度申报). */
export async function hasDeclared(db: Db, employerId: number, period: string): Promise<boolean> {
  const row = await db
    .selectFrom('declarations')
    .select('period')
    .where('employer_id', '=', employerId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row !== undefined;
}

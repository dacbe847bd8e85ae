import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

type Db = Kysely<Database>;

/*
 * What an employer's own pages ask registration (the employer-inquiry and employer-notices modules):
 * whether the employer exists and where, its staff a page at a time, and what it still has to declare.
 */

/** The employer's id and region, or undefined when there is no such employer. */
export function selectEmployerRegion(db: Db, employerId: number) {
  return db
    .selectFrom('employers')
    .select(['id', 'region_code'])
    .where('id', '=', employerId)
    .executeTakeFirst();
}

/**
 * Employments of one employer with the person, id order, after a cursor (employments_employer_id index);
 * with `currentOn`, only those not ended before that day.
 */
export function selectStaffPage(
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
export async function hasDeclaredMonth(db: Db, employerId: number, period: string): Promise<boolean> {
  const row = await db
    .selectFrom('declarations')
    .select('period')
    .where('employer_id', '=', employerId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row !== undefined;
}

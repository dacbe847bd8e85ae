import { sql, type Kysely } from 'kysely';
import { dialectOf, type Database } from '../../db/index.ts';

type Db = Kysely<Database>;

export interface PendingEmployer {
  id: number;
  industryClass: number;
  injuryFloatPpm: number;
}

/** Employers of the region that have no regular bill for the month yet: what a (re-)run still has to do. */
export async function selectEmployersToAssess(
  db: Db,
  regionCode: string,
  period: string,
): Promise<PendingEmployer[]> {
  const rows = await db
    .selectFrom('employers as r')
    .select(['r.id', 'r.industry_class', 'r.injury_float_ppm'])
    .where('r.region_code', '=', regionCode)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('bills as b')
            .select(sql.lit(1).as('one'))
            .whereRef('b.employer_id', '=', 'r.id')
            .where('b.period', '=', period)
            .where('b.kind', '=', 'regular'),
        ),
      ),
    )
    .orderBy('r.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    industryClass: row.industry_class,
    injuryFloatPpm: row.injury_float_ppm,
  }));
}

export interface EmployeeMonth {
  employerId: number;
  personId: number;
  /** The latest declared wage for the cycle (or an earlier one carried forward); null if none. */
  declaredFen: number | null;
}

/**
 * Everyone employed on any day of the month by these employers, with the base in force: the latest version
 * of the latest declaration for a cycle that started no later than this month's cycle.
 */
export async function selectEmployeeMonths(
  db: Db,
  employerIds: number[],
  bounds: { firstDay: string; lastDay: string; cycleStart: string },
): Promise<EmployeeMonth[]> {
  if (employerIds.length === 0) return [];
  const rows = await db
    .selectFrom('employments as e')
    .select((eb) => [
      'e.employer_id',
      'e.person_id',
      eb
        .selectFrom('contribution_bases as b')
        .select('b.declared_fen')
        .whereRef('b.person_id', '=', 'e.person_id')
        .whereRef('b.employer_id', '=', 'e.employer_id')
        .where('b.cycle_start', '<=', bounds.cycleStart)
        .orderBy('b.cycle_start', 'desc')
        .orderBy('b.version', 'desc')
        .limit(1)
        .as('declared_fen'),
    ])
    .where('e.employer_id', 'in', employerIds)
    .where('e.hired_on', '<=', bounds.lastDay)
    .where((eb) => eb.or([eb('e.left_on', 'is', null), eb('e.left_on', '>=', bounds.firstDay)]))
    .orderBy('e.employer_id')
    .orderBy('e.person_id')
    .execute();
  return rows.map((row) => ({
    employerId: row.employer_id,
    personId: row.person_id,
    declaredFen: row.declared_fen === null ? null : Number(row.declared_fen),
  }));
}

export interface FlexibleMonth {
  personId: number;
  baseFen: number;
}

/** Flexible workers of the region enrolled for the month and not yet billed for it. */
export async function selectFlexibleMonths(
  db: Db,
  regionCode: string,
  period: string,
): Promise<FlexibleMonth[]> {
  const rows = await db
    .selectFrom('flexible_enrolments as f')
    .select(['f.person_id', 'f.base_fen'])
    .where('f.region_code', '=', regionCode)
    .where('f.start_period', '<=', period)
    .where((eb) => eb.or([eb('f.end_period', 'is', null), eb('f.end_period', '>=', period)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('bills as b')
            .select(sql.lit(1).as('one'))
            .whereRef('b.person_id', '=', 'f.person_id')
            .where('b.period', '=', period)
            .where('b.kind', '=', 'regular'),
        ),
      ),
    )
    .orderBy('f.person_id')
    .execute();
  return rows.map((row) => ({ personId: row.person_id, baseFen: Number(row.base_fen) }));
}

/**
 * After a month's run has added a line per person at once, PostgreSQL's planner would go on taking the
 * tables for as small as before (until autovacuum gets round to them) and scan contribution_lines whole
 * for every chunk of the payments that follow. ANALYZE samples them in a fraction of a second. SQLite
 * plans these queries from its indexes alone.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`analyze contribution_lines, bills`.execute(db);
}

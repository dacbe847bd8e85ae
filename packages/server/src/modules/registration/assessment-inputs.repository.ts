import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * What collection's month run, settlements and reassessments read of the register (asked through
 * registration's index.ts): the employers of a region with their injury class, the staff employed in a
 * month with the base in force, flexible enrolments, monthly declarations. Set-based: one query per
 * question for a whole chunk of employers.
 */

type Db = Kysely<Database>;

export interface AssessedEmployer {
  id: number;
  industryClass: number;
  injuryFloatPpm: number;
}

/** Every employer of the region, by id, with what its work-injury rate depends on. */
export async function selectRegionEmployers(db: Db, regionCode: string): Promise<AssessedEmployer[]> {
  const rows = await db
    .selectFrom('employers')
    .select(['id', 'industry_class', 'injury_float_ppm'])
    .where('region_code', '=', regionCode)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    industryClass: row.industry_class,
    injuryFloatPpm: row.injury_float_ppm,
  }));
}

/** These employers (those of the region, when one is named), by id, with their injury class. */
export async function selectEmployerClasses(
  db: Db,
  employerIds: readonly number[],
  regionCode?: string,
): Promise<AssessedEmployer[]> {
  const employers: AssessedEmployer[] = [];
  const unique = [...new Set(employerIds)];
  for (let start = 0; start < unique.length; start += 500) {
    let query = db
      .selectFrom('employers')
      .select(['id', 'industry_class', 'injury_float_ppm'])
      .where('id', 'in', unique.slice(start, start + 500));
    if (regionCode !== undefined) query = query.where('region_code', '=', regionCode);
    const rows = await query.execute();
    employers.push(
      ...rows.map((row) => ({
        id: row.id,
        industryClass: row.industry_class,
        injuryFloatPpm: row.injury_float_ppm,
      })),
    );
  }
  return employers.sort((a, b) => a.id - b.id);
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

/** Flexible workers of the region enrolled for the month, by person, with their base. */
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
    .orderBy('f.person_id')
    .execute();
  return rows.map((row) => ({ personId: row.person_id, baseFen: Number(row.base_fen) }));
}

/** Which of these employers have made their monthly declaration (月度申报) for the month. */
export async function selectDeclaredEmployerIds(
  db: Db,
  employerIds: readonly number[],
  period: string,
): Promise<Set<number>> {
  const declared = new Set<number>();
  for (let start = 0; start < employerIds.length; start += 500) {
    const rows = await db
      .selectFrom('declarations')
      .select('employer_id')
      .where('employer_id', 'in', employerIds.slice(start, start + 500))
      .where('period', '=', period)
      .execute();
    for (const row of rows) declared.add(row.employer_id);
  }
  return declared;
}

/** The months these employers have declared, as `<employer id>|<period>`. */
export async function selectDeclaredMonths(db: Db, employerIds: readonly number[]): Promise<Set<string>> {
  const declared = new Set<string>();
  const unique = [...new Set(employerIds)];
  for (let start = 0; start < unique.length; start += 500) {
    const rows = await db
      .selectFrom('declarations')
      .select(['employer_id', 'period'])
      .where('employer_id', 'in', unique.slice(start, start + 500))
      .execute();
    for (const row of rows) declared.add(`${row.employer_id}|${row.period}`);
  }
  return declared;
}

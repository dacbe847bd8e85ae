import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * An employer's average monthly wage of its employees over a calendar year, as its contribution lines give
 * it (docs/RULES.md 15.19): the medical insurance bases (maternity is assessed on them) of every employee
 * month of its declared regular bills and of the settlements of estimated months, added up, and the number of those employee months, in one
 * aggregate over the employer's bills of the year.
 */
export async function selectEmployerYearBases(
  db: Kysely<Database>,
  employerId: number,
  year: number,
): Promise<{ totalFen: number; months: number }> {
  const row = (
    await sql<{ total: number | string | null; months: number | string | null }>`
      select coalesce(sum(l.medical_base_fen), 0) as total, count(*) as months
      from bills b join contribution_lines l on l.bill_id = b.id
      where b.employer_id = ${employerId}
        and ((b.kind = 'regular' and b.estimated = 0) or b.kind = 'settlement')
        and b.period >= ${`${year}-01`} and b.period <= ${`${year}-12`}
        and l.medical_base_fen > 0`.execute(db)
  ).rows[0];
  return { totalFen: Number(row?.total ?? 0), months: Number(row?.months ?? 0) };
}

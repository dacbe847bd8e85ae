import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialect-of.ts';
import type { Database } from '../../db/index.ts';

/** A pensioner as the due list reads them (a read model over benefits' awards and registration's persons). */
export interface PensionerRow {
  awardId: number;
  awardNo: string;
  personId: number;
  firstPaymentMonth: string;
  name: string;
  idNumber: string;
  /** Every verification day of the award, comma-separated, or null. */
  verifiedOn: string | null;
}

/**
 * A chunk of a region's pension awards in payment (first versions, by award id from a cursor) with the
 * person and their verification days, leaving out persons whose death stands confirmed or proposed.
 * One query per chunk (docs/RULES.md 14.9).
 */
export async function selectPensionerChunk(
  db: Kysely<Database>,
  query: { regionPrefix: string; afterAwardId?: number; limit: number },
): Promise<PensionerRow[]> {
  let select = db
    .selectFrom('benefit_awards as a')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .select([
      'a.id as awardId',
      'a.award_no as awardNo',
      'a.person_id as personId',
      'a.valid_from as firstPaymentMonth',
      'p.name as name',
      'p.id_number as idNumber',
    ])
    .select((eb) =>
      eb
        .selectFrom('survival_verifications as v')
        .whereRef('v.award_no', '=', 'a.award_no')
        .select(
          dialectOf(db) === 'postgres'
            ? sql<string>`string_agg(v.on_date, ',')`.as('d')
            : sql<string>`group_concat(v.on_date, ',')`.as('d'),
        )
        .as('verifiedOn'),
    )
    .where('a.kind', '=', 'pension')
    .where('a.version', '=', 1)
    .where('a.region_code', 'like', `${query.regionPrefix}%`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('death_reports as d')
            .select('d.id')
            .whereRef('d.person_id', '=', 'a.person_id')
            .where('d.state', 'in', ['proposed', 'confirmed']),
        ),
      ),
    );
  if (query.afterAwardId !== undefined) select = select.where('a.id', '>', query.afterAwardId);
  const rows = await select.orderBy('a.id').limit(query.limit).execute();
  return rows.map((row) => ({
    ...row,
    awardId: Number(row.awardId),
    personId: Number(row.personId),
    verifiedOn: row.verifiedOn ?? null,
  }));
}

/** A pension award's person and first month (every version's earliest start), by its number. */
export async function selectAwardStart(
  db: Kysely<Database>,
  awardNo: string,
): Promise<{ awardNo: string; personId: number; firstPaymentMonth: string } | undefined> {
  const row = await db
    .selectFrom('benefit_awards')
    .select(['award_no', 'person_id'])
    .select((eb) => eb.fn.min('valid_from').as('first'))
    .where('award_no', '=', awardNo)
    .where('kind', '=', 'pension')
    .groupBy(['award_no', 'person_id'])
    .executeTakeFirst();
  return row && { awardNo: row.award_no, personId: Number(row.person_id), firstPaymentMonth: row.first };
}

/** The verification days of the awards named, in one query (for the payroll's chunks). */
export async function selectAwardVerificationDays(
  db: Kysely<Database>,
  awardNos: readonly string[],
): Promise<Map<string, string[]>> {
  const days = new Map<string, string[]>();
  if (awardNos.length === 0) return days;
  const rows = await db
    .selectFrom('survival_verifications')
    .select(['award_no', 'on_date'])
    .where('award_no', 'in', awardNos)
    .execute();
  for (const row of rows) days.set(row.award_no, [...(days.get(row.award_no) ?? []), row.on_date]);
  return days;
}

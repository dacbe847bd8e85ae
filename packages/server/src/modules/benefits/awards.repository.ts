import type { Insertable, Kysely, Selectable } from 'kysely';
import type { BenefitAwardsTable, Database } from '../../db/index.ts';

export type AwardRow = Selectable<BenefitAwardsTable>;

export async function insertAward(
  db: Kysely<Database>,
  row: Insertable<BenefitAwardsTable>,
): Promise<number> {
  const { id } = await db.insertInto('benefit_awards').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Every version of a person's awards, by award and version. */
export function selectPersonAwards(db: Kysely<Database>, personId: number): Promise<AwardRow[]> {
  return db
    .selectFrom('benefit_awards')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('award_no')
    .orderBy('version')
    .execute();
}

export function selectAwardOfApplication(
  db: Kysely<Database>,
  applicationId: number,
): Promise<AwardRow | undefined> {
  return db
    .selectFrom('benefit_awards')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

/** The latest version of one award. */
export function selectLatestAward(db: Kysely<Database>, awardNo: string): Promise<AwardRow | undefined> {
  return db
    .selectFrom('benefit_awards')
    .selectAll()
    .where('award_no', '=', awardNo)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

/**
 * A page of the pension awards of a region (GB/T 2260 prefix), the latest version of each, by award number
 * after `afterAwardNo`, with the start month and the explanation of the first version (what the award
 * counted). One query: the (award_no, version) index finds each award's latest version.
 */
export function selectLatestPensionsPage(
  db: Kysely<Database>,
  query: { regionPrefix: string; afterAwardNo: string; limit: number },
) {
  return db
    .selectFrom('benefit_awards as a')
    .innerJoin('benefit_awards as first', (join) =>
      join.onRef('first.award_no', '=', 'a.award_no').on('first.version', '=', 1),
    )
    .selectAll('a')
    .select(['first.valid_from as start_month', 'first.explanation as first_explanation'])
    .where('a.kind', '=', 'pension')
    .where('a.region_code', 'like', `${query.regionPrefix}%`)
    .where('a.award_no', '>', query.afterAwardNo)
    .where(({ eb, selectFrom }) =>
      eb(
        'a.version',
        '=',
        selectFrom('benefit_awards as b')
          .select(({ fn }) => fn.max('b.version').as('v'))
          .whereRef('b.award_no', '=', 'a.award_no'),
      ),
    )
    .orderBy('a.award_no')
    .limit(query.limit)
    .execute();
}

/** New versions of awards in one statement per 500 (a chunk of a yearly adjustment; docs/RULES.md 14.11). */
export async function insertAwardVersions(
  db: Kysely<Database>,
  rows: readonly Insertable<BenefitAwardsTable>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500)
    await db
      .insertInto('benefit_awards')
      .values(rows.slice(start, start + 500))
      .execute();
}

/** The month an award started: its first version's. */
export async function selectFirstVersionStart(db: Kysely<Database>, awardNo: string): Promise<string> {
  const row = await db
    .selectFrom('benefit_awards')
    .select('valid_from')
    .where('award_no', '=', awardNo)
    .where('version', '=', 1)
    .executeTakeFirstOrThrow();
  return row.valid_from;
}

/** The latest version of each award named, one query per thousand. */
export async function selectLatestVersionsOf(
  db: Kysely<Database>,
  awardNos: readonly string[],
): Promise<AwardRow[]> {
  const rows: AwardRow[] = [];
  for (let start = 0; start < awardNos.length; start += 1000)
    rows.push(
      ...(await db
        .selectFrom('benefit_awards as a')
        .selectAll('a')
        .where('a.award_no', 'in', awardNos.slice(start, start + 1000))
        .where(({ eb, selectFrom }) =>
          eb(
            'a.version',
            '=',
            selectFrom('benefit_awards as b')
              .select(({ fn }) => fn.max('b.version').as('v'))
              .whereRef('b.award_no', '=', 'a.award_no'),
          ),
        )
        .execute()),
    );
  return rows;
}

import type { Insertable, Kysely, Selectable } from 'kysely';
import { bulkInsert, type BenefitAwardsTable, type Database } from '../../db/index.ts';

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
 * A page of the pension awards of a region (GB/T 2260 prefix) by award number after `afterAwardNo`: their
 * first versions (the start month, what the award counted). Their latest versions are asked for apart
 * (selectLatestVersionsOf): two index walks instead of a correlated maximum per row.
 */
export function selectFirstPensionsPage(
  db: Kysely<Database>,
  query: { regionPrefix: string; afterAwardNo: string; limit: number },
) {
  return db
    .selectFrom('benefit_awards')
    .select(['award_no', 'valid_from', 'explanation', 'contribution_months'])
    .where('version', '=', 1)
    .where('kind', '=', 'pension')
    .where('region_code', 'like', `${query.regionPrefix}%`)
    .where('award_no', '>', query.afterAwardNo)
    .orderBy('award_no')
    .limit(query.limit)
    .execute();
}

const VERSION_COLUMNS = [
  'award_no',
  'version',
  'application_id',
  'person_id',
  'region_code',
  'kind',
  'monthly_fen',
  'valid_from',
  'payee_kind',
  'payee_account',
  'contribution_months',
  'explanation',
  'reason',
  'proposed_by',
  'approved_by',
  'approval_id',
  'recorded_at',
] as const;
const VERSION_TYPES = [
  'text',
  'integer',
  'bigint',
  'bigint',
  'text',
  'text',
  'bigint',
  'text',
  'text',
  'text',
  'integer',
  'text',
  'text',
  'text',
  'text',
  'bigint',
  'text',
];

/**
 * New versions of many awards (a chunk of a yearly adjustment; docs/RULES.md 14.11) through the batch
 * insert: cached multi-row statements on SQLite, one unnest per chunk on PostgreSQL.
 */
export async function insertAwardVersions(
  db: Kysely<Database>,
  rows: readonly Insertable<BenefitAwardsTable>[],
): Promise<void> {
  await bulkInsert(
    db,
    'benefit_awards',
    VERSION_COLUMNS,
    VERSION_TYPES,
    rows.map((row) => VERSION_COLUMNS.map((column) => (row[column] ?? null) as string | number | null)),
  );
}

/** The latest version of each award named, one query per thousand. */
export async function selectLatestVersionsOf(
  db: Kysely<Database>,
  awardNos: readonly string[],
): Promise<AwardRow[]> {
  const rows: AwardRow[] = [];
  for (let start = 0; start < awardNos.length; start += 1000) {
    const part = awardNos.slice(start, start + 1000);
    rows.push(
      ...(await db
        .selectFrom('benefit_awards as a')
        .innerJoin(
          (eb) =>
            eb
              .selectFrom('benefit_awards')
              .select(({ fn }) => ['award_no', fn.max('version').as('latest')])
              .where('award_no', 'in', part)
              .groupBy('award_no')
              .as('m'),
          (join) => join.onRef('m.award_no', '=', 'a.award_no').onRef('m.latest', '=', 'a.version'),
        )
        .selectAll('a')
        .execute()),
    );
  }
  return rows;
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

import { sql, type Kysely } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.ts';
import { prepareQuery } from '../../db/prepared-query.ts';
import type { Database } from '../../db/index.ts';

/*
 * The medical personal account's own movements in the sub-ledger (docs/RULES.md 16.4): what claims spend
 * from it, what a cancelled claim gives back, and the retirees' monthly credits from the pool. Spending
 * is a negative entry, so every balance over the sub-ledger stays a plain sum.
 */

export interface MedicalAccountEntry {
  personId: number;
  regionCode: string;
  kind: 'medical-spending' | 'medical-refund' | 'retiree-credit';
  period: string;
  /** Signed: negative for spending. */
  medicalFen: number;
  medicalClaimId: number | null;
}

const COLUMNS = [
  'person_id',
  'region_code',
  'kind',
  'period',
  'pension_fen',
  'medical_fen',
  'medical_claim_id',
] as const;
const TYPES = ['bigint', 'text', 'text', 'text', 'bigint', 'bigint', 'bigint'];

export function insertMedicalAccountEntries(
  db: Kysely<Database>,
  entries: readonly MedicalAccountEntry[],
): Promise<void> {
  return bulkInsert(
    db,
    'personal_account_entries',
    COLUMNS,
    TYPES,
    entries.map((entry) => [
      entry.personId,
      entry.regionCode,
      entry.kind,
      entry.period,
      0,
      entry.medicalFen,
      entry.medicalClaimId,
    ]),
  );
}

const balancesOf = prepareQuery(
  (_dialect, personIds: readonly number[]) => sql<{
    person_id: number | string;
    balance: number | string | null;
  }>`select person_id, sum(medical_fen) as balance from personal_account_entries
    where person_id in (${sql.join(personIds)}) group by person_id`,
);

/** Each person's medical personal-account balance now: the sum of their entries. */
export async function selectMedicalBalances(
  db: Kysely<Database>,
  personIds: readonly number[],
): Promise<Map<number, number>> {
  const balances = new Map<number, number>(personIds.map((id) => [id, 0]));
  if (personIds.length === 0) return balances;
  // Compiled once per number of persons: real-time settlement reads it for every batch of claims.
  const rows = await balancesOf(db, personIds);
  for (const row of rows) balances.set(Number(row.person_id), Number(row.balance ?? 0));
  return balances;
}

/** A person's medical-account movements with the claim each spending belongs to, newest first. */
export function selectMedicalAccountMovements(
  db: Kysely<Database>,
  personId: number,
  page: { beforeId?: number; limit: number },
) {
  let query = db
    .selectFrom('personal_account_entries')
    .select(['id', 'kind', 'period', 'medical_fen', 'medical_claim_id'])
    .where('person_id', '=', personId)
    .where('medical_fen', '<>', 0);
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

/** Of these persons, those whose medical account has the retirees' credit of `period` already. */
export async function selectRetireeCredited(
  db: Kysely<Database>,
  period: string,
  personIds: readonly number[],
): Promise<Set<number>> {
  const credited = new Set<number>();
  for (let start = 0; start < personIds.length; start += 1000) {
    const rows = await db
      .selectFrom('personal_account_entries')
      .select('person_id')
      .where('kind', '=', 'retiree-credit')
      .where('period', '=', period)
      .where('person_id', 'in', personIds.slice(start, start + 1000))
      .execute();
    for (const row of rows) credited.add(Number(row.person_id));
  }
  return credited;
}

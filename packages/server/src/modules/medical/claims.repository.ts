import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { bulkInsert, bulkInsertReturningIds } from '../../db/bulk-insert.ts';
import { prepareQuery } from '../../db/prepared-query.ts';
import type {
  Database,
  MedicalClaimCancellationsTable,
  MedicalClaimItemsTable,
  MedicalClaimsTable,
} from '../../db/schema.ts';

/** Claims settled in real time, their items and their cancellations (append-only, docs/RULES.md 16.3). */

type Db = Kysely<Database>;
export type ClaimRow = Selectable<MedicalClaimsTable>;
export type ClaimItemRow = Selectable<MedicalClaimItemsTable>;
export type NewClaimRow = Omit<Insertable<MedicalClaimsTable>, 'id'>;

const CLAIM_COLUMNS = [
  'claim_no',
  'institution_id',
  'person_id',
  'account_person_id',
  'region_code',
  'ledger',
  'idempotency_key',
  'request_hash',
  'kind',
  'visit_date',
  'discharge_date',
  'department',
  'diagnosis',
  'person_type',
  'line',
  'total_fen',
  'not_covered_fen',
  'part_self_pay_fen',
  'policy_range_fen',
  'deductible_fen',
  'coinsurance_fen',
  'over_cap_fen',
  'pooled_fen',
  'account_fen',
  'cash_fen',
  'explanation',
  'settled_on',
  'recorded_by',
  'recorded_at',
] as const satisfies readonly (keyof NewClaimRow)[];
const CLAIM_TYPES = CLAIM_COLUMNS.map((name) =>
  name.endsWith('_fen') || name.endsWith('_id') ? 'bigint' : 'text',
);

/** Writes a batch's claims in one multi-row statement per chunk; their ids come back in order. */
export function insertClaims(db: Db, rows: readonly NewClaimRow[]): Promise<number[]> {
  return bulkInsertReturningIds(
    db,
    'medical_claims',
    CLAIM_COLUMNS,
    CLAIM_TYPES,
    rows.map((row) => CLAIM_COLUMNS.map((name) => (row[name] ?? null) as string | number | null)),
  );
}

const ITEM_COLUMNS = [
  'claim_id',
  'line_no',
  'code',
  'name',
  'item_class',
  'quantity',
  'amount_fen',
  'self_pay_share_ppm',
] as const satisfies readonly (keyof MedicalClaimItemsTable)[];
const ITEM_TYPES = ['bigint', 'integer', 'text', 'text', 'text', 'integer', 'bigint', 'integer'];

export function insertClaimItems(db: Db, rows: readonly MedicalClaimItemsTable[]): Promise<void> {
  return bulkInsert(
    db,
    'medical_claim_items',
    ITEM_COLUMNS,
    ITEM_TYPES,
    rows.map((row) => ITEM_COLUMNS.map((name) => row[name])),
  );
}

const claimsByKeys = prepareQuery(
  (_dialect, pairs: readonly (number | string)[]) =>
    sql<{
      id: number | string;
      institution_id: number | string;
      idempotency_key: string;
      request_hash: string;
    }>`select id, institution_id, idempotency_key, request_hash from medical_claims where ${sql.join(
      Array.from(
        { length: pairs.length / 2 },
        (_, n) => sql`(institution_id = ${pairs[2 * n]!} and idempotency_key = ${pairs[2 * n + 1]!})`,
      ),
      sql` or `,
    )}`,
);

/**
 * The claims already settled under any of these institutions' idempotency keys: one statement for a
 * batch, each pair an equality on the unique (institution, key) index.
 */
export function selectClaimsByKeys(
  db: Db,
  keys: readonly { institutionId: number; idempotencyKey: string }[],
) {
  if (keys.length === 0) return Promise.resolve([]);
  const pairs: (number | string)[] = [];
  for (const key of keys) pairs.push(key.institutionId, key.idempotencyKey);
  return claimsByKeys(db, pairs);
}

export function selectClaimByNo(db: Db, claimNo: string) {
  return db.selectFrom('medical_claims').selectAll().where('claim_no', '=', claimNo).executeTakeFirst();
}

export function selectClaimsById(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([] as ClaimRow[]);
  return db
    .selectFrom('medical_claims')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export function selectItemsOfClaims(db: Db, claimIds: readonly number[]) {
  if (claimIds.length === 0) return Promise.resolve([] as ClaimItemRow[]);
  return db
    .selectFrom('medical_claim_items')
    .selectAll()
    .where('claim_id', 'in', [...claimIds])
    .orderBy('claim_id')
    .orderBy('line_no')
    .execute();
}

export function selectCancellations(db: Db, claimIds: readonly number[]) {
  if (claimIds.length === 0) return Promise.resolve([] as Selectable<MedicalClaimCancellationsTable>[]);
  return db
    .selectFrom('medical_claim_cancellations')
    .selectAll()
    .where('claim_id', 'in', [...claimIds])
    .execute();
}

export async function insertCancellation(db: Db, row: MedicalClaimCancellationsTable): Promise<void> {
  await db.insertInto('medical_claim_cancellations').values(row).execute();
}

export interface ClaimFilter {
  institutionId?: number;
  personId?: number;
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

/** Claims newest first, by institution or by person, within settlement dates. */
export function selectClaims(db: Db, filter: ClaimFilter) {
  let query = db.selectFrom('medical_claims').selectAll();
  if (filter.institutionId !== undefined) query = query.where('institution_id', '=', filter.institutionId);
  if (filter.personId !== undefined) query = query.where('person_id', '=', filter.personId);
  if (filter.from !== undefined) query = query.where('settled_on', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('settled_on', '<=', filter.to);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

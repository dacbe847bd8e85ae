import type { PolicyParameter } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database, NewPolicyParameterRow, PolicyParameterRow } from '../../db/index.ts';

type Db = Kysely<Database>;

/** SQLite allows 32766 bound variables; 12 columns × 500 rows stays well below, and is fast on PostgreSQL too. */
const INSERT_CHUNK_ROWS = 500;

export async function selectAllParameters(db: Db): Promise<PolicyParameterRow[]> {
  return db.selectFrom('policy_parameters').selectAll().orderBy('id').execute();
}

export async function selectParameters(
  db: Db,
  filter: { name?: string; regionCode?: string },
): Promise<PolicyParameterRow[]> {
  let query = db.selectFrom('policy_parameters').selectAll();
  if (filter.name) query = query.where('name', '=', filter.name);
  if (filter.regionCode) query = query.where('region_code', '=', filter.regionCode);
  return query.orderBy('name').orderBy('region_code').orderBy('valid_from').orderBy('version').execute();
}

export async function countParameters(db: Db): Promise<number> {
  const row = await db
    .selectFrom('policy_parameters')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The highest version recorded for one scope and start month, or 0. */
/** The names that have at least one version. */
export async function selectParameterNames(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('policy_parameters').select('name').distinct().execute();
  return new Set(rows.map((row) => row.name));
}

export async function selectLatestVersion(db: Db, scope: PolicyParameter): Promise<number> {
  const row = await db
    .selectFrom('policy_parameters')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('name', '=', scope.name)
    .where('region_code', '=', scope.regionCode)
    .where('insurance', scope.insurance === null ? 'is' : '=', scope.insurance)
    .where('party', scope.party === null ? 'is' : '=', scope.party)
    .where('category', scope.category === null ? 'is' : '=', scope.category)
    .where('valid_from', '=', scope.validFrom)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

export async function insertParameters(db: Db, rows: NewPolicyParameterRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
    await db
      .insertInto('policy_parameters')
      .values(rows.slice(start, start + INSERT_CHUNK_ROWS))
      .execute();
  }
}

export function toPolicyParameter(row: PolicyParameterRow): PolicyParameter {
  return {
    name: row.name,
    regionCode: row.region_code,
    insurance: row.insurance as PolicyParameter['insurance'],
    party: row.party as PolicyParameter['party'],
    category: row.category as PolicyParameter['category'],
    validFrom: row.valid_from,
    validTo: row.valid_to,
    value: JSON.parse(row.value_json) as PolicyParameter['value'],
    source: row.source,
    version: row.version,
    recordedAt: row.recorded_at,
  };
}

export function toParameterRow(
  parameter: PolicyParameter,
  recordedAt: string,
  recordedBy: string,
): NewPolicyParameterRow {
  return {
    name: parameter.name,
    region_code: parameter.regionCode,
    insurance: parameter.insurance,
    party: parameter.party,
    category: parameter.category,
    valid_from: parameter.validFrom,
    valid_to: parameter.validTo,
    value_json: JSON.stringify(parameter.value),
    source: parameter.source,
    version: parameter.version,
    recorded_at: recordedAt,
    recorded_by: recordedBy,
    approved_by: null,
  };
}

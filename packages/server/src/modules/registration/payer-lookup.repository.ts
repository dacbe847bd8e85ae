import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

type Db = Kysely<Database>;

/*
 * What the payers module asks registration: who a payer key, a credit code or an identity number names.
 * A payer is an employer ('E<id>') or a person paying alone ('P<id>').
 */

/** Who pays under a canonical credit code: id, name and region. */
export function selectEmployerPayerByCreditCode(db: Db, creditCode: string) {
  return db
    .selectFrom('employers')
    .select(['id', 'name', 'region_code'])
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
}

/** Who pays under a canonical identity number: id, name and region. */
export function selectPersonPayerByIdNumber(db: Db, idNumber: string) {
  return db
    .selectFrom('persons')
    .select(['id', 'name', 'region_code'])
    .where('id_number', '=', idNumber)
    .executeTakeFirst();
}

/** The name and credit code of each employer of a page of payers, in one query. */
export function selectEmployerNames(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('employers').select(['id', 'name', 'credit_code']).where('id', 'in', ids).execute();
}

/**
 * The name and identity number of each person named (a page of payers, an employer's month), one query
 * per thousand.
 */
export async function selectPersonNames(db: Db, ids: readonly number[]) {
  const rows: { id: number; name: string; id_number: string }[] = [];
  for (let start = 0; start < ids.length; start += 1000) {
    const part = ids.slice(start, start + 1000);
    rows.push(
      ...(await db
        .selectFrom('persons')
        .select(['id', 'name', 'id_number'])
        .where('id', 'in', part)
        .execute()),
    );
  }
  return rows;
}

/**
 * The payer keys of a region (a province or prefecture covers its counties), as a subquery: employers
 * registered there and persons insured there. Payments carry only the payer key, not the region.
 */
export function payerKeysInRegion(db: Db, regionPrefix: string) {
  return db
    .selectFrom('employers')
    .select(sql<string>`'E' || cast(id as varchar(20))`.as('payer_key'))
    .where('region_code', 'like', `${regionPrefix}%`)
    .unionAll(
      db
        .selectFrom('persons')
        .select(sql<string>`'P' || cast(id as varchar(20))`.as('payer_key'))
        .where('region_code', 'like', `${regionPrefix}%`),
    );
}

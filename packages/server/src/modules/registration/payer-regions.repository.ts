import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * Payers looked up by what payments and bank statements carry (asked through registration's index.ts):
 * the region a payer key is registered in, and employers and persons by credit code and identity number,
 * a statement file's codes at once.
 */

type Db = Kysely<Database>;

/** The region a payer ('E<employer id>' or 'P<person id>') is registered in; undefined when unknown. */
export async function selectPayerRegion(db: Db, payerKey: string): Promise<string | undefined> {
  const id = Number(payerKey.slice(1));
  const row = payerKey.startsWith('E')
    ? await db.selectFrom('employers').select('region_code').where('id', '=', id).executeTakeFirst()
    : await db.selectFrom('persons').select('region_code').where('id', '=', id).executeTakeFirst();
  return row?.region_code;
}

async function inChunks<T, K>(keys: readonly K[], select: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(keys)];
  const rows: T[] = [];
  for (let start = 0; start < unique.length; start += 500)
    rows.push(...(await select(unique.slice(start, start + 500))));
  return rows;
}

export async function selectEmployersByCreditCode(db: Db, creditCodes: readonly string[]) {
  return inChunks(creditCodes, (chunk) =>
    db
      .selectFrom('employers')
      .select(['id', 'credit_code', 'region_code'])
      .where('credit_code', 'in', chunk)
      .execute(),
  );
}

export async function selectPersonsByIdNumber(db: Db, idNumbers: readonly string[]) {
  return inChunks(idNumbers, (chunk) =>
    db
      .selectFrom('persons')
      .select(['id', 'id_number', 'region_code'])
      .where('id_number', 'in', chunk)
      .execute(),
  );
}

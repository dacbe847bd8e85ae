import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * What other modules ask of the persons and employers registered here when they only need to know who
 * someone is: the logins and accounts of auth (a person by identity number, an employer by credit code,
 * an account's holder), and the rights record found by identity number.
 */

type Db = Kysely<Database>;

/** The id of the person with this identity number (as stored: upper case). */
export async function selectPersonIdByIdNumber(db: Db, idNumber: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('persons')
    .select('id')
    .where('id_number', '=', idNumber)
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

/** The id of the employer with this unified social credit code. */
export async function selectEmployerIdByCreditCode(db: Db, creditCode: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('employers')
    .select('id')
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

/** A person's name, to name an account after its holder; undefined when there is no such person. */
export async function selectPersonName(db: Db, personId: number): Promise<string | undefined> {
  const row = await db.selectFrom('persons').select('name').where('id', '=', personId).executeTakeFirst();
  return row?.name;
}

/** Whether an employer with this id is registered. */
export async function employerExists(db: Db, employerId: number): Promise<boolean> {
  const row = await db.selectFrom('employers').select('id').where('id', '=', employerId).executeTakeFirst();
  return row !== undefined;
}

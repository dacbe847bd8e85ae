import { type Kysely } from 'kysely';

/**
 * Why a bank statement line was not booked, as codes with the values they name (issue 12: the web app
 * said it in English only). The English `reason` stays for API clients and the console; rows stored
 * before have no codes and are shown by their English reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bank_statement_rows').addColumn('reasons', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bank_statement_rows').dropColumn('reasons').execute();
}

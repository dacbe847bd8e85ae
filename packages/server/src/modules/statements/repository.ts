import type { Kysely, Selectable } from 'kysely';
import type { Database, StatementsTable } from '../../db/index.ts';

export type StatementRow = Selectable<StatementsTable>;

export async function insertStatement(db: Kysely<Database>, row: Omit<StatementRow, 'id'>): Promise<number> {
  const { id } = await db.insertInto('statements').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function selectStatementByCode(db: Kysely<Database>, code: string): Promise<StatementRow | undefined> {
  return db.selectFrom('statements').selectAll().where('code', '=', code).executeTakeFirst();
}

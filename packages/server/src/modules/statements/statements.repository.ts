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

/** A person's statements, newest first, a page at a time (the index statements_person). */
export function selectStatementsOfPerson(
  db: Kysely<Database>,
  input: { personId: number; beforeId?: number; limit: number },
) {
  let query = db
    .selectFrom('statements')
    .select(['id', 'code', 'kind', 'period_from', 'period_to', 'key_id', 'issued_at'])
    .where('person_id', '=', input.personId);
  if (input.beforeId !== undefined) query = query.where('id', '<', input.beforeId);
  return query.orderBy('id', 'desc').limit(input.limit).execute();
}

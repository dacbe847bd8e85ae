import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { selectStatementsOfPerson } from './statements.repository.ts';
import { STATEMENT_KINDS } from './statements.schemas.ts';
import { verifyUrlOf } from './statements.service.ts';

/** One statement in the person's list: enough to find it again, open its PDF and its verification page. */
export const statementSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.enum(STATEMENT_KINDS),
  periodFrom: z.string(),
  periodTo: z.string(),
  keyId: z.string(),
  issuedAt: z.string(),
  verifyUrl: z.string(),
});
export type StatementSummary = z.infer<typeof statementSummary>;

/**
 * The statements issued to a person, newest first: they are the person's documents (SIL Art. 74) and stay
 * listed however often the person signs in again. `limit + 1` rows, so the caller can tell a next page.
 */
export async function listStatementsOfPerson(
  deps: { db: Kysely<Database>; publicBaseUrl: string },
  input: { personId: number; beforeId?: number; limit: number },
): Promise<StatementSummary[]> {
  const rows = await selectStatementsOfPerson(deps.db, input);
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    kind: row.kind,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    keyId: row.key_id,
    issuedAt: row.issued_at,
    verifyUrl: verifyUrlOf(deps.publicBaseUrl, row.code),
  }));
}

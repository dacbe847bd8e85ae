import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database, MedicalStatementsTable } from '../../db/schema.ts';

/*
 * The month's statements with the institutions (docs/RULES.md 16.6): what each institution's claims and
 * cancellations of a month come to per fund, set-based over the month's claims, and the statements drawn.
 */

type Db = Kysely<Database>;
export type StatementRow = Selectable<MedicalStatementsTable>;

export interface MonthActivity {
  institutionId: number;
  ledger: 'medical' | 'residents_medical';
  claims: number;
  pooledFen: number;
  accountFen: number;
  cancelled: number;
  cancelledFen: number;
}

/** Per institution of the region and fund: the month's settled claims and the month's cancellations. */
export async function selectMonthActivity(
  db: Db,
  regionPrefix: string,
  from: string,
  to: string,
): Promise<MonthActivity[]> {
  const { rows } = await sql<{
    institution_id: number;
    ledger: 'medical' | 'residents_medical';
    claims: number | string;
    pooled: number | string;
    account: number | string;
    cancelled: number | string;
    cancelled_fen: number | string;
  }>`
    select a.institution_id, a.ledger, sum(a.claims) as claims, sum(a.pooled) as pooled,
      sum(a.account) as account, sum(a.cancelled) as cancelled, sum(a.cancelled_fen) as cancelled_fen
    from (
      select c.institution_id, c.ledger, 1 as claims, c.pooled_fen as pooled, c.account_fen as account,
        0 as cancelled, 0 as cancelled_fen
      from medical_claims c join medical_institutions i on i.id = c.institution_id
      where i.region_code like ${`${regionPrefix}%`} and c.settled_on >= ${from} and c.settled_on <= ${to}
      union all
      select c.institution_id, c.ledger, 0, 0, 0, 1, c.pooled_fen + c.account_fen
      from medical_claim_cancellations x
      join medical_claims c on c.id = x.claim_id
      join medical_institutions i on i.id = c.institution_id
      where i.region_code like ${`${regionPrefix}%`} and x.cancelled_on >= ${from} and x.cancelled_on <= ${to}
    ) a
    group by a.institution_id, a.ledger
    order by a.institution_id, a.ledger`.execute(db);
  return rows.map((row) => ({
    institutionId: Number(row.institution_id),
    ledger: row.ledger,
    claims: Number(row.claims),
    pooledFen: Number(row.pooled),
    accountFen: Number(row.account),
    cancelled: Number(row.cancelled),
    cancelledFen: Number(row.cancelled_fen),
  }));
}

/** Each institution's latest statement before `period`, for what it carried. */
export async function selectLatestStatementsBefore(
  db: Db,
  regionPrefix: string,
  period: string,
): Promise<StatementRow[]> {
  return db
    .selectFrom('medical_statements as s')
    .selectAll('s')
    .where('s.region_code', 'like', `${regionPrefix}%`)
    .where('s.period', '<', period)
    .where((eb) =>
      eb(
        's.period',
        '=',
        eb
          .selectFrom('medical_statements as t')
          .select((inner) => inner.fn.max('t.period').as('latest'))
          .whereRef('t.institution_id', '=', 's.institution_id')
          .whereRef('t.ledger', '=', 's.ledger')
          .where('t.period', '<', period),
      ),
    )
    .execute();
}

export function selectStatementsOfPeriod(db: Db, regionPrefix: string, period: string) {
  return db
    .selectFrom('medical_statements')
    .selectAll()
    .where('region_code', 'like', `${regionPrefix}%`)
    .where('period', '=', period)
    .orderBy('institution_id')
    .orderBy('ledger')
    .execute();
}

export function selectStatementsOfInstitution(db: Db, institutionId: number, limit: number) {
  return db
    .selectFrom('medical_statements')
    .selectAll()
    .where('institution_id', '=', institutionId)
    .orderBy('period', 'desc')
    .orderBy('ledger')
    .limit(limit)
    .execute();
}

export async function insertStatements(
  db: Db,
  rows: readonly Insertable<MedicalStatementsTable>[],
): Promise<void> {
  if (rows.length)
    await db
      .insertInto('medical_statements')
      .values([...rows])
      .execute();
}

/**
 * Per institution and fund: what approved findings against it recover, less what statements deducted
 * already (the rest later statements deduct).
 */
export async function selectOpenInstitutionRecoveries(
  db: Db,
  institutionIds: readonly number[],
): Promise<Map<string, number>> {
  if (institutionIds.length === 0) return new Map();
  const { rows } = await sql<{ institution_id: number; ledger: string; open: number | string }>`
    select institution_id, ledger, sum(amount) as open from (
      select institution_id, ledger, loss_fen as amount from medical_findings
      where subject = 'institution' and status = 'approved' and institution_id in (${sql.join(institutionIds)})
      union all
      select institution_id, ledger, -deducted_fen from medical_statements
      where institution_id in (${sql.join(institutionIds)})
    ) r group by institution_id, ledger`.execute(db);
  return new Map(rows.map((row) => [`${Number(row.institution_id)}|${row.ledger}`, Number(row.open)]));
}

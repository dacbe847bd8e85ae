import { MEDICAL_LEDGERS, type MedicalLedger } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * What the medical funds' accounts must hold by the claims, statements and findings (docs/RULES.md 16.6,
 * 16.7), per medical ledger: what institutions are still owed (claims that stand less what statements paid
 * or kept back) and what approved findings still recover (less what statements kept back).
 */
export interface MedicalTotals {
  institutionsOwedFen: Record<MedicalLedger, number>;
  findingsOpenFen: Record<MedicalLedger, number>;
}

export async function selectMedicalTotals(db: Kysely<Database>): Promise<MedicalTotals> {
  const { rows } = await sql<{ ledger: MedicalLedger; owed: number | string; open: number | string }>`
    select ledger, sum(owed) as owed, sum(open) as open from (
      select ledger, pooled_fen + account_fen as owed, 0 as open from medical_claims
      union all
      select c.ledger, -(c.pooled_fen + c.account_fen), 0
      from medical_claim_cancellations x join medical_claims c on c.id = x.claim_id
      union all
      select ledger, -(paid_fen + deducted_fen), -deducted_fen from medical_statements
      union all
      select ledger, 0, loss_fen from medical_findings where status = 'approved'
    ) t group by ledger`.execute(db);
  const pick = (column: 'owed' | 'open') =>
    Object.fromEntries(
      MEDICAL_LEDGERS.map((ledger) => [
        ledger,
        Number(rows.find((row) => row.ledger === ledger)?.[column] ?? 0),
      ]),
    ) as Record<MedicalLedger, number>;
  return { institutionsOwedFen: pick('owed'), findingsOpenFen: pick('open') };
}

import { formatFenAsYuan, injuryPensionTopUp } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { AwardChange } from './correct-award.ts';
import { insertAward, selectPersonAwards } from './awards.repository.ts';
import type { BenefitsDeps } from './benefits-deps.ts';

/** The key of an injury award's explanation that keeps its monthly parts apart (allowance and nursing). */
export const MONTHLY_PARTS = 'monthlyParts';

/**
 * At retirement the disability allowance of grades 1–4 gives way to the pension (docs/RULES.md 15.5): each
 * injury award of the person that pays an allowance from the fund gets its next version from the pension's
 * first month, keeping the nursing allowance and adding only what tops the pension up to the allowance. It
 * runs in the pension award's transaction and carries its approval. Nothing happens where the person has
 * no such award or it is already the retirement version.
 */
export async function moveInjuryAllowanceToPension(
  deps: BenefitsDeps,
  trx: Kysely<Database>,
  input: { personId: number; pensionFrom: string; pensionMonthlyFen: number },
  who: { proposedBy: string; approvedBy: string; approvalId: number },
): Promise<AwardChange[]> {
  const rows = await selectPersonAwards(trx, input.personId);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (row.kind === 'injury-benefits') latest.set(row.award_no, row);
  const changes: AwardChange[] = [];
  for (const award of latest.values()) {
    const explanation = JSON.parse(award.explanation) as Record<string, unknown>;
    const parts = explanation[MONTHLY_PARTS] as { allowanceFen: number; nursingFen: number } | undefined;
    const allowanceFen = parts?.allowanceFen ?? 0;
    if (!parts || allowanceFen === 0 || explanation.retirement !== undefined) continue;
    const nursingFen = parts.nursingFen;
    const topUp = injuryPensionTopUp({ allowanceFen, pensionFen: input.pensionMonthlyFen });
    const monthlyFen = nursingFen + topUp.topUpFen;
    const version = award.version + 1;
    const from = award.valid_from > input.pensionFrom ? award.valid_from : input.pensionFrom;
    const recordedAt = deps.clock.now().toISOString();
    const reason =
      `Retired from ${input.pensionFrom}: the disability allowance gives way to the pension` +
      (topUp.topUpFen > 0 ? `, topped up by ${formatFenAsYuan(topUp.topUpFen)} yuan` : '') +
      (nursingFen > 0 ? `; nursing ${formatFenAsYuan(nursingFen)} yuan goes on` : '');
    await insertAward(trx, {
      award_no: award.award_no,
      version,
      application_id: award.application_id,
      person_id: award.person_id,
      region_code: award.region_code,
      kind: award.kind,
      monthly_fen: monthlyFen,
      valid_from: from,
      payee_kind: award.payee_kind,
      payee_account: award.payee_account,
      contribution_months: award.contribution_months,
      explanation: JSON.stringify({ ...explanation, retirement: topUp.explanation }),
      reason,
      proposed_by: who.proposedBy,
      approved_by: who.approvedBy,
      approval_id: who.approvalId,
      recorded_at: recordedAt,
    });
    changes.push({
      awardNo: award.award_no,
      version,
      fromPeriod: from,
      oldMonthlyFen: award.monthly_fen,
      newMonthlyFen: monthlyFen,
      priorMonthlyFen: award.monthly_fen,
      recordedAt,
    });
  }
  return changes;
}

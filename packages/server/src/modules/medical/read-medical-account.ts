import { chinaDateOf } from '@shebao/domain';
import { selectMedicalAccountMovements, selectMedicalBalances } from '../accounts/index.ts';
import { claimViews } from './claim-views.ts';
import type { ClaimView } from './claims.schemas.ts';
import { selectClaims, selectClaimsById } from './claims.repository.ts';
import { selectInstitutionsById } from './institutions.repository.ts';
import type { MedicalDeps } from './medical-deps.ts';
import { selectYearTotals } from './year-totals.repository.ts';

/*
 * A person's medical side as they see it (docs/RULES.md 16.4): the personal account's balance and every
 * credit and spending with the institution it went to, the year's totals against the deductibles and the
 * pool, and their claims with what the fund paid.
 */

export interface AccountMovement {
  kind: 'contribution' | 'interest' | 'reversal' | 'medical-spending' | 'medical-refund' | 'retiree-credit';
  period: string;
  amountFen: number;
  claimNo: string | null;
  institutionName: string | null;
  visitDate: string | null;
}

export interface MedicalAccountView {
  personId: number;
  balanceFen: number;
  movements: AccountMovement[];
  year: {
    year: number;
    claims: number;
    deductibleUsedFen: { outpatient: number; inpatient: number; chronic: number };
    pooledFen: { outpatient: number; inpatient: number; chronic: number };
    pooledTotalFen: number;
  };
  claims: ClaimView[];
}

export async function readMedicalAccount(
  deps: MedicalDeps,
  personId: number,
  options: { year?: number; limit: number },
): Promise<MedicalAccountView> {
  const year = options.year ?? Number(chinaDateOf(deps.clock.now()).slice(0, 4));
  const [balances, movements, totals, claims] = await Promise.all([
    selectMedicalBalances(deps.db, [personId]),
    selectMedicalAccountMovements(deps.db, personId, { limit: options.limit }),
    selectYearTotals(deps.db, personId, year),
    selectClaims(deps.db, { personId, limit: options.limit }),
  ]);
  const spentClaims = await selectClaimsById(
    deps.db,
    movements.flatMap((row) => (row.medical_claim_id === null ? [] : [Number(row.medical_claim_id)])),
  );
  const claimOf = new Map(spentClaims.map((claim) => [Number(claim.id), claim]));
  const institutions = await selectInstitutionsById(deps.db, [
    ...new Set(spentClaims.map((claim) => Number(claim.institution_id))),
  ]);
  const institutionOf = new Map(institutions.map((row) => [Number(row.id), row.name]));
  const views = await claimViews(
    deps.db,
    claims.map((claim) => Number(claim.id)),
  );
  const lines = (kind: 'deductible' | 'pooled') => ({
    outpatient: Number(totals?.[`${kind}_outpatient_fen`] ?? 0),
    inpatient: Number(totals?.[`${kind}_inpatient_fen`] ?? 0),
    chronic: Number(totals?.[`${kind}_chronic_fen`] ?? 0),
  });
  const pooled = lines('pooled');
  return {
    personId,
    balanceFen: balances.get(personId) ?? 0,
    movements: movements.map((row) => {
      const claim = row.medical_claim_id === null ? undefined : claimOf.get(Number(row.medical_claim_id));
      return {
        kind: row.kind,
        period: row.period,
        amountFen: Number(row.medical_fen),
        claimNo: claim?.claim_no ?? null,
        institutionName: claim ? (institutionOf.get(Number(claim.institution_id)) ?? null) : null,
        visitDate: claim?.visit_date ?? null,
      };
    }),
    year: {
      year,
      claims: totals?.claims ?? 0,
      deductibleUsedFen: lines('deductible'),
      pooledFen: pooled,
      pooledTotalFen: pooled.outpatient + pooled.inpatient + pooled.chronic,
    },
    claims: claims.map((claim) => views.get(Number(claim.id))!),
  };
}

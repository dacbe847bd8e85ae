import type { Fund } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { DecisionReason } from './applications.schemas.ts';
import { assessInjuryBenefits } from './assess-injury-benefits.ts';
import { assessMaternity } from './assess-maternity.ts';
import { assessUnemployment } from './assess-unemployment.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import type { PersonLookup } from './file-application.ts';
import { requireApplication } from './read-application.ts';
import type { AwardOneTimePayment, NewAwardPayload } from './record-award.ts';

/**
 * A claim of work-injury benefits, unemployment or maternity worked out from the record and the region's
 * policy (docs/RULES.md 15.17–15.19): what the award would pay and why, or why nothing is owed.
 */
export type ClaimAssessment =
  | { eligible: false; reasons: DecisionReason[] }
  | ({
      eligible: true;
      reasons: [];
      fund: Fund;
      oneTimePayments: AwardOneTimePayment[];
      explanation: Record<string, unknown>;
      reason: string;
      decisionSource: string;
    } & Pick<NewAwardPayload, 'monthlyFen' | 'validFrom' | 'lastMonth' | 'laterSteps'>);

/** What the payroll knows of the person's earlier unemployment awards (workflows/assess-benefit-claim.ts). */
export interface ClaimContext {
  /** Months they left unpaid (UIR Art. 17). */
  carriedMonths: number;
  /** The last month one of them was owed, or null: a new claim is paid from the month after it at the earliest. */
  lastMonthPaid: string | null;
}

export const CLAIM_KINDS = ['injury-benefits', 'unemployment', 'maternity'] as const;

export async function assessClaim(
  deps: BenefitsDeps,
  persons: PersonLookup,
  applicationId: number,
  context: ClaimContext,
): Promise<ClaimAssessment> {
  const row = await requireApplication(deps, applicationId);
  switch (row.kind) {
    case 'maternity':
      return assessMaternity(deps, persons, row);
    case 'unemployment':
      return assessUnemployment(deps, persons, row, context);
    case 'injury-benefits':
      return assessInjuryBenefits(deps, persons, row);
    default:
      throw new AppError(
        ErrorCode.CONFLICT,
        `application ${row.application_no} is a ${row.kind} application: it has no claim to assess`,
        { field: 'applicationId', detailCode: 'application-state' },
      );
  }
}

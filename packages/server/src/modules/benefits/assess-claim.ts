import { AppError, ErrorCode } from '../../errors/index.ts';
import { assessInjuryBenefits } from './assess-injury-benefits.ts';
import { assessMaternity } from './assess-maternity.ts';
import { assessUnemployment } from './assess-unemployment.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import type { PersonLookup } from './file-application.ts';
import { requireApplication } from './read-application.ts';
import type { ClaimAssessment, ClaimContext } from './claim-assessment.ts';

export type { ClaimAssessment, ClaimContext } from './claim-assessment.ts';

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

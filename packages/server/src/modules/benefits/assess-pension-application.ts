import {
  assessPensionClaim,
  calculateRetirement,
  dateToPeriod,
  type DivisorTable,
  type PensionClaimOutcome,
  type RoundingMode,
  type TransitionalInput,
} from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { PersonLookup } from './file-application.ts';
import { retirementGroupOf } from './file-application.ts';
import { pensionFacts } from './applications.schemas.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import { requireApplication } from './read-application.ts';
import { policyReader, readRecordInputs } from './pension-inputs.ts';

export interface PensionAssessment {
  applicationId: number;
  outcome: PensionClaimOutcome;
  /** What the assessment read from the record and the policy, for the explanation. */
  inputs: { accountBalanceFen: number; calcBaseFen: number; deemedMonths: number; recordMonths: number };
}

/**
 * Works a pension application out from the person's own record (docs/RULES.md 4.13 and 4.14): the months
 * paid in full with their pension bases, the personal account's balance, and the region's policy in force
 * in the month the pension starts. `deemedMonths` are those staff confirmed with evidence (0 otherwise).
 */
export async function assessPensionApplication(
  deps: BenefitsDeps,
  persons: PersonLookup,
  applicationId: number,
  deemedMonths = 0,
): Promise<PensionAssessment> {
  const application = await requireApplication(deps, applicationId);
  if (application.kind !== 'pension')
    throw new AppError(
      ErrorCode.VALIDATION,
      `applicationId: application ${application.application_no} is not a pension claim`,
      {
        field: 'applicationId',
      },
    );
  const facts = pensionFacts.parse(JSON.parse(application.facts));
  const person = await persons.getPerson(application.person_id);
  const group = retirementGroupOf(person, facts.retirementGroup);
  const birthMonth = dateToPeriod(person.birthDate);
  const startMonth = facts.chosenMonth ?? calculateRetirement({ birthMonth, group }).retirementMonth;

  const { months, accountBalanceFen } = await readRecordInputs(deps, person.id);
  const book = await deps.policy.loadBook();
  const read = policyReader(book, application.region_code, 'applicationId');
  const need = <V>(name: Parameters<typeof read>[0], period = startMonth) => read<V>(name, period);
  const calcBaseFen = need<number>('pension.calculationBase');
  const transitional = need<{ name: string } & Omit<TransitionalInput, 'scheme'>>('pension.transitional');
  const { name: scheme, ...transitionalParameters } = transitional;
  const outcome = assessPensionClaim({
    birthMonth,
    group,
    ...(facts.chosenMonth ? { chosenMonth: facts.chosenMonth } : {}),
    months,
    deemedMonths,
    averageWageOf: (period) => need<number>('base.averageWage', period),
    calcBaseFen,
    accountBalanceFen,
    divisors: need<DivisorTable>('pension.divisors'),
    divisorPolicy: need<{ name: string }>('pension.divisorPolicy').name,
    transitional: { scheme, ...transitionalParameters },
    rounding: need<RoundingMode>('pension.rounding'),
    minContributionMonthsByYear: (year) => need<number>('pension.minContributionMonths', `${year}-01`),
  });
  return {
    applicationId,
    outcome,
    inputs: { accountBalanceFen, calcBaseFen, deemedMonths, recordMonths: months.length },
  };
}

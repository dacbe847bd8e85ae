import {
  assessPensionClaim,
  calculateRetirement,
  dateToPeriod,
  PolicyMissingError,
  type DivisorTable,
  type PensionClaimOutcome,
  type PensionMonth,
  type RoundingMode,
  type TransitionalInput,
} from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { rightsRecord } from '../rights-record/index.ts';
import type { PersonLookup } from './file-application.ts';
import { retirementGroupOf } from './file-application.ts';
import { pensionFacts } from './applications.schemas.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import { requireApplication } from './read-application.ts';

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

  const record = await rightsRecord({ db: deps.db, clock: deps.clock }, { personId: person.id });
  // A month counts once it is paid in full (docs/RULES.md 4.14); the bases of a month's payers add up.
  const months: PensionMonth[] = record.months
    .filter((month) => month.status === 'paid' && month.insurances.pension.baseFen > 0)
    .map((month) => ({ period: month.period, baseFen: month.insurances.pension.baseFen }));
  const accountBalanceFen = record.accounts.pension.at(-1)?.closingFen ?? 0;

  const book = await deps.policy.loadBook();
  const at = { regionCode: application.region_code, period: startMonth };
  const need = <V>(name: Parameters<typeof book.require>[0], period = startMonth) => {
    try {
      return book.require(name, { ...at, period }).value as V;
    } catch (error) {
      if (error instanceof PolicyMissingError)
        throw new AppError(ErrorCode.VALIDATION, `the region's policy has no ${name} for ${period}`, {
          field: 'applicationId',
        });
      throw error;
    }
  };
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

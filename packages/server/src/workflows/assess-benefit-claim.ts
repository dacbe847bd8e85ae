import { monthsBetween } from '@shebao/domain';
import type { BenefitsService, ClaimAssessment, ClaimContext } from '../modules/benefits/index.ts';
import type { PayrollService } from '../modules/payroll/index.ts';

/*
 * A claim of work-injury benefits, unemployment or maternity worked out from the record (benefits) with what
 * the payroll knows of the person's earlier unemployment awards (docs/RULES.md 15.18): the months they left
 * unpaid carry into this claim.
 */

/**
 * What the person's earlier unemployment awards leave to a new claim: the months they left unpaid (UIR Art.
 * 17), each award's months less those the payroll owed before it stopped (a hire stops it after the month of
 * the hire), and the last month any of them was owed.
 */
export async function earlierUnemploymentAwards(
  app: { benefits: BenefitsService; payroll: PayrollService },
  personId: number,
  exceptApplicationId: number,
): Promise<ClaimContext> {
  const rolls = new Map((await app.payroll.awardsOnRoll(personId)).map((roll) => [roll.awardNo, roll]));
  let unused = 0;
  let lastMonthPaid: string | null = null;
  for (const award of await app.benefits.awardsOf(personId)) {
    if (award.kind !== 'unemployment' || award.version !== 1 || award.applicationId === exceptApplicationId)
      continue;
    const awarded = Number((award.explanation as { awardedMonths?: number }).awardedMonths ?? 0);
    const roll = rolls.get(award.awardNo);
    const ran =
      roll?.stoppedAfter === null || roll?.stoppedAfter === undefined
        ? awarded
        : Math.max(0, monthsBetween(roll.firstPeriod, roll.stoppedAfter) + 1);
    unused += Math.max(0, awarded - ran);
    const last = roll?.stoppedAfter ?? null;
    if (last !== null && (lastMonthPaid === null || last > lastMonthPaid)) lastMonthPaid = last;
  }
  return { carriedMonths: unused, lastMonthPaid };
}

export async function assessBenefitClaim(
  app: { benefits: BenefitsService; payroll: PayrollService },
  applicationId: number,
): Promise<ClaimAssessment> {
  const application = await app.benefits.get(applicationId);
  const context =
    application.kind === 'unemployment'
      ? await earlierUnemploymentAwards(app, application.personId, applicationId)
      : { carriedMonths: 0, lastMonthPaid: null };
  return app.benefits.assessClaim(applicationId, context);
}

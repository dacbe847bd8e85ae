import {
  calculateRetirement,
  lookUpMinContributionMonths,
  defaultMinContributionMonths,
  type MinContributionMonthsByYear,
  type RetirementGroup,
} from '../../retirement/index.ts';
import { addMonths, monthsBetween, parsePeriod, periodYear, type Period } from '../../time/index.ts';

/** How many months ahead of the statutory retirement month a person is invited to claim. */
export const INVITATION_MONTHS_AHEAD = 3;

export interface InvitationInput {
  birthMonth: Period;
  /** Women whose post is not known yet are asked about as 'female-50', the earliest: never invited late. */
  group: RetirementGroup;
  /** Contribution months paid so far, and deemed months recorded. */
  paidMonths: number;
  deemedMonths: number;
  /** The month the invitations are sent in. */
  month: Period;
  minContributionMonthsByYear?: MinContributionMonthsByYear;
}

export type Invitation =
  | { kind: 'none' }
  | { kind: 'apply'; retirementMonth: Period; contributionMonths: number }
  | {
      kind: 'shortfall';
      retirementMonth: Period;
      contributionMonths: number;
      /** Months still missing at the retirement month if none are paid meanwhile. */
      shortfallMonths: number;
      options: readonly ['keep-paying', 'extended-or-one-time-payment', 'transfer-to-residents-scheme'];
    };

/**
 * Whether a person is invited to claim the pension this month (docs/RULES.md 14.7): when the statutory
 * retirement month falls within the next three months, those with the minimum contribution months (paid
 * months to date plus the months still to be paid before it, and deemed months) are invited to apply;
 * those short of it are told the shortfall and their options in time to act.
 */
export function retirementInvitation(input: InvitationInput): Invitation {
  const month = parsePeriod(input.month, 'month');
  const { retirementMonth } = calculateRetirement({ birthMonth: input.birthMonth, group: input.group });
  if (retirementMonth <= month || retirementMonth > addMonths(month, INVITATION_MONTHS_AHEAD))
    return { kind: 'none' };
  const contributionMonths = input.paidMonths + input.deemedMonths;
  const minimum = lookUpMinContributionMonths(
    input.minContributionMonthsByYear ?? defaultMinContributionMonths,
    periodYear(retirementMonth),
  );
  // This month and those until retirement may still be paid: the shortfall is what they cannot cover.
  const stillPayable = monthsBetween(month, retirementMonth);
  if (contributionMonths + stillPayable >= minimum)
    return { kind: 'apply', retirementMonth, contributionMonths };
  return {
    kind: 'shortfall',
    retirementMonth,
    contributionMonths,
    shortfallMonths: minimum - contributionMonths - stillPayable,
    options: ['keep-paying', 'extended-or-one-time-payment', 'transfer-to-residents-scheme'],
  };
}

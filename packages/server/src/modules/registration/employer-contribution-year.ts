import { findContributionCycle, type ContributionCycle } from '@shebao/domain';
import type { RegistrationContext } from './context.ts';
import { notFound, withPolicy } from './failures.ts';
import { selectEmployerById } from './registration.repository.ts';

/** The contribution year (缴费年度) of an employer's region that contains a month. */
export async function employerContributionYear(
  context: RegistrationContext,
  employerId: number,
  period: string,
): Promise<ContributionCycle & { regionCode: string }> {
  const employer = await selectEmployerById(context.db, employerId);
  if (!employer) throw notFound('employerId', `no employer has id ${employerId}`);
  // No year is reckoned outside the region's coverage or beyond the horizon (docs/RULES.md 10.5).
  await context.checkPeriod(period, 'period', employer.regionCode);
  const book = await context.loadBook();
  const cycle = withPolicy('period', () => findContributionCycle(book, employer.regionCode, period));
  return { ...cycle, regionCode: employer.regionCode };
}

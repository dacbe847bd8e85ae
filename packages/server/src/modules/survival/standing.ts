import {
  addDays,
  addMonths,
  chinaDateOf,
  verificationStanding,
  verifiedThrough,
  type BusinessDate,
  type SurvivalVerification,
} from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { selectStandingReport } from './death-reports.repository.ts';
import { selectAwardStart, selectAwardVerificationDays } from './due-list.repository.ts';
import { pensionAwardOf } from './pension-award.ts';
import type {
  StandingReply,
  StandingView,
  VerificationStatus,
  VerificationView,
} from './survival.schemas.ts';
import type { SurvivalDeps } from './survival-deps.ts';
import { selectPersonVerifications, type VerificationRow } from './verifications.repository.ts';

/** A cycle ending within this many days without a verification is listed as due (docs/RULES.md 14.9). */
export const DUE_WITHIN_DAYS = 60;

/** The last day of a month. */
export const lastDayOf = (period: string): BusinessDate => addDays(`${addMonths(period, 1)}-01`, -1);

/**
 * Where a pensioner stands on a day, from the domain's rules (docs/RULES.md 14.6, 14.9): the cycle, whether
 * it is verified, overdue (payment suspended), due (ends within 60 days without a verification), and the
 * last month payable on the verifications so far.
 */
export function standingFrom(
  firstPaymentMonth: string,
  awardNo: string,
  verifications: readonly SurvivalVerification[],
  asOf: BusinessDate,
): StandingView {
  const known = verifications.filter((verification) => verification.on <= asOf);
  const standing = verificationStanding(firstPaymentMonth, known, asOf);
  const dueBy = lastDayOf(standing.cycleEnd);
  const status: VerificationStatus = standing.overdue
    ? 'overdue'
    : standing.verifiedThisCycle
      ? 'verified'
      : dueBy <= addDays(asOf, DUE_WITHIN_DAYS)
        ? 'due'
        : 'not-due';
  return {
    awardNo,
    firstPaymentMonth,
    cycleStart: standing.cycleStart,
    cycleEnd: standing.cycleEnd,
    dueBy,
    status,
    verifiedThisCycle: standing.verifiedThisCycle,
    overdue: standing.overdue,
    suspendedFrom: standing.suspendedFrom,
    lastVerifiedOn: standing.lastVerifiedOn,
    verifiedThrough: verifiedThrough(firstPaymentMonth, known),
  };
}

export function toVerificationView(row: VerificationRow): VerificationView {
  return {
    id: Number(row.id),
    awardNo: row.award_no,
    onDate: row.on_date,
    method: row.method,
    channel: row.channel,
    recordedBy: row.recorded_by,
    note: row.note,
    recordedAt: row.recorded_at,
  };
}

/** The person's page: their standing today (or on `asOf`), whether a death is confirmed, and every verification. */
export async function standingOf(
  deps: SurvivalDeps,
  personId: number,
  asOf: BusinessDate = chinaDateOf(deps.clock.now()),
): Promise<StandingReply> {
  await deps.persons.getPerson(personId);
  const award = await pensionAwardOf(deps, personId);
  const rows = await selectPersonVerifications(deps.db, personId);
  const report = await selectStandingReport(deps.db, personId);
  const own = award ? rows.filter((row) => row.award_no === award.awardNo) : [];
  return {
    personId,
    asOf,
    standing: award
      ? standingFrom(
          award.firstPaymentMonth,
          award.awardNo,
          own.map((row) => ({ on: row.on_date, method: row.method })),
          asOf,
        )
      : null,
    deceased: report?.state === 'confirmed',
    verifications: rows.map(toVerificationView).reverse(),
  };
}

/**
 * The last month the payroll may pay a pension on its verifications so far (docs/RULES.md 14.9), by award
 * number or by person (their pension award). The payroll pays a month only when it is not after it.
 */
export async function verifiedThroughOf(
  deps: SurvivalDeps,
  ref: { awardNo: string } | { personId: number },
): Promise<{ awardNo: string; personId: number; verifiedThrough: string }> {
  let award: { awardNo: string; personId: number; firstPaymentMonth: string } | undefined;
  if ('awardNo' in ref) {
    award = await selectAwardStart(deps.db, ref.awardNo);
  } else {
    const found = await pensionAwardOf(deps, ref.personId);
    award = found && { ...found, personId: ref.personId };
  }
  if (!award)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      'awardNo' in ref
        ? `awardNo: no pension award ${ref.awardNo}`
        : `personId: ${ref.personId} has no pension award`,
      { field: 'awardNo' in ref ? 'awardNo' : 'personId' },
    );
  const days = await selectAwardVerificationDays(deps.db, [award.awardNo]);
  return {
    awardNo: award.awardNo,
    personId: award.personId,
    verifiedThrough: verifiedThrough(
      award.firstPaymentMonth,
      (days.get(award.awardNo) ?? []).map((on) => ({ on, method: 'counter' as const })),
    ),
  };
}

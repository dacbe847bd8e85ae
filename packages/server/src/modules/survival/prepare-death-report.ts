import {
  chinaDateOf,
  funeralGrant,
  funeralGrantRuleOf,
  PolicyMissingError,
  survivorsBenefit,
  survivorsBenefitRuleOf,
  validateResidentId,
} from '@shebao/domain';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { refuseFutureDate } from '../../shared/business-date.ts';
import { rightsRecord } from '../rights-record/index.ts';
import { maskedReport } from './death-report-steps.ts';
import {
  deathReportInput,
  type DeathReportDetails,
  type DeathReportInput,
  type DeathReportPayload,
} from './death-reports.schemas.ts';
import { pensionAwardOf } from './pension-award.ts';
import type { SurvivalDeps } from './survival-deps.ts';

/** A regional standard the region has not set is shown as not set, not guessed (docs/RULES.md 14.10). */
function unlessMissing<T>(work: () => T): T | null {
  try {
    return work();
  } catch (error) {
    if (error instanceof PolicyMissingError) return null;
    throw error;
  }
}

/**
 * Prepares a death report for the second officer (docs/RULES.md 14.10), in full (the details the row keeps)
 * and masked (the approval's payload): checks it (the day of death not
 * in the future nor before the birth, no heir the deceased; that no other report waits or stands
 * confirmed is checked with the proposal, in its transaction), and
 * works out the funeral grant and the survivors' one-time benefit by the region's standards in force in
 * the month of death, on the contribution months the pension award counted (or, before retirement, the
 * months the record shows paid).
 */
export async function prepareDeathReport(
  deps: SurvivalDeps,
  personId: number,
  input: DeathReportInput,
): Promise<{ payload: DeathReportPayload; details: DeathReportDetails }> {
  const parsed = deathReportInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const report = parsed.data;
  const person = await deps.persons.getPerson(personId);
  refuseFutureDate(report.dateOfDeath, chinaDateOf(deps.clock.now()), 'dateOfDeath', {
    earliest: person.birthDate,
  });
  const deceasedId = validateResidentId(person.idNumber);
  const self = report.heirs.findIndex(
    (heir) => heir.idNumber === (deceasedId.ok ? deceasedId.id : person.idNumber),
  );
  if (self >= 0)
    throw new AppError(ErrorCode.VALIDATION, `heirs.${self}.idNumber: is the deceased's own number`, {
      field: `heirs.${self}.idNumber`,
    });
  const book = await deps.policy.loadBook();
  const at = { regionCode: person.regionCode, period: report.dateOfDeath.slice(0, 7) };
  const award = await pensionAwardOf(deps, personId);
  let contributionMonths = award?.contributionMonths ?? null;
  if (contributionMonths === null) {
    const record = await rightsRecord({ db: deps.db, clock: deps.clock }, { personId });
    contributionMonths =
      record.contributionMonths.find((months) => months.insurance === 'pension')?.cumulativePaid ?? 0;
  }
  const months = contributionMonths;
  const details: DeathReportDetails = {
    personId,
    regionCode: person.regionCode,
    dateOfDeath: report.dateOfDeath,
    reportedBy: report.reportedBy,
    reporterName: report.reporterName ?? null,
    heirs: report.heirs,
    funeralPayee: report.funeralPayee,
    documentSha256: report.documentSha256 ?? [],
    note: report.note ?? null,
    benefits: {
      funeralGrant: unlessMissing(() => funeralGrant(funeralGrantRuleOf(book, at))),
      survivorsBenefit: unlessMissing(() => survivorsBenefit(survivorsBenefitRuleOf(book, at), months)),
    },
  };
  return { payload: maskedReport(details), details };
}

import { chinaDateOf, postResidentPremium, residentWaitingPeriod, formatFenAsYuan } from '@shebao/domain';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { selectPersonsById } from './coverage.repository.ts';
import type { MedicalDeps } from './medical-deps.ts';
import { insertResidentEnrolment, selectEnrolmentsOfPerson } from './resident-enrolments.repository.ts';

/*
 * A resident's enrolment in the residents' medical scheme for a year (GF-2016-3; docs/RULES.md 16.5): the
 * premium paid, at least the year's individual minimum, into the residents' fund, and the waiting period
 * it leaves (GBF-2024-LT) from the concentrated period and the years of gap the earlier enrolments show.
 */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD');

export const residentEnrolmentInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  paidOn: date,
  amountFen: z.number().int('must be whole fen').positive('must be more than nothing'),
  /** Years of an earlier gap paid for now, each shortening the variable wait by a month. */
  repairedYears: z.number().int().min(0).max(50).default(0),
  /** A child enrolled in the first year of life waits for nothing. */
  newborn: z.boolean().default(false),
});
export type ResidentEnrolmentInput = z.output<typeof residentEnrolmentInput>;

export interface ResidentEnrolmentView {
  personId: number;
  year: number;
  paidOn: string;
  amountFen: number;
  gapYears: number;
  repairedYears: number;
  coveredFrom: string;
  explanation: { rule: string; formula: string; inputs: Record<string, string>; sources: string[] };
}

export async function enrolResident(
  deps: MedicalDeps,
  personId: number,
  input: ResidentEnrolmentInput,
  by: string,
): Promise<{ enrolment: ResidentEnrolmentView; replayed: boolean }> {
  const today = chinaDateOf(deps.clock.now());
  const invalid = (field: string, reason: string) =>
    new AppError(ErrorCode.VALIDATION, `${field}: ${reason}`, { field });
  if (input.paidOn > today) throw invalid('paidOn', `${input.paidOn} is after today`);
  const paidYear = Number(input.paidOn.slice(0, 4));
  if (input.year !== paidYear && input.year !== paidYear + 1)
    throw invalid('year', 'a year’s premium is paid in that year or in the year before');
  const book = await deps.policy.loadBook();
  return deps.db.transaction().execute(async (trx) => {
    const [person] = await selectPersonsById(trx, [personId]);
    if (!person)
      throw new AppError(ErrorCode.NOT_FOUND, `personId: no person has id ${personId}`, {
        field: 'personId',
      });
    if (person.category !== 'resident')
      throw new AppError(
        ErrorCode.RULE_VIOLATION,
        'personId: the person is insured as an employee or flexible worker, not in the residents’ scheme',
        { field: 'personId', detailCode: 'not-a-resident' },
      );
    const earlier = await selectEnrolmentsOfPerson(trx, personId);
    const same = earlier.find((row) => row.year === input.year);
    if (same) {
      if (Number(same.amount_fen) !== input.amountFen || same.paid_on !== input.paidOn)
        throw new AppError(ErrorCode.CONFLICT, `year: the person is enrolled for ${input.year} already`, {
          field: 'year',
        });
      return { enrolment: toView(same), replayed: true };
    }
    const minimum = book.find<number>('residents.medical.individualMinimum', {
      regionCode: person.region_code,
      period: `${input.year}-01`,
    });
    if (minimum && input.amountFen < minimum.value)
      throw invalid(
        'amountFen',
        `the individual premium for ${input.year} is at least ${formatFenAsYuan(minimum.value)} yuan (${minimum.parameter.source})`,
      );
    const before = earlier.filter((row) => row.year < input.year);
    const gapYears = before.length === 0 ? 0 : input.year - before[0]!.year - 1;
    const inConcentratedPeriod =
      input.paidOn >= `${input.year - 1}-09-01` && input.paidOn <= `${input.year - 1}-12-31`;
    const wait = residentWaitingPeriod({
      year: input.year,
      paidOn: input.paidOn,
      inConcentratedPeriod,
      gapYears,
      repairedYears: input.repairedYears,
      newborn: input.newborn,
    });
    const at = deps.clock.now().toISOString();
    const id = await insertResidentEnrolment(trx, {
      person_id: personId,
      region_code: person.region_code,
      year: input.year,
      paid_on: input.paidOn,
      amount_fen: input.amountFen,
      in_concentrated_period: inConcentratedPeriod ? 1 : 0,
      gap_years: gapYears,
      repaired_years: Math.min(input.repairedYears, gapYears),
      newborn: input.newborn ? 1 : 0,
      covered_from: wait.coveredFrom,
      explanation: JSON.stringify(wait.explanation),
      recorded_by: by,
      recorded_at: at,
    });
    await insertPostings(
      trx,
      postResidentPremium(
        { eventKey: `resident-premium:${id}`, businessDate: input.paidOn, regionCode: person.region_code },
        input.amountFen,
      ),
      at,
    );
    const [row] = (await selectEnrolmentsOfPerson(trx, personId)).filter((r) => r.year === input.year);
    return { enrolment: toView(row!), replayed: false };
  });
}

function toView(row: Awaited<ReturnType<typeof selectEnrolmentsOfPerson>>[number]): ResidentEnrolmentView {
  return {
    personId: Number(row.person_id),
    year: row.year,
    paidOn: row.paid_on,
    amountFen: Number(row.amount_fen),
    gapYears: row.gap_years,
    repairedYears: row.repaired_years,
    coveredFrom: row.covered_from,
    explanation: JSON.parse(row.explanation) as ResidentEnrolmentView['explanation'],
  };
}

export async function residentEnrolments(
  deps: MedicalDeps,
  personId: number,
): Promise<ResidentEnrolmentView[]> {
  return (await selectEnrolmentsOfPerson(deps.db, personId)).map(toView);
}

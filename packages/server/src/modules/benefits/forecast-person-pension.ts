import {
  addMonths,
  chinaDateOf,
  dateToPeriod,
  forecastPension,
  periodYear,
  type DivisorTable,
  type RetirementGroup,
  type RoundingMode,
  type TransitionalInput,
} from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import type { PersonLookup } from './file-application.ts';
import type { ForecastQuery, ForecastReply } from './forecast.schemas.ts';
import { policyReader, readRecordInputs } from './pension-inputs.ts';

/** Wage growth assumed when the person gives none: a round figure, stated as an assumption, not a policy. */
export const DEFAULT_WAGE_GROWTH_PPM = 40_000;
/** The earliest crediting rate looked for when the person gives no interest. */
const EARLIEST_RATE_YEAR = 2016;

/**
 * A what-if forecast on the person's own record (docs/RULES.md 14.8 and 14.13): the months paid so far, the
 * account's balance, the region's policy now, and the assumptions the person gave or their stated
 * defaults (the latest base paid, the latest crediting rate, 4% growth), judged by the same calculator as
 * a claim for the earliest, statutory and latest start.
 */
export async function forecastPersonPension(
  deps: BenefitsDeps,
  persons: PersonLookup,
  personId: number,
  query: ForecastQuery,
): Promise<ForecastReply> {
  const person = await persons.getPerson(personId);
  const group: RetirementGroup =
    person.sex === 'male' ? 'male' : query.retirementGroup === 'female-55' ? 'female-55' : 'female-50';
  if (person.sex === 'male' && query.retirementGroup && query.retirementGroup !== 'male')
    throw new AppError(ErrorCode.VALIDATION, 'retirementGroup: a man retires in the group "male"', {
      field: 'retirementGroup',
    });
  const fromMonth = dateToPeriod(chinaDateOf(deps.clock.now()));
  const { months, accountBalanceFen } = await readRecordInputs(deps, personId);
  const recorded = months.filter((month) => month.period < fromMonth);
  const book = await deps.policy.loadBook();
  const read = policyReader(book, person.regionCode, 'personId');
  const lastMonth = addMonths(fromMonth, -1);
  const need = <V>(
    name: Parameters<typeof read>[0],
    period = lastMonth,
    dimensions: Parameters<typeof read>[2] = {},
  ) => read<V>(name, period, dimensions);

  const latestBase = recorded.at(-1)?.baseFen;
  const futureBase =
    query.futureBaseFen !== undefined
      ? { value: query.futureBaseFen, source: 'given' }
      : latestBase !== undefined
        ? { value: latestBase, source: `the base of ${recorded.at(-1)!.period} in the record` }
        : { value: need<number>('base.averageWage'), source: `the average wage of ${lastMonth} (index 1)` };
  let interest: { value: number; source: string } | undefined =
    query.interestPpm !== undefined ? { value: query.interestPpm, source: 'given' } : undefined;
  for (let year = periodYear(fromMonth); !interest && year >= EARLIEST_RATE_YEAR; year -= 1) {
    const rate = book.find<number>('pension.creditingRate', {
      regionCode: person.regionCode,
      period: `${year}-01`,
    });
    if (rate)
      interest = { value: rate.value, source: `the crediting rate of ${year} (${rate.parameter.source})` };
  }
  if (!interest)
    throw new AppError(ErrorCode.VALIDATION, 'interestPpm: no crediting rate is known; give one', {
      field: 'interestPpm',
    });
  const wageGrowth =
    query.wageGrowthPpm !== undefined
      ? { value: query.wageGrowthPpm, source: 'given' }
      : { value: DEFAULT_WAGE_GROWTH_PPM, source: 'assumed: 4% a year' };
  const accountRate = {
    value: need<number>('contribution.personalAccountRate', lastMonth, {
      insurance: 'pension',
      party: 'employee',
      category: 'employee',
    }),
    source: 'contribution.personalAccountRate (GF-2005-38)',
  };
  const calcBaseNowFen = need<number>('pension.calculationBase');
  const transitional = need<{ name: string } & Omit<TransitionalInput, 'scheme'>>('pension.transitional');
  const { name: scheme, ...transitionalParameters } = transitional;
  const cases = forecastPension({
    birthMonth: dateToPeriod(person.birthDate),
    group,
    months: recorded,
    deemedMonths: 0,
    fromMonth,
    averageWageOf: (period) => need<number>('base.averageWage', period),
    calcBaseNowFen,
    accountBalanceNowFen: accountBalanceFen,
    divisors: need<DivisorTable>('pension.divisors'),
    divisorPolicy: need<{ name: string }>('pension.divisorPolicy').name,
    transitional: { scheme, ...transitionalParameters },
    rounding: need<RoundingMode>('pension.rounding'),
    minContributionMonthsByYear: (year) => need<number>('pension.minContributionMonths', `${year}-01`),
    assumptions: {
      futureBaseFen: futureBase.value,
      wageGrowthPpm: wageGrowth.value,
      interestPpm: interest.value,
      accountRatePpm: accountRate.value,
    },
  });
  return {
    personId,
    birthMonth: dateToPeriod(person.birthDate),
    retirementGroup: group,
    fromMonth,
    recordMonths: recorded.length,
    accountBalanceNowFen: accountBalanceFen,
    calcBaseNowFen,
    assumptions: {
      wageGrowthPpm: wageGrowth,
      futureBaseFen: futureBase,
      interestPpm: interest,
      accountRatePpm: accountRate,
    },
    cases: cases.map((forecast) => ({ ...forecast, outcome: { ...forecast.outcome } })),
  };
}

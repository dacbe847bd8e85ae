import {
  PolicyMissingError,
  type ParameterName,
  type ParameterQuery,
  type PensionMonth,
  type Period,
  type PolicyBook,
} from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { rightsRecord } from '../rights-record/index.ts';
import type { BenefitsDeps } from './benefits-deps.ts';

/** What a claim or a forecast reads from a person's own record (docs/RULES.md 4.13 and 4.14). */
export interface RecordInputs {
  /** The months paid in full with their pension base (the bases of a month's payers added up). */
  months: PensionMonth[];
  /** The personal account's closing balance of the latest year in the record. */
  accountBalanceFen: number;
}

export async function readRecordInputs(deps: BenefitsDeps, personId: number): Promise<RecordInputs> {
  const record = await rightsRecord({ db: deps.db, clock: deps.clock }, { personId });
  // A month counts once it is paid in full (docs/RULES.md 4.14).
  const months: PensionMonth[] = record.months
    .filter((month) => month.status === 'paid' && month.insurances.pension.baseFen > 0)
    .map((month) => ({ period: month.period, baseFen: month.insurances.pension.baseFen }));
  return { months, accountBalanceFen: record.accounts.pension.at(-1)?.closingFen ?? 0 };
}

/**
 * A reader of the region's policy in force in a month: a missing parameter is the caller's problem named
 * on `field` (the region's policy is incomplete for what was asked), not a server error.
 */
export function policyReader(book: PolicyBook, regionCode: string, field: string) {
  return <V>(
    name: ParameterName,
    period: Period,
    dimensions: Omit<ParameterQuery, 'regionCode' | 'period'> = {},
  ) => {
    try {
      return book.require(name, { regionCode, period, ...dimensions }).value as V;
    } catch (error) {
      if (error instanceof PolicyMissingError)
        throw new AppError(ErrorCode.VALIDATION, `the region's policy has no ${name} for ${period}`, {
          field,
        });
      throw error;
    }
  };
}

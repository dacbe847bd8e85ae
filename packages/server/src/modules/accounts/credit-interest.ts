import { calculateAccountInterest, NATIONAL_REGION, postInterest, type InYearMethod } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertPostings } from '../ledger/index.ts';
import type { PolicyService } from '../policy/index.ts';
import {
  insertInterestEntries,
  interestCredited,
  selectPensionYearMovements,
} from './accounts.repository.ts';

export interface InterestResult {
  year: number;
  regionCode: string;
  accounts: number;
  interestFen: number;
  alreadyCredited: boolean;
}

/**
 * Credits a year's interest to every pension personal account of a region at the national crediting rate
 * (docs/RULES.md 3.4), set-based: one grouped read of the sub-ledger, one multi-row write, one posting. The
 * year is credited once: a second run finds the year's interest entries and changes nothing.
 */
export async function creditYearInterest(
  deps: { db: Kysely<Database>; clock: Clock; policy: PolicyService },
  input: { year: number; regionCode: string },
): Promise<InterestResult> {
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2200) {
    throw new AppError(ErrorCode.VALIDATION, `year: ${input.year} is not a year`, { field: 'year' });
  }
  const book = await deps.policy.loadBook();
  const december = `${input.year}-12`;
  const rate = book.require<number>('pension.creditingRate', {
    regionCode: input.regionCode,
    period: december,
  });
  const method = book.require<InYearMethod>('pension.creditingMethod', {
    regionCode: NATIONAL_REGION,
    period: december,
  }).value;
  const recordedAt = deps.clock.now().toISOString();

  return deps.db.transaction().execute(async (trx) => {
    if (await interestCredited(trx, input.regionCode, december))
      return {
        year: input.year,
        regionCode: input.regionCode,
        accounts: 0,
        interestFen: 0,
        alreadyCredited: true,
      };

    let interestFen = 0;
    const entries: { personId: number; pensionFen: number }[] = [];
    for (const row of await selectPensionYearMovements(trx, input.regionCode, input.year)) {
      const { interestFen: personFen } = calculateAccountInterest({
        openingFen: row.openingFen,
        contributionsFen: row.contributionsFen,
        ratePpm: rate.value,
        method,
      });
      if (personFen === 0) continue;
      interestFen += personFen;
      entries.push({ personId: row.personId, pensionFen: personFen });
    }
    await insertInterestEntries(trx, input.regionCode, december, entries);
    await insertPostings(
      trx,
      postInterest(
        {
          eventKey: `interest:${input.year}:${input.regionCode}`,
          businessDate: `${input.year}-12-31`,
          regionCode: input.regionCode,
        },
        'pension',
        interestFen,
      ),
      recordedAt,
    );
    return {
      year: input.year,
      regionCode: input.regionCode,
      accounts: entries.length,
      interestFen,
      alreadyCredited: false,
    };
  });
}

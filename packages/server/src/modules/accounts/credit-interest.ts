import { calculateAccountInterest, NATIONAL_REGION, postInterest, type InYearMethod } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import { bulkInsert, type Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertPostings } from '../ledger/index.ts';
import type { PolicyService } from '../policy/index.ts';

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
    const done = await trx
      .selectFrom('personal_account_entries')
      .select('id')
      .where('kind', '=', 'interest')
      .where('period', '=', december)
      .where('region_code', '=', input.regionCode)
      .executeTakeFirst();
    if (done)
      return {
        year: input.year,
        regionCode: input.regionCode,
        accounts: 0,
        interestFen: 0,
        alreadyCredited: true,
      };

    const rows = await trx
      .selectFrom('personal_account_entries')
      .select((eb) => [
        'person_id',
        eb.fn
          .sum<number | string>(sql`case when period < ${`${input.year}-01`} then pension_fen else 0 end`)
          .as('opening'),
        eb.fn
          .sum<number | string>(
            sql`case when period >= ${`${input.year}-01`} and kind = 'contribution' then pension_fen else 0 end`,
          )
          .as('contributions'),
      ])
      .where('region_code', '=', input.regionCode)
      .where('period', '<=', december)
      .groupBy('person_id')
      .execute();

    let interestFen = 0;
    const entries: (string | number | null)[][] = [];
    for (const row of rows) {
      const { interestFen: personFen } = calculateAccountInterest({
        openingFen: Number(row.opening),
        contributionsFen: Number(row.contributions),
        ratePpm: rate.value,
        method,
      });
      if (personFen === 0) continue;
      interestFen += personFen;
      entries.push([row.person_id, input.regionCode, 'interest', december, null, personFen, 0, null]);
    }
    await bulkInsert(
      trx,
      'personal_account_entries',
      [
        'person_id',
        'region_code',
        'kind',
        'period',
        'bill_id',
        'pension_fen',
        'medical_fen',
        'transaction_id',
      ],
      ['bigint', 'text', 'text', 'text', 'bigint', 'bigint', 'bigint', 'bigint'],
      entries,
    );
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

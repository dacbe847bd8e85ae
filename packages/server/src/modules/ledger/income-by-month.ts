import { addMonths, FUNDS, monthsBetween, type Fund, type Period } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/** One fund's money in one month, as the fund dashboard charts it. */
export interface FundMonth {
  period: Period;
  fund: Fund;
  /** Cash basis: what reached the fund's bank account (allocated payments), net of reversals. */
  receivedFen: number;
  /** Accrual basis: contributions and late fees billed to the fund (adjustments net), by business date. */
  billedFen: number;
}

/**
 * Income of every fund, month by month from `from` to `to` (business dates), every month and fund present
 * (zero when nothing moved) so a chart's lines have no gaps. One grouped query over the journal; the
 * collection clearing ledger is not a fund and is left out. Moving billed income to personal accounts
 * and crediting interest are not income, so only assessment and late-fee postings count as billed.
 */
export async function incomeByMonth(db: Kysely<Database>, from: Period, to: Period): Promise<FundMonth[]> {
  const month = sql<string>`substr(t.business_date, 1, 7)`;
  const signed = (positiveSide: 'debit' | 'credit') =>
    sql<number>`case when e.side = ${positiveSide} then e.amount_fen else -e.amount_fen end`;
  const rows = await db
    .selectFrom('journal_entries as e')
    .innerJoin('journal_transactions as t', 't.id', 'e.transaction_id')
    .select((eb) => [
      month.as('period'),
      'e.fund',
      eb.fn
        .sum<number | string>(sql`case when e.account = 'bank' then ${signed('debit')} else 0 end`)
        .as('received'),
      eb.fn
        .sum<number | string>(
          sql`case when e.account in ('contribution_income', 'late_fee_income') and t.kind in ('assessment', 'late_fee') then ${signed('credit')} else 0 end`,
        )
        .as('billed'),
    ])
    .where('e.fund', 'in', [...FUNDS])
    .where('e.account', 'in', ['bank', 'contribution_income', 'late_fee_income'])
    .where('t.business_date', '>=', `${from}-01`)
    .where('t.business_date', '<=', `${to}-31`)
    .groupBy([month, 'e.fund'])
    .execute();
  const found = new Map(rows.map((row) => [`${row.period}|${row.fund}`, row]));
  const months: FundMonth[] = [];
  for (let index = 0; index <= monthsBetween(from, to); index++) {
    const period = addMonths(from, index);
    for (const fund of FUNDS) {
      const row = found.get(`${period}|${fund}`);
      months.push({
        period,
        fund,
        receivedFen: Number(row?.received ?? 0),
        billedFen: Number(row?.billed ?? 0),
      });
    }
  }
  return months;
}

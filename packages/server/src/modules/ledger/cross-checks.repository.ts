import { amountColumnsOfFund, EMPLOYEE_COLUMNS, EMPLOYER_COLUMNS, FUNDS, type Fund } from '@shebao/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * The ledger's cross-checks: a read model over the rows the journal's postings stand for (bills and their
 * lines, late fees, payments, allocations, offsets, reversals, personal-account entries), each check one
 * query over whole tables that returns up to a few examples of what is off, and the per-fund totals the
 * balances are compared with. They read other modules' tables (db/table-owners.ts, TABLE_READERS) because
 * each check joins them in one pass; they never write them.
 */

type Db = Kysely<Database>;

const EXAMPLES = 20;

/** The signed amount of an entry: debits positive, credits negative. */
const SIGNED = sql`case when e.side = 'debit' then e.amount_fen else -e.amount_fen end`;

/** The sum of some of a line's columns (the insurance-column catalogue names them). */
const lineSum = (columns: readonly { column: string }[]) =>
  sql.join(
    columns.map(({ column }) => sql.ref(`l.${column}`)),
    sql` + `,
  );
const LINE_EMPLOYER = lineSum(EMPLOYER_COLUMNS);
const LINE_EMPLOYEE = lineSum(EMPLOYEE_COLUMNS);
/** What a bill's fund column must equal: the sum of its lines' amounts paid into the fund. */
const lineFundSum = (fund: Fund) => lineSum(amountColumnsOfFund(fund));

/**
 * The sum of a bill's fund amounts of one sign: its charges (">", what it can be paid at most) or its
 * credits ("<", what it can give at most). An adjustment bill may be both: a rate cut in one fund and a
 * rise in another, the same month (docs/RULES.md 6.7); such a bill whose payment was
 * reversed owes its charge again while its credit stays given, so its paid amount is below its total.
 */
function fundParts(sign: '>' | '<') {
  const part = (column: string) =>
    sql`(case when b.${sql.ref(column)} ${sql.raw(sign)} 0 then b.${sql.ref(column)} else 0 end)`;
  return sql`(${sql.join(
    FUNDS.map((fund) => part(`${fund}_fen`)),
    sql` + `,
  )})`;
}

/** One cross-check: a stable code, what it proves, and the query listing what is off (none when it holds). */
export interface CrossCheck {
  code: string;
  name: string;
  query: RawBuilder<{ detail: string }>;
}

export const CROSS_CHECKS: readonly CrossCheck[] = [
  {
    code: 'transactions-balance',
    name: 'every transaction balances within its own ledger',
    query: sql<{ detail: string }>`
      select 'transaction ' || t.event_key || ' (' || t.fund || ') is off by ' || sum(${SIGNED}) || ' fen' as detail
      from journal_transactions t join journal_entries e on e.transaction_id = t.id
      group by t.id, t.event_key, t.fund
      having sum(${SIGNED}) <> 0 or min(e.fund) <> t.fund or max(e.fund) <> t.fund
      limit ${EXAMPLES}`,
  },
  {
    code: 'bills-equal-lines',
    name: 'every contribution bill equals the sum of its lines',
    query: sql<{ detail: string }>`
      select 'bill ' || b.bill_no || ': total ' || b.total_fen || ', lines ' || coalesce(sum(${LINE_EMPLOYER} + ${LINE_EMPLOYEE}), 0) as detail
      from bills b left join contribution_lines l on l.bill_id = b.id
      where b.kind <> 'late_fee'
      group by b.id, b.bill_no, b.total_fen, b.employer_fen, b.employee_fen, b.pension_fen, b.medical_fen, b.unemployment_fen, b.work_injury_fen
      having b.total_fen <> coalesce(sum(${LINE_EMPLOYER} + ${LINE_EMPLOYEE}), 0)
          or b.employer_fen <> coalesce(sum(${LINE_EMPLOYER}), 0)
          or b.employee_fen <> coalesce(sum(${LINE_EMPLOYEE}), 0)
          or ${sql.join(
            FUNDS.map((fund) => sql`b.${sql.ref(`${fund}_fen`)} <> coalesce(sum(${lineFundSum(fund)}), 0)`),
            sql` or `,
          )}
      limit ${EXAMPLES}`,
  },
  // Lines and personal-account entries have no foreign keys (migration 0005): prove their bills exist.
  {
    code: 'lines-have-bills',
    name: 'every contribution line and personal-account credit belongs to a bill',
    query: sql<{ detail: string }>`
      select 'a ' || o.what || ' of bill id ' || o.bill_id || ', which does not exist' as detail
      from (select distinct 'line' as what, bill_id from contribution_lines
            union
            select distinct 'personal-account credit' as what, bill_id from personal_account_entries
            where bill_id is not null) o
      where not exists (select 1 from bills b where b.id = o.bill_id)
      limit ${EXAMPLES}`,
  },
  {
    code: 'late-fee-bills-equal-lines',
    name: 'every late-fee bill equals the sum of its lines',
    query: sql<{ detail: string }>`
      select 'late-fee bill ' || b.bill_no || ': total ' || b.total_fen || ', lines ' || coalesce(sum(f.fee_fen), 0) as detail
      from bills b left join late_fee_lines f on f.bill_id = b.id
      where b.kind = 'late_fee'
      group by b.id, b.bill_no, b.total_fen
      having b.total_fen <> coalesce(sum(f.fee_fen), 0)
         or b.total_fen <> b.pension_fen + b.medical_fen + b.unemployment_fen + b.work_injury_fen
      limit ${EXAMPLES}`,
  },
  {
    code: 'paid-equals-allocations',
    name: 'what a bill shows as paid equals its allocations and credit offsets, never more than its charges nor less than its credits',
    query: sql<{ detail: string }>`
      select 'bill ' || b.bill_no || ': paid ' || b.paid_fen || ', allocated ' || coalesce(a.amount, 0)
             || ', reversed ' || coalesce(r.amount, 0)
             || ', offsets in ' || coalesce(i.amount, 0) || ', out ' || coalesce(o.amount, 0) as detail
      from bills b
      left join (select bill_id, sum(amount_fen) as amount from payment_allocations group by bill_id) a
        on a.bill_id = b.id
      left join (select bill_id, sum(amount_fen) as amount from allocation_reversals group by bill_id) r
        on r.bill_id = b.id
      left join (select bill_id, sum(amount_fen) as amount from bill_offsets group by bill_id) i on i.bill_id = b.id
      left join (select credit_bill_id, sum(amount_fen) as amount from bill_offsets group by credit_bill_id) o
        on o.credit_bill_id = b.id
      where b.paid_fen <> coalesce(a.amount, 0) - coalesce(r.amount, 0) + coalesce(i.amount, 0) - coalesce(o.amount, 0)
         or b.paid_fen > ${fundParts('>')}
         or b.paid_fen < ${fundParts('<')}
      limit ${EXAMPLES}`,
  },
  {
    code: 'offsets-within-payer',
    name: 'every credit offset stays within one payer and splits across the funds exactly',
    query: sql<{ detail: string }>`
      select 'offset ' || o.id || ' from ' || c.bill_no || ' to ' || b.bill_no as detail
      from bill_offsets o join bills c on c.id = o.credit_bill_id join bills b on b.id = o.bill_id
      where c.payer_key <> b.payer_key
         or o.amount_fen <> o.pension_fen + o.medical_fen + o.unemployment_fen + o.work_injury_fen
      limit ${EXAMPLES}`,
  },
  {
    code: 'payments-equal-allocations',
    name: 'every payment equals its allocations plus its unapplied credit, or was reversed whole',
    query: sql<{ detail: string }>`
      select 'payment ' || p.payment_no || ': ' || p.amount_fen || ' received, ' || coalesce(a.amount, 0) || ' allocated, '
             || coalesce(r.amount, 0) || ' allocations reversed, ' || p.unapplied_fen || ' unapplied, '
             || coalesce(v.amount_fen, 0) || ' reversed' as detail
      from payments p left join (select payment_id, sum(amount_fen) as amount from payment_allocations group by payment_id) a
        on a.payment_id = p.id
      left join (select payment_id, sum(amount_fen) as amount from allocation_reversals group by payment_id) r
        on r.payment_id = p.id
      left join payment_reversals v on v.payment_id = p.id
      where p.amount_fen <> coalesce(a.amount, 0) - coalesce(r.amount, 0) + p.unapplied_fen + coalesce(v.amount_fen, 0)
         or (v.id is not null and (p.unapplied_fen <> 0 or coalesce(a.amount, 0) <> coalesce(r.amount, 0)))
      limit ${EXAMPLES}`,
  },
  {
    code: 'allocations-split-exactly',
    name: 'every allocation is split across the funds exactly',
    query: sql<{ detail: string }>`
      select 'allocation ' || a.id || ' of ' || a.amount_fen || ' fen is split into '
             || (a.pension_fen + a.medical_fen + a.unemployment_fen + a.work_injury_fen) as detail
      from payment_allocations a
      where a.amount_fen <> a.pension_fen + a.medical_fen + a.unemployment_fen + a.work_injury_fen
      union all
      select 'the reversal of allocation ' || r.allocation_id || ' does not take back exactly what it allocated' as detail
      from allocation_reversals r join payment_allocations a on a.id = r.allocation_id
      where r.amount_fen <> a.amount_fen or r.pension_fen <> a.pension_fen or r.medical_fen <> a.medical_fen
         or r.unemployment_fen <> a.unemployment_fen or r.work_injury_fen <> a.work_injury_fen
         or r.bill_id <> a.bill_id or r.payment_id <> a.payment_id
      limit ${EXAMPLES}`,
  },
  {
    code: 'payroll-lines-refer',
    name: 'every payroll line belongs to its run, its award or one-time payment, and its bank file',
    query: sql<{ detail: string }>`
      select 'payroll line ' || l.id || ' refers to a missing '
             || case when r.id is null then 'run ' || l.run_id
                     when l.roll_id is not null and p.id is null then 'award ' || l.roll_id
                     when l.one_time_id is not null and o.id is null then 'one-time payment ' || l.one_time_id
                     when l.roll_id is null and l.one_time_id is null then 'award or one-time payment'
                     else 'bank file ' || l.bank_file_id end as detail
      from payroll_lines l
      left join payroll_runs r on r.id = l.run_id
      left join benefit_roll p on p.id = l.roll_id
      left join one_time_payments o on o.id = l.one_time_id
      left join payroll_bank_files f on f.id = l.bank_file_id
      where r.id is null or (l.roll_id is not null and p.id is null) or (l.one_time_id is not null and o.id is null)
         or (l.roll_id is null and l.one_time_id is null) or (l.bank_file_id is not null and f.id is null)
      limit ${EXAMPLES}`,
  },
  {
    code: 'unemployment-premiums-equal-postings',
    name: "the medical premiums the unemployment fund paid equal both funds' postings of them",
    // The unemployment fund's expense and the medical fund's income of kind unemployment_medical_premium,
    // each against the premiums recorded per month of benefit (docs/RULES.md 15.21).
    query: sql<{ detail: string }>`
      select 'premiums ' || p.total || ' fen; unemployment fund expense ' || u.total || ', medical fund income '
             || m.total || ' fen' as detail
      from (select coalesce(sum(premium_fen), 0) as total from unemployment_medical_premiums) p,
           (select coalesce(sum(${SIGNED}), 0) as total from journal_transactions t
              join journal_entries e on e.transaction_id = t.id
            where t.kind = 'unemployment_medical_premium' and t.fund = 'unemployment'
              and e.account = 'benefit_expense') u,
           (select coalesce(sum(-(${SIGNED})), 0) as total from journal_transactions t
              join journal_entries e on e.transaction_id = t.id
            where t.kind = 'unemployment_medical_premium' and t.fund = 'medical'
              and e.account = 'contribution_income') m
      where p.total <> u.total or p.total <> m.total`,
  },
  {
    code: 'payroll-lines-equal-postings',
    name: 'the payroll postings of each fund pay out exactly what its payroll lines pay (pooling fund, personal accounts, recoveries)',
    // Each side by fund: the postings by their ledger, the lines by the fund of the file that pays them
    // (withheld lines, in no file, pay nothing).
    query: sql<{ detail: string }>`
      select d.fund || ': payroll postings less lines: pooling fund ' || sum(d.pooled) || ', personal accounts '
             || sum(d.account) || ', recovered ' || sum(d.recovered) || ' fen' as detail
      from (
        select t.fund,
          case when e.account = 'benefit_expense' then ${SIGNED} else 0 end as pooled,
          case when e.account = 'personal_accounts' then ${SIGNED} else 0 end as account,
          case when e.account = 'recoverable' then -(${SIGNED}) else 0 end as recovered
        from journal_transactions t join journal_entries e on e.transaction_id = t.id
        where t.kind = 'benefit_payroll'
        union all
        select f.fund, -l.pooled_fen, -l.account_fen, -l.recovered_fen
        from payroll_lines l join payroll_bank_files f on f.id = l.bank_file_id
      ) d
      group by d.fund
      having sum(d.pooled) <> 0 or sum(d.account) <> 0 or sum(d.recovered) <> 0
      limit ${EXAMPLES}`,
  },
];

/** Runs one cross-check: the examples of what is off. */
export async function runCrossCheck(db: Db, check: CrossCheck): Promise<string[]> {
  return (await check.query.execute(db)).rows.map((row) => row.detail);
}

export interface Totals {
  /** Per fund: what bills ask, what allocations paid (less allocations of reversed payments). */
  billedFen: Record<string, number>;
  allocatedFen: Record<string, number>;
  /** The personal-account sub-ledgers. */
  accountsFen: { pension: number; medical: number };
  unappliedFen: number;
  /**
   * Per fund: what payroll lines still owe their payees (written and not yet in an issued bank file, or
   * returned by the bank), by the fund of the file that pays them.
   */
  benefitsOwedFen: Record<string, number>;
  /**
   * Per fund: overpayments claimed and not yet recovered, by the fund of the award overpaid, and what
   * employers still owe of the benefits advanced for them.
   */
  claimsOpenFen: Record<string, number>;
}

export async function selectTotals(db: Db): Promise<Totals> {
  const funds = FUNDS;
  const sums = (table: 'bills' | 'payment_allocations' | 'allocation_reversals') =>
    sql<Record<string, number | string>>`select ${sql.join(
      funds.map((fund) => sql`coalesce(sum(${sql.ref(`${fund}_fen`)}), 0) as ${sql.ref(fund)}`),
    )} from ${sql.table(table)}`.execute(db);
  const perFund = (row: Record<string, number | string>) =>
    Object.fromEntries(funds.map((fund) => [fund, Number(row[fund])]));
  const billed = (await sums('bills')).rows[0]!;
  const allocatedGross = perFund((await sums('payment_allocations')).rows[0]!);
  const reversed = perFund((await sums('allocation_reversals')).rows[0]!);
  const accounts = (
    await sql<{ pension: number | string; medical: number | string }>`
      select coalesce(sum(pension_fen), 0) as pension, coalesce(sum(medical_fen), 0) as medical
      from personal_account_entries`.execute(db)
  ).rows[0]!;
  // The payroll's draws on the pension personal accounts take the sub-ledger down (docs/RULES.md 14.15);
  // a draw for a month not owed (after a death) is put back when it is claimed from the estate (14.18).
  const claims = (
    await sql<{ fund: string; account: number | string; total: number | string }>`
      select r.fund, coalesce(sum(c.account_fen), 0) as account, coalesce(sum(c.pooled_fen + c.account_fen), 0) as total
      from recovery_claims c join benefit_roll r on r.id = c.roll_id group by r.fund`.execute(db)
  ).rows;
  const recovered = (
    await sql<{ fund: string; recovered: number | string }>`
      select o.fund, coalesce(sum(l.recovered_fen), 0) as recovered
      from payroll_lines l join one_time_payments o on o.id = l.one_time_id
      where l.kind = 'one-time' group by o.fund`.execute(db)
  ).rows;
  const payroll = (
    await sql<{ drawn: number | string }>`
      select coalesce(sum(l.account_fen), 0) as drawn from payroll_lines l`.execute(db)
  ).rows[0]!;
  const owed = (
    await sql<{ fund: string; owed: number | string }>`
      select f.fund, coalesce(sum(l.pooled_fen + l.account_fen - l.recovered_fen), 0) as owed
      from payroll_lines l join payroll_bank_files f on f.id = l.bank_file_id
      where l.state = 'returned' or (l.state = 'owed' and f.issued_at is null)
      group by f.fund`.execute(db)
  ).rows;
  const byFund = (rows: readonly Record<string, number | string>[], column: string) =>
    Object.fromEntries(
      funds.map((fund) => [fund, Number(rows.find((row) => row.fund === fund)?.[column] ?? 0)]),
    );
  // What employers owe back of the benefits the fund advanced for them is recoverable too (15.22).
  const advances = (
    await sql<{ fund: string; owed: number | string }>`
      select fund, sum(amount) as owed from (
        select fund, amount_fen as amount from employer_advance_claims
        union all
        select fund, -amount_fen as amount from employer_advance_repayments
      ) a group by fund`.execute(db)
  ).rows;
  const advancesOwed = byFund(advances, 'owed');
  const claimsTotal = byFund(claims, 'total');
  const recoveredTotal = byFund(recovered, 'recovered');
  const payments = (
    await sql<{ unapplied: number | string }>`
      select coalesce(sum(unapplied_fen), 0) as unapplied from payments`.execute(db)
  ).rows[0]!;
  return {
    billedFen: perFund(billed),
    // What reversed payments had allocated is no longer paid: the receivable is owed again.
    allocatedFen: Object.fromEntries(funds.map((fund) => [fund, allocatedGross[fund]! - reversed[fund]!])),
    accountsFen: {
      pension: Number(accounts.pension) - Number(payroll.drawn) + byFund(claims, 'account').pension!,
      medical: Number(accounts.medical),
    },
    unappliedFen: Number(payments.unapplied),
    benefitsOwedFen: byFund(owed, 'owed'),
    claimsOpenFen: Object.fromEntries(
      funds.map((fund) => [fund, claimsTotal[fund]! - recoveredTotal[fund]! + advancesOwed[fund]!]),
    ),
  };
}

import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { JournalAnchor } from './journal-anchor.ts';
import { selectAccountBalances, type AccountBalance } from './ledger.repository.ts';
import type { VerificationCheck } from './verification-check.ts';
import { verifyJournalChain, type BrokenLink } from './verify-journal-chain.ts';

export type { VerificationCheck } from './verification-check.ts';

type Db = Kysely<Database>;

/** A personal-account sub-ledger beside its control account in the fund's ledger (they must be equal). */
export interface PersonalAccountsTotal {
  fund: 'pension' | 'medical';
  /** The control account's credit balance. */
  controlFen: number;
  /** The sum of every person's account entries. */
  subLedgerFen: number;
}

export interface VerificationReport {
  ok: boolean;
  checks: VerificationCheck[];
  balances: AccountBalance[];
  personalAccounts: PersonalAccountsTotal[];
  /** Per fund, the first link of the journal's hash chain that does not hold (none when it is intact). */
  brokenLinks: BrokenLink[];
}

export interface VerifyLedgerOptions {
  /** Anchors an auditor kept (journal-anchor.ts): each must still be on the recomputed chain. */
  anchors?: readonly JournalAnchor[];
}

const EXAMPLES = 20;

/** The signed amount of an entry: debits positive, credits negative. */
const SIGNED = sql`case when e.side = 'debit' then e.amount_fen else -e.amount_fen end`;

const LINE_EMPLOYER = sql`l.pension_employer_fen + l.medical_employer_fen + l.maternity_employer_fen + l.unemployment_employer_fen + l.work_injury_employer_fen`;
const LINE_EMPLOYEE = sql`l.pension_employee_fen + l.medical_employee_fen + l.unemployment_employee_fen`;

/**
 * The sum of a bill's fund amounts of one sign: its charges (">", what it can be paid at most) or its
 * credits ("<", what it can give at most). An adjustment bill may be both: a rate cut in one fund and a
 * rise in another, the same month (docs/RULES.md 6.7); such a bill whose payment was
 * reversed owes its charge again while its credit stays given, so its paid amount is below its total.
 */
function fundParts(sign: '>' | '<') {
  const part = (column: string) =>
    sql`(case when b.${sql.ref(column)} ${sql.raw(sign)} 0 then b.${sql.ref(column)} else 0 end)`;
  return sql`(${part('pension_fen')} + ${part('medical_fen')} + ${part('unemployment_fen')} + ${part('work_injury_fen')})`;
}

/**
 * Proves the ledger's invariants from the stored rows alone: every transaction balances within one
 * ledger, every ledger's trial balance is zero, personal accounts equal their control accounts, every
 * bill equals its lines, payments equal their allocations, receivables equal what bills still owe, and
 * every fund's journal is an unbroken hash chain (verify-journal-chain.ts).
 */
export async function verifyLedger(db: Db, options: VerifyLedgerOptions = {}): Promise<VerificationReport> {
  const checks: VerificationCheck[] = [];
  const check = async (code: string, name: string, query: RawBuilder<{ detail: string }>) => {
    const rows = (await query.execute(db)).rows;
    checks.push({ code, name, ok: rows.length === 0, discrepancies: rows.map((row) => row.detail) });
  };

  await check(
    'transactions-balance',
    'every transaction balances within its own ledger',
    sql<{ detail: string }>`
      select 'transaction ' || t.event_key || ' (' || t.fund || ') is off by ' || sum(${SIGNED}) || ' fen' as detail
      from journal_transactions t join journal_entries e on e.transaction_id = t.id
      group by t.id, t.event_key, t.fund
      having sum(${SIGNED}) <> 0 or min(e.fund) <> t.fund or max(e.fund) <> t.fund
      limit ${EXAMPLES}`,
  );
  await check(
    'bills-equal-lines',
    'every contribution bill equals the sum of its lines',
    sql<{ detail: string }>`
      select 'bill ' || b.bill_no || ': total ' || b.total_fen || ', lines ' || coalesce(sum(${LINE_EMPLOYER} + ${LINE_EMPLOYEE}), 0) as detail
      from bills b left join contribution_lines l on l.bill_id = b.id
      where b.kind <> 'late_fee'
      group by b.id, b.bill_no, b.total_fen, b.employer_fen, b.employee_fen, b.pension_fen, b.medical_fen, b.unemployment_fen, b.work_injury_fen
      having b.total_fen <> coalesce(sum(${LINE_EMPLOYER} + ${LINE_EMPLOYEE}), 0)
          or b.employer_fen <> coalesce(sum(${LINE_EMPLOYER}), 0)
          or b.employee_fen <> coalesce(sum(${LINE_EMPLOYEE}), 0)
          or b.pension_fen <> coalesce(sum(l.pension_employer_fen + l.pension_employee_fen), 0)
          or b.medical_fen <> coalesce(sum(l.medical_employer_fen + l.medical_employee_fen + l.maternity_employer_fen), 0)
          or b.unemployment_fen <> coalesce(sum(l.unemployment_employer_fen + l.unemployment_employee_fen), 0)
          or b.work_injury_fen <> coalesce(sum(l.work_injury_employer_fen), 0)
      limit ${EXAMPLES}`,
  );
  // Lines and personal-account entries have no foreign keys (migration 0005): prove their bills exist.
  await check(
    'lines-have-bills',
    'every contribution line and personal-account credit belongs to a bill',
    sql<{ detail: string }>`
      select 'a ' || o.what || ' of bill id ' || o.bill_id || ', which does not exist' as detail
      from (select distinct 'line' as what, bill_id from contribution_lines
            union
            select distinct 'personal-account credit' as what, bill_id from personal_account_entries
            where bill_id is not null) o
      where not exists (select 1 from bills b where b.id = o.bill_id)
      limit ${EXAMPLES}`,
  );
  await check(
    'late-fee-bills-equal-lines',
    'every late-fee bill equals the sum of its lines',
    sql<{ detail: string }>`
      select 'late-fee bill ' || b.bill_no || ': total ' || b.total_fen || ', lines ' || coalesce(sum(f.fee_fen), 0) as detail
      from bills b left join late_fee_lines f on f.bill_id = b.id
      where b.kind = 'late_fee'
      group by b.id, b.bill_no, b.total_fen
      having b.total_fen <> coalesce(sum(f.fee_fen), 0)
         or b.total_fen <> b.pension_fen + b.medical_fen + b.unemployment_fen + b.work_injury_fen
      limit ${EXAMPLES}`,
  );
  await check(
    'paid-equals-allocations',
    'what a bill shows as paid equals its allocations and credit offsets, never more than its charges nor less than its credits',
    sql<{ detail: string }>`
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
  );
  await check(
    'offsets-within-payer',
    'every credit offset stays within one payer and splits across the funds exactly',
    sql<{ detail: string }>`
      select 'offset ' || o.id || ' from ' || c.bill_no || ' to ' || b.bill_no as detail
      from bill_offsets o join bills c on c.id = o.credit_bill_id join bills b on b.id = o.bill_id
      where c.payer_key <> b.payer_key
         or o.amount_fen <> o.pension_fen + o.medical_fen + o.unemployment_fen + o.work_injury_fen
      limit ${EXAMPLES}`,
  );
  await check(
    'payments-equal-allocations',
    'every payment equals its allocations plus its unapplied credit, or was reversed whole',
    sql<{ detail: string }>`
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
  );
  await check(
    'allocations-split-exactly',
    'every allocation is split across the funds exactly',
    sql<{ detail: string }>`
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
  );
  // The account balances, one pass over the journal, serve every check on ledger totals; the other side of
  // each comes from one pass over its own table.
  const balances = await selectAccountBalances(db);
  const totals = await selectTotals(db);
  checks.push(...checkLedgerTotals(balances, totals));
  const personalAccounts = (['pension', 'medical'] as const).map((fund) => ({
    fund,
    controlFen: -netBalance(balances, fund, 'personal_accounts'),
    subLedgerFen: totals.accountsFen[fund],
  }));

  const chain = await verifyJournalChain(db, options.anchors);
  checks.push(...chain.checks);

  return {
    ok: checks.every((item) => item.ok),
    checks,
    balances,
    personalAccounts,
    brokenLinks: chain.brokenLinks,
  };
}

/** Debits minus credits of one account, or of a whole ledger when no account is named. */
function netBalance(balances: AccountBalance[], fund: string, account?: string): number {
  return balances
    .filter((row) => row.fund === fund && (account === undefined || row.account === account))
    .reduce((sum, row) => sum + row.debitFen - row.creditFen, 0);
}

interface Totals {
  /** Per fund: what bills ask, what allocations paid (less allocations of reversed payments). */
  billedFen: Record<string, number>;
  allocatedFen: Record<string, number>;
  /** The personal-account sub-ledgers. */
  accountsFen: { pension: number; medical: number };
  unappliedFen: number;
}

async function selectTotals(db: Db): Promise<Totals> {
  const funds = ['pension', 'medical', 'unemployment', 'work_injury'] as const;
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
  const payments = (
    await sql<{ unapplied: number | string }>`
      select coalesce(sum(unapplied_fen), 0) as unapplied from payments`.execute(db)
  ).rows[0]!;
  return {
    billedFen: perFund(billed),
    // What reversed payments had allocated is no longer paid: the receivable is owed again.
    allocatedFen: Object.fromEntries(funds.map((fund) => [fund, allocatedGross[fund]! - reversed[fund]!])),
    accountsFen: { pension: Number(accounts.pension), medical: Number(accounts.medical) },
    unappliedFen: Number(payments.unapplied),
  };
}

/**
 * The checks on ledger totals, from the balances per account: every ledger's trial balance is zero, the
 * personal-account control accounts equal their sub-ledgers, each fund's receivable equals what bills still
 * owe, and the collection account holds exactly the unapplied credits.
 */
function checkLedgerTotals(balances: AccountBalance[], totals: Totals): VerificationCheck[] {
  const net = (fund: string, account?: string) => netBalance(balances, fund, account);
  const result = (
    check: { code: string; fund?: string; name: string },
    discrepancies: string[],
  ): VerificationCheck => ({
    ...check,
    ok: discrepancies.length === 0,
    discrepancies,
  });
  const checks: VerificationCheck[] = [];
  const ledgers = [...new Set(balances.map((row) => row.fund))].sort();
  checks.push(
    result(
      { code: 'trial-balance-zero', name: 'trial balance is zero per ledger' },
      ledgers
        .filter((fund) => net(fund) !== 0)
        .map((fund) => `ledger ${fund}: debits exceed credits by ${net(fund)} fen`),
    ),
  );
  for (const fund of ['pension', 'medical'] as const) {
    const control = -net(fund, 'personal_accounts');
    const subLedger = totals.accountsFen[fund];
    checks.push(
      result(
        {
          code: 'personal-accounts-equal-control',
          fund,
          name: `${fund} personal accounts equal their control account`,
        },
        control === subLedger ? [] : [`control ${control} fen, sub-ledger ${subLedger} fen`],
      ),
    );
  }
  for (const fund of ['pension', 'medical', 'unemployment', 'work_injury'] as const) {
    const receivable = net(fund, 'receivable');
    const owed = totals.billedFen[fund]! - totals.allocatedFen[fund]!;
    checks.push(
      result(
        { code: 'receivable-equals-owed', fund, name: `${fund} receivable equals what bills still owe` },
        receivable === owed ? [] : [`receivable ${receivable} fen, bills owe ${owed} fen`],
      ),
    );
  }
  const bank = net('collection', 'bank');
  checks.push(
    result(
      {
        code: 'collection-holds-unapplied',
        name: 'the collection account holds exactly the unapplied credits',
      },
      bank === totals.unappliedFen
        ? []
        : [`collection bank ${bank} fen, unapplied credits ${totals.unappliedFen} fen`],
    ),
  );
  return checks;
}

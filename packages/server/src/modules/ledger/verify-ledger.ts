import type { Kysely } from 'kysely';
import { FUNDS, MEDICAL_LEDGERS } from '@shebao/domain';
import type { Database } from '../../db/index.ts';
import { CROSS_CHECKS, runCrossCheck, selectTotals, type Totals } from './cross-checks.repository.ts';
import type { JournalAnchor } from './journal-anchor.ts';
import { selectAccountBalances, type AccountBalance } from './ledger.repository.ts';
import { selectMedicalTotals, type MedicalTotals } from './medical-totals.repository.ts';
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

/**
 * Proves the ledger's invariants from the stored rows alone: every transaction balances within one
 * ledger, every ledger's trial balance is zero, personal accounts equal their control accounts, every
 * bill equals its lines, payments equal their allocations, receivables equal what bills still owe, benefits
 * payable equal what payroll lines still owe (the accounts' sub-ledger net of the payroll's draws), and
 * every fund's journal is an unbroken hash chain (verify-journal-chain.ts).
 */
export async function verifyLedger(db: Db, options: VerifyLedgerOptions = {}): Promise<VerificationReport> {
  const checks: VerificationCheck[] = [];

  for (const crossCheck of CROSS_CHECKS) {
    const discrepancies = await runCrossCheck(db, crossCheck);
    checks.push({
      code: crossCheck.code,
      name: crossCheck.name,
      ok: discrepancies.length === 0,
      discrepancies,
    });
  }
  // The account balances, one pass over the journal, serve every check on ledger totals; the other side of
  // each comes from one pass over its own table.
  const balances = await selectAccountBalances(db);
  const totals = await selectTotals(db);
  const medical = await selectMedicalTotals(db);
  checks.push(...checkLedgerTotals(balances, totals, medical));
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

/**
 * The checks on ledger totals, from the balances per account: every ledger's trial balance is zero, the
 * personal-account control accounts equal their sub-ledgers, each fund's receivable equals what bills still
 * owe, and the collection account holds exactly the unapplied credits.
 */
function checkLedgerTotals(
  balances: AccountBalance[],
  totals: Totals,
  medical: MedicalTotals,
): VerificationCheck[] {
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
  for (const fund of FUNDS) {
    const payable = -net(fund, 'benefits_payable');
    const owed = totals.benefitsOwedFen[fund]!;
    checks.push(
      result(
        {
          code: 'benefits-payable-equals-owed',
          fund,
          name: `${fund} benefits payable equal what payroll lines still owe their payees`,
        },
        payable === owed ? [] : [`benefits payable ${payable} fen, lines owe ${owed} fen`],
      ),
    );
    const recoverable = net(fund, 'recoverable');
    // The medical fund also recovers what approved findings took back (docs/RULES.md 16.7).
    const open = totals.claimsOpenFen[fund]! + (fund === 'medical' ? medical.findingsOpenFen.medical : 0);
    checks.push(
      result(
        {
          code: 'recoverable-equals-claims',
          fund,
          name: `${fund} amounts to recover equal the open recovery claims and the advances employers owe`,
        },
        recoverable === open ? [] : [`recoverable ${recoverable} fen, open claims ${open} fen`],
      ),
    );
  }
  for (const ledger of MEDICAL_LEDGERS) {
    const payable = -net(ledger, 'institutions_payable');
    const owed = medical.institutionsOwedFen[ledger];
    checks.push(
      result(
        {
          code: 'institutions-payable-equals-owed',
          fund: ledger,
          name: `${ledger} owes the institutions what their standing claims come to, less what statements paid or kept back`,
        },
        payable === owed ? [] : [`institutions payable ${payable} fen, claims owe ${owed} fen`],
      ),
    );
  }
  const residentsRecoverable = net('residents_medical', 'recoverable');
  checks.push(
    result(
      {
        code: 'recoverable-equals-claims',
        fund: 'residents_medical',
        name: 'residents_medical amounts to recover equal what approved findings still recover',
      },
      residentsRecoverable === medical.findingsOpenFen.residents_medical
        ? []
        : [
            `recoverable ${residentsRecoverable} fen, findings open ${medical.findingsOpenFen.residents_medical} fen`,
          ],
    ),
  );
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

import { addMonths, chinaDateOf, splitMonth, periodToIndex } from '@shebao/domain';
import type { PayrollDeps } from './payroll-deps.ts';
import { selectClaimsOfPerson } from './claims.repository.ts';
import { selectOneTimeOfPerson } from './one-time.repository.ts';
import { selectAdjustmentsForRoll, selectLinesOfRoll } from './payments.repository.ts';
import { selectRollsOfPerson } from './roll.repository.ts';
import type { PensionPaymentsView } from './payroll.schemas.ts';

const HISTORY_MONTHS = 36;

/** What the person's payee gets: the whole line less what is withheld for a claim. */
function netOf(line: {
  pooled_fen: number | string;
  account_fen: number | string;
  recovered_fen: number | string;
}) {
  return Number(line.pooled_fen) + Number(line.account_fen) - Number(line.recovered_fen);
}

/**
 * A person's pension payments (docs/RULES.md 14.14–14.18): per award on the payroll, the state (in payment,
 * withheld until survival is verified, stopped), the next month and what it will pay, the months paid with
 * their split and whether the bank paid them, arrears and recoveries, and the estate's one-time payments
 * and claims. Accounts are masked to their last four digits.
 */
export async function readPensionPayments(deps: PayrollDeps, personId: number): Promise<PensionPaymentsView> {
  const today = chinaDateOf(deps.clock.now());
  const thisMonth = today.slice(0, 7);
  const awards = [];
  for (const roll of await selectRollsOfPerson(deps.db, personId)) {
    const lines = await selectLinesOfRoll(deps.db, Number(roll.id), HISTORY_MONTHS);
    const paidThrough = lines.find((line) => line.state !== 'withheld')?.period ?? null;
    const next =
      paidThrough && paidThrough >= thisMonth
        ? addMonths(paidThrough, 1)
        : thisMonth < roll.first_period
          ? roll.first_period
          : thisMonth;
    const stopped = roll.stopped_after !== null && next > roll.stopped_after;
    const withheld = !stopped && roll.verified_through < next;
    const due = next >= roll.monthly_from ? roll.monthly_fen : roll.prior_monthly_fen;
    const split = splitMonth({
      monthlyFen: Number(due),
      accountPartFen: Number(roll.account_part_fen),
      balanceFen: Number(roll.account_balance_fen),
      monthsBefore: Math.max(0, periodToIndex(next) - roll.first_month_index),
    });
    const adjustments = await selectAdjustmentsForRoll(deps.db, Number(roll.id));
    awards.push({
      awardNo: roll.award_no,
      kind: roll.kind,
      status: stopped ? ('stopped' as const) : withheld ? ('withheld' as const) : ('in-payment' as const),
      stoppedAfter: roll.stopped_after,
      verifiedThrough: roll.verified_through,
      payee: {
        kind: roll.payee_kind,
        accountMasked: `****${roll.payee_account.slice(-4)}`,
        bank: roll.bank_code,
      },
      next: stopped
        ? null
        : {
            period: next,
            dueFen: Number(due),
            pooledFen: split.pooledFen,
            accountFen: split.accountFen,
            waitingFen: adjustments
              .filter((item) => item.settled_line_id === null)
              .reduce((sum, item) => sum + Number(item.pooled_fen) + Number(item.account_fen), 0),
            withheld,
          },
      lines: lines.map((line) => ({
        id: Number(line.id),
        period: line.period,
        dueFen: Number(line.due_fen),
        pooledFen: Number(line.pooled_fen),
        accountFen: Number(line.account_fen),
        netFen: netOf(line),
        state:
          line.state === 'owed'
            ? line.issued_at
              ? ('paid' as const)
              : ('owed' as const)
            : (line.state as 'returned' | 'withheld' | 'released'),
        paidOn: line.state === 'owed' && line.issued_at ? line.issued_at.slice(0, 10) : null,
        bank: line.bank_code,
        returnReason: line.return_reason,
      })),
      adjustments: adjustments.map((item) => ({
        forPeriod: item.for_period,
        amountFen: Number(item.pooled_fen) + Number(item.account_fen),
        reason: item.reason,
        note: item.note,
        settled: item.settled_line_id !== null,
      })),
    });
  }
  const oneTime = (await selectOneTimeOfPerson(deps.db, personId)).map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    payeeName: row.payee_name,
    accountMasked: `****${row.payee_account.slice(-4)}`,
    amountFen: Number(row.pooled_fen) + Number(row.account_fen),
    recoveredFen: Number(row.recovered_fen),
    reason: row.reason,
    state:
      row.period === null ? ('scheduled' as const) : row.issued_at ? ('paid' as const) : ('owed' as const),
  }));
  const claims = (await selectClaimsOfPerson(deps.db, personId)).map((claim) => ({
    id: claim.id,
    totalFen: claim.totalFen,
    recoveredFen: claim.recoveredFen,
    reason: claim.reason,
    months: claim.months,
  }));
  return { personId, awards, oneTime, claims };
}

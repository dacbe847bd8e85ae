import { dateToPeriod, findContributionCycle, type BusinessDate, type PolicyBook } from '@shebao/domain';
import { quoteOpenBills, type PaymentDeps } from '../payments/index.ts';
import { countStaffWithoutBase, hasDeclaredMonth } from '../registration/index.ts';
import type { EmployerSummary } from './employer-inquiry.schemas.ts';

export interface SummaryEmployer {
  id: number;
  name: string;
  creditCode: string;
  regionCode: string;
}

/**
 * The employer's start page in one answer: what is open, what is overdue, what falls due next and when,
 * the amount that clears everything today (the payment quote, late fees included), how to pay (the
 * region's collection account and the reference a bank statement is matched on), and what the employer
 * still has to do that the server can tell: the month not yet declared, employees without a base for the
 * contribution year.
 */
export async function employerSummary(
  deps: PaymentDeps & { today: BusinessDate },
  employer: SummaryEmployer,
): Promise<EmployerSummary> {
  const { db, today } = deps;
  const book = await deps.policy.loadBook();
  const period = dateToPeriod(today);
  const cycle = findContributionCycle(book, employer.regionCode, period);
  const [{ quote, bills }, staffWithoutBase, declared] = await Promise.all([
    quoteOpenBills(deps, { payerKey: `E${employer.id}`, paidOn: today }),
    countStaffWithoutBase(db, { employerId: employer.id, today, cycleStart: cycle.start }),
    hasDeclaredMonth(db, employer.id, period),
  ]);
  const upcoming = bills.filter((bill) => !bill.overdue);
  const nextDueDate = upcoming.reduce<string | null>(
    (first, bill) => (first === null || bill.dueDate < first ? bill.dueDate : first),
    null,
  );
  return {
    employer: { id: employer.id, name: employer.name, creditCode: employer.creditCode },
    asOf: today,
    bills: bills,
    owedFen: bills.reduce((sum, bill) => sum + bill.owedFen, 0),
    overdueFen: bills.filter((bill) => bill.overdue).reduce((sum, bill) => sum + bill.owedFen, 0),
    nextDue:
      nextDueDate === null
        ? null
        : {
            dueDate: nextDueDate,
            owedFen: upcoming
              .filter((bill) => bill.dueDate === nextDueDate)
              .reduce((sum, bill) => sum + bill.owedFen, 0),
          },
    // Held credit is already taken off: paying totalFen today clears everything (payments/quote-payment.ts).
    dueToday: { owedFen: quote.billsFen, lateFeeFen: quote.lateFeesFen, totalFen: quote.amountFen },
    howToPay: {
      collectionAccount: collectionAccount(book, employer.regionCode, period),
      // The bank-statement import matches a transfer to its payer by the payer code column, which for an
      // employer is its unified social credit code (bank-statements/resolve-payer-codes.ts).
      reference: employer.creditCode,
    },
    toDo: {
      monthToDeclare: declared ? null : period,
      cycleStart: cycle.start,
      staffWithoutBase,
      overdueBills: bills.filter((bill) => bill.overdue).length,
    },
  };
}

/** The region's collection account (policy parameter collection.bankAccount), when it is published. */
function collectionAccount(
  book: PolicyBook,
  regionCode: string,
  period: string,
): EmployerSummary['howToPay']['collectionAccount'] {
  const value = book.find('collection.bankAccount', { regionCode, period })?.value;
  if (typeof value !== 'object' || value === null) return null;
  const { bank, accountName, accountNo } = value as Record<string, unknown>;
  if (typeof bank !== 'string' || typeof accountName !== 'string' || typeof accountNo !== 'string')
    return null;
  return { bank, accountName, accountNo };
}

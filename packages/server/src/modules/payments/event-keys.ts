/** The journal's event keys of payments' postings: a key names one event, so it is posted once. */

/**
 * The journal event of held money applied to a bill. A payment's held money pays a bill at most once,
 * unless a reversal of another payment reopened the bill since: the number of reversals that touched the
 * bill then makes the event new (`apply-credit:<payment>:<bill>:<n>`).
 */
export function applyCreditEventKey(paymentNo: string, billNo: string, reopenedTimes: number): string {
  const base = `apply-credit:${paymentNo}:${billNo}`;
  return reopenedTimes === 0 ? base : `${base}:${reopenedTimes}`;
}

/**
 * The journal event of a bill's personal-account credit: `account-credit:<bill>` the first time; when a
 * payment reversal took an earlier credit back and the bill is paid in full again, the credit is a new
 * event, numbered after the take-backs (`account-credit:<bill>:2`, `:3`, …).
 */
export function accountCreditEventKey(billNo: string, takenBackTimes: number): string {
  return takenBackTimes === 0 ? `account-credit:${billNo}` : `account-credit:${billNo}:${takenBackTimes + 1}`;
}

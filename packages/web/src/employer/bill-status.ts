/** Whether a bill is paid, partly paid or owed, from its amounts. */
export function billStatus(bill: { totalFen: number; paidFen: number }): 'paid' | 'partly' | 'owed' {
  if (bill.paidFen >= bill.totalFen) return 'paid';
  return bill.paidFen > 0 ? 'partly' : 'owed';
}

const KNOWN_KINDS = new Set(['regular', 'settlement', 'adjustment', 'late_fee']);

/** The i18n key of a bill kind; an unknown kind is shown as it is. */
export function billKindKey(kind: string): `employerPages.bills.kinds.${'regular'}` | null {
  return KNOWN_KINDS.has(kind)
    ? (`employerPages.bills.kinds.${kind}` as `employerPages.bills.kinds.regular`)
    : null;
}

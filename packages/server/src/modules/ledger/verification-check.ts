/** One check of the ledger's verification (the balances, the journal chain), as the report lists it. */
export interface VerificationCheck {
  /** A stable code, so readers can name the check in their own language. */
  code: string;
  /** The fund a per-fund check is about. */
  fund?: string;
  name: string;
  ok: boolean;
  /** Up to a few examples of what is off, written for a person. */
  discrepancies: string[];
}

/**
 * The stable names of the reasons a problem can give beside its code (`detailCode` in the problem, with
 * `params` for the values the sentence names). Clients translate these instead of the English `detail`;
 * the web app has a sentence for each in both languages (its test reads this list). Add, never rename.
 */
export const DETAIL_CODES = [
  'csrf-token-mismatch',
  'login-required',
  'token-invalid',
  'token-read-only',
  'role-required',
  'not-own-record',
  'not-own-employer',
  'region-outside',
  'wrong-credentials',
  'account-locked',
  'login-throttled',
  'needs-second-person',
  'approval-decided',
  'approval-needs-role',
  'idempotency-key-reused',
  'bank-reference-twice',
  'bank-reference-recorded',
  'no-flexible-enrolment',
  'only-flexible-pays',
  'correction-needs-approval',
  'no-contributions',
  'no-route',
  'token-roles-beyond-issuer',
  'document-type',
  'document-empty',
  'document-too-large',
  'document-content-mismatch',
  'application-state',
  'not-an-employee',
  'early-retirement-notice',
  'late-retirement-notice',
  'pension-claim-open',
  'claim-not-eligible',
  'award-version-changed',
  'correction-pending',
  'no-correction-pending',
  'adjustment-applied',
] as const;

export type DetailCode = (typeof DETAIL_CODES)[number];

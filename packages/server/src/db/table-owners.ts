/**
 * Which module owns each table (docs/ARCHITECTURE.md, "Tables and their owners"): only its repository
 * files query it, and every other module asks the owner through its index.ts. testing/table-owners.test.ts
 * enforces this.
 */
export const TABLE_OWNERS = {
  regions: 'regions',
  policy_parameters: 'policy',
  employers: 'registration',
  persons: 'registration',
  employments: 'registration',
  contribution_bases: 'registration',
  flexible_enrolments: 'registration',
  declarations: 'registration',
  collection_runs: 'collection',
  collection_jobs: 'collection',
  bills: 'collection',
  bill_estimates: 'collection',
  contribution_lines: 'collection',
  payments: 'payments',
  payment_allocations: 'payments',
  late_fee_lines: 'payments',
  bill_offsets: 'payments',
  payment_reversals: 'payments',
  allocation_reversals: 'payments',
  account_credit_reversals: 'payments',
  deferrals: 'deferrals',
  journal_transactions: 'ledger',
  journal_entries: 'ledger',
  journal_chain_heads: 'ledger',
  personal_account_entries: 'accounts',
  person_year_summaries: 'rights-record',
  idempotency_keys: 'idempotency',
  bank_statement_imports: 'bank-statements',
  bank_statement_rows: 'bank-statements',
  access_log: 'access-log',
  statements: 'statements',
  signing_keys: 'statements',
  users: 'auth',
  sessions: 'auth',
  api_tokens: 'auth',
  login_throttles: 'auth',
  account_notices: 'auth',
  approvals: 'approvals',
  benefit_applications: 'benefits',
  injury_appraisals: 'benefits',
  injury_stoppage_periods: 'benefits',
  application_events: 'benefits',
  application_documents: 'benefits',
  benefit_awards: 'benefits',
  record_corrections: 'benefits',
  record_correction_adjustments: 'benefits',
  benefit_roll: 'payroll',
  unemployment_medical_premiums: 'payroll',
  payroll_runs: 'payroll',
  payroll_lines: 'payroll',
  payment_adjustments: 'payroll',
  one_time_payments: 'payroll',
  payroll_bank_files: 'payroll',
  payroll_bank_returns: 'payroll',
  payroll_returned_lines: 'payroll',
  recovery_claims: 'payroll',
  employer_advance_claims: 'payroll',
  employer_advance_repayments: 'payroll',
  survival_verifications: 'survival',
  death_reports: 'survival',
  retirement_invitations: 'benefits',
  pension_adjustment_policies: 'pension-adjustments',
  pension_adjustment_history: 'pension-adjustments',
  social_security_cards: 'cards',
  card_events: 'cards',
  card_production_batches: 'cards',
  card_bank_returns: 'cards',
  card_number_sequences: 'cards',
  card_payment_choices: 'cards',
  medical_institutions: 'medical',
  medical_agreements: 'medical',
  medical_agreement_events: 'medical',
  medical_resident_enrolments: 'medical',
  medical_year_totals: 'medical',
  medical_claims: 'medical',
  medical_claim_items: 'medical',
  medical_claim_cancellations: 'medical',
  medical_statements: 'medical',
  medical_review_flags: 'medical',
  medical_findings: 'medical',
  notice_contacts: 'notifications',
  notices: 'notifications',
  notice_deliveries: 'notifications',
  notice_fanouts: 'notifications',
  notice_attempts: 'notifications',
  notice_runs: 'notifications',
} as const;

export type TableName = keyof typeof TABLE_OWNERS;

/**
 * Read models: modules whose use cases are reports over other modules' rows (a person's record, an
 * employer's inquiry pages, the arrears list, the ledger's cross-checks). They read those tables in their
 * own repository files, in one query where the report needs a join, and never write them.
 */
export const TABLE_READERS: Readonly<Record<string, readonly TableName[]>> = {
  // A person's record in two compiled statements (the hot path): their person row, the employers they
  // worked for and their bills, the lines of the year by the person index, the account entries.
  'rights-record': [
    'persons',
    'employments',
    'employers',
    'bills',
    'contribution_lines',
    'personal_account_entries',
  ],
  // The outbox's notices of contribution months (notifications/contribution-notices.repository.ts): every
  // person on a bill just paid, or on one past its due date unpaid, told in one INSERT ... SELECT.
  notifications: ['bills', 'contribution_lines', 'employers'],
  // An employer's bills and payments, a page at a time, and its arrears with the late fee running.
  'employer-inquiry': ['bills', 'payments'],
  // The month's lines of an employer's bills, summed per employee in one query (SIL Art. 60).
  'employer-notices': ['bills', 'contribution_lines'],
  // Overdue bills over a whole region (a province), grouped by payer in one query.
  arrears: ['bills'],
  // The ledger's cross-checks (cross-checks.repository.ts): whole-table audits that join bills with their
  // lines, late fees, allocations, offsets and reversals, and the totals the balances are compared with.
  ledger: [
    'bills',
    'contribution_lines',
    'late_fee_lines',
    'payments',
    'payment_allocations',
    'allocation_reversals',
    'bill_offsets',
    'payment_reversals',
    'personal_account_entries',
    // The benefit side: the payroll lines' draws on the personal accounts and what is still owed to payees,
    // per fund, against the benefit postings (docs/RULES.md 14.17).
    'payroll_lines',
    'payroll_bank_files',
    'payroll_runs',
    'benefit_roll',
    'recovery_claims',
    'one_time_payments',
    'unemployment_medical_premiums',
    // What employers owe back of the benefits advanced for them (docs/RULES.md 15.22).
    'employer_advance_claims',
    'employer_advance_repayments',
    // What the medical funds owe designated institutions and what findings recover (docs/RULES.md 16.6).
    'medical_claims',
    'medical_claim_cancellations',
    'medical_statements',
    'medical_findings',
  ],
  // bills.paid_fen is kept from payments' allocations, their reversals and credit offsets in one
  // set-based UPDATE per chunk of bills (collection/payable-bills.repository.ts, refreshPaidAmounts), on
  // the hot path of recording payments; collection reads these, payments writes them.
  collection: ['payment_allocations', 'allocation_reversals', 'bill_offsets'],
  // A bill paid in full credits its lines' personal-account parts with one INSERT ... SELECT from
  // contribution_lines (accounts/account-credits.repository.ts): a million lines never leave the database.
  accounts: ['contribution_lines'],
  // The region's pensioners due for survival verification (docs/RULES.md 14.9): their pension awards and
  // names, a page of awards at a time with the latest verification and any standing death report, in one
  // query, so a region of a million pensioners is not asked for person by person.
  survival: ['benefit_awards', 'persons'],
  // The maternity allowance's base: an employer's average monthly wage of a year, one aggregate over its
  // bills and their lines (docs/RULES.md 15.19), where asking collection month by month would read them all.
  benefits: ['bills', 'contribution_lines'],
  // Real-time settlement (docs/RULES.md 16.4): whether each patient of a batch of claims is covered on the
  // day of the visit, from their person row, their pension award, a confirmed death, their medical months
  // around the visit with each bill's standing, their employments and their medical years; one set query
  // per kind of fact for the whole batch, where asking each owner patient by patient would cost the
  // settlement its speed.
  medical: [
    'persons',
    'benefit_awards',
    'death_reports',
    'contribution_lines',
    'bills',
    'employments',
    'person_year_summaries',
  ],
};

import type { Generated, Insertable, Selectable } from 'kysely';
import type { Fund, LineColumnValues } from '@shebao/domain';

/**
 * Kysely table types. Column names are snake_case, as in the database; repositories map rows to
 * the camelCase domain objects. Periods are text 'YYYY-MM', dates 'YYYY-MM-DD', timestamps ISO 8601
 * text, so both dialects store and return them the same way.
 */
export interface Database {
  regions: RegionsTable;
  policy_parameters: PolicyParametersTable;
  employers: EmployersTable;
  persons: PersonsTable;
  employments: EmploymentsTable;
  contribution_bases: ContributionBasesTable;
  flexible_enrolments: FlexibleEnrolmentsTable;
  declarations: DeclarationsTable;
  collection_runs: CollectionRunsTable;
  bills: BillsTable;
  contribution_lines: ContributionLinesTable;
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  late_fee_lines: LateFeeLinesTable;
  deferrals: DeferralsTable;
  journal_transactions: JournalTransactionsTable;
  journal_entries: JournalEntriesTable;
  journal_chain_heads: JournalChainHeadsTable;
  personal_account_entries: PersonalAccountEntriesTable;
  person_year_summaries: PersonYearSummariesTable;
  idempotency_keys: IdempotencyKeysTable;
  bank_statement_imports: BankStatementImportsTable;
  bank_statement_rows: BankStatementRowsTable;
  bill_estimates: BillEstimatesTable;
  bill_offsets: BillOffsetsTable;
  access_log: AccessLogTable;
  statements: StatementsTable;
  signing_keys: SigningKeysTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttles: LoginThrottlesTable;
  account_notices: AccountNoticesTable;
  notice_contacts: NoticeContactsTable;
  notices: NoticesTable;
  notice_deliveries: NoticeDeliveriesTable;
  notice_fanouts: NoticeFanoutsTable;
  notice_attempts: NoticeAttemptsTable;
  notice_runs: NoticeRunsTable;
  approvals: ApprovalsTable;
  payment_reversals: PaymentReversalsTable;
  allocation_reversals: AllocationReversalsTable;
  account_credit_reversals: AccountCreditReversalsTable;
  collection_jobs: CollectionJobsTable;
  benefit_applications: BenefitApplicationsTable;
  application_events: ApplicationEventsTable;
  application_documents: ApplicationDocumentsTable;
  benefit_awards: BenefitAwardsTable;
  record_corrections: RecordCorrectionsTable;
  record_correction_adjustments: RecordCorrectionAdjustmentsTable;
  benefit_roll: BenefitRollTable;
  injury_appraisals: InjuryAppraisalsTable;
  injury_stoppage_periods: InjuryStoppagePeriodsTable;
  unemployment_medical_premiums: UnemploymentMedicalPremiumsTable;
  payroll_runs: PayrollRunsTable;
  payroll_lines: PayrollLinesTable;
  payment_adjustments: PaymentAdjustmentsTable;
  one_time_payments: OneTimePaymentsTable;
  payroll_bank_files: PayrollBankFilesTable;
  payroll_bank_returns: PayrollBankReturnsTable;
  payroll_returned_lines: PayrollReturnedLinesTable;
  recovery_claims: RecoveryClaimsTable;
  employer_advance_claims: EmployerAdvanceClaimsTable;
  employer_advance_repayments: EmployerAdvanceRepaymentsTable;
  survival_verifications: SurvivalVerificationsTable;
  death_reports: DeathReportsTable;
  retirement_invitations: RetirementInvitationsTable;
  pension_adjustment_policies: PensionAdjustmentPoliciesTable;
  pension_adjustment_history: PensionAdjustmentHistoryTable;
  medical_institutions: MedicalInstitutionsTable;
  medical_agreements: MedicalAgreementsTable;
  medical_agreement_events: MedicalAgreementEventsTable;
  medical_resident_enrolments: MedicalResidentEnrolmentsTable;
  medical_year_totals: MedicalYearTotalsTable;
  medical_claims: MedicalClaimsTable;
  medical_claim_items: MedicalClaimItemsTable;
  medical_claim_cancellations: MedicalClaimCancellationsTable;
  medical_statements: MedicalStatementsTable;
  medical_review_flags: MedicalReviewFlagsTable;
  medical_findings: MedicalFindingsTable;
  social_security_cards: SocialSecurityCardsTable;
  card_events: CardEventsTable;
  card_production_batches: CardProductionBatchesTable;
  card_bank_returns: CardBankReturnsTable;
  card_number_sequences: CardNumberSequencesTable;
  card_payment_choices: CardPaymentChoicesTable;
}

export type RegionLevel = 'national' | 'province' | 'prefecture' | 'county';

/** Administrative divisions by GB/T 2260 code; parameter lookups fall back along parent_code. */
export interface RegionsTable {
  /** Six digits, e.g. "110105". */
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
}

/**
 * One version of one policy parameter (rate, floor, ceiling, average wage, ...). Append-only: a
 * change is a new row with the next version; rows are never updated or deleted.
 * A null dimension (insurance, party, category) means "applies to all".
 */
export interface PolicyParametersTable {
  id: Generated<number>;
  name: string;
  region_code: string;
  insurance: string | null;
  party: string | null;
  category: string | null;
  /** First month in force, 'YYYY-MM'. */
  valid_from: string;
  /** Last month in force (inclusive), 'YYYY-MM'; null while open-ended. */
  valid_to: string | null;
  /** JSON text of the value: an integer (fen, ppm), a string, an array or an object. */
  value_json: string;
  /** The document that sets it, e.g. "京人社发〔2024〕12号". */
  source: string;
  /** 1, 2, ... within (name, region, dimensions, valid_from). */
  version: number;
  recorded_at: string;
  recorded_by: string;
  approved_by: string | null;
}

export type Region = Selectable<RegionsTable>;
export type NewRegion = Insertable<RegionsTable>;
export type PolicyParameterRow = Selectable<PolicyParametersTable>;
export type NewPolicyParameterRow = Insertable<PolicyParametersTable>;

export interface EmployersTable {
  id: Generated<number>;
  /** Unified social credit code (GB 32100), validated on registration. */
  credit_code: string;
  name: string;
  region_code: string;
  /** Work-injury industry risk class 1-8 (RSB-2015-71). */
  industry_class: number;
  /** Floating factor on the class rate, 1000000 = 100%. */
  injury_float_ppm: number;
  bank_account: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  established_on: string;
  registered_on: string;
  recorded_at: string;
}

export interface PersonsTable {
  id: Generated<number>;
  /** Resident identity number = social security number (SIL Art. 58). */
  id_number: string;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  hukou_region_code: string;
  hukou_type: 'urban' | 'rural';
  category: 'employee' | 'flexible' | 'resident';
  /** The pooling region the person is insured in now. */
  region_code: string;
  registered_on: string;
  recorded_at: string;
}

export type HireReason = 'new_hire' | 'transfer_in';
export type LeaveReason = 'resignation' | 'dismissal' | 'transfer_out' | 'retirement' | 'death';

export interface EmploymentsTable {
  id: Generated<number>;
  person_id: number;
  employer_id: number;
  region_code: string;
  hired_on: string;
  hire_reason: HireReason;
  left_on: string | null;
  leave_reason: LeaveReason | null;
  registered_on: string;
  /** The day the end was reported to the agency (SIL Art. 50's 15 days); null when not known. */
  leave_reported_on: Generated<string | null>;
  recorded_at: string;
}

export interface ContributionBasesTable {
  id: Generated<number>;
  person_id: number;
  employer_id: number;
  region_code: string;
  /** First month of the contribution year the base is declared for (July or January). */
  cycle_start: string;
  /** The declared wage before clamping; the calculator clamps it per insurance. */
  declared_fen: number;
  source: 'yearly' | 'new_hire' | 'correction';
  version: number;
  declared_on: string;
  recorded_at: string;
}

export interface FlexibleEnrolmentsTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  base_fen: number;
  /** The chosen grade as a share of the average wage, 600000 = 60%. */
  grade_ppm: number;
  payment_method: 'withholding' | 'self';
  bank_account: string | null;
  agreement_no: string | null;
  start_period: string;
  end_period: string | null;
  enrolled_on: string;
  recorded_at: string;
}

export interface DeclarationsTable {
  employer_id: number;
  period: string;
  declared_on: string;
  recorded_at: string;
}

export interface CollectionRunsTable {
  id: Generated<number>;
  region_code: string;
  period: string;
  status: 'running' | 'done';
  payers: Generated<number>;
  person_months: Generated<number>;
  bills: Generated<number>;
  started_at: string;
  finished_at: string | null;
}

export type BillKind = 'regular' | 'settlement' | 'adjustment' | 'late_fee';

export interface BillsTable {
  id: Generated<number>;
  bill_no: string;
  region_code: string;
  period: string;
  payer_key: string;
  employer_id: number | null;
  person_id: number | null;
  kind: BillKind;
  /** 1 when assessed at 110% of the previous month for want of a declaration (SIL Art. 62). */
  estimated: Generated<number>;
  due_date: string;
  employer_fen: number;
  employee_fen: number;
  total_fen: number;
  pension_fen: number;
  medical_fen: number;
  unemployment_fen: number;
  work_injury_fen: number;
  paid_fen: Generated<number>;
  run_id: number | null;
  recorded_at: string;
}

/**
 * A contribution line: one person-month of one bill. Its per-insurance columns (the bases, what each party
 * pays for each insurance, the personal-account parts) are the domain's catalogue, INSURANCE_COLUMNS.
 */
export interface ContributionLinesTable extends LineColumnValues {
  id: Generated<number>;
  bill_id: number;
  person_id: number | null;
  region_code: string;
  period: string;
}

export interface PaymentsTable {
  id: Generated<number>;
  payment_no: string;
  bank_reference: string | null;
  payer_key: string | null;
  amount_fen: number;
  /** What is left after paying bills: the payer's credit. */
  unapplied_fen: number;
  paid_on: string;
  channel: 'api' | 'cli' | 'bank' | 'demo';
  recorded_at: string;
}

export interface PaymentAllocationsTable {
  id: Generated<number>;
  payment_id: number;
  bill_id: number;
  amount_fen: number;
  pension_fen: number;
  medical_fen: number;
  unemployment_fen: number;
  work_injury_fen: number;
  recorded_at: string;
}

export interface LateFeeLinesTable {
  id: Generated<number>;
  bill_id: number;
  source_bill_id: number;
  payment_id: number;
  principal_fen: number;
  from_date: string;
  to_date: string;
  days: number;
  daily_rate_ppm: number;
  fee_fen: number;
}

export interface DeferralsTable {
  id: Generated<number>;
  payer_key: string;
  from_date: string;
  to_date: string;
  reason: string;
  approved_by: string;
  recorded_at: string;
}

export type LedgerFund =
  'pension' | 'medical' | 'unemployment' | 'work_injury' | 'residents_medical' | 'collection';

export interface JournalTransactionsTable {
  id: Generated<number>;
  fund: LedgerFund;
  kind: string;
  event_key: string;
  reverses_id: number | null;
  business_date: string;
  recorded_at: string;
  /** The hash chain (docs/RULES.md 8.8); null only on rows written before it. */
  prev_hash: string | null;
  hash: string | null;
}

/** Per fund, the last transaction of its hash chain; posting locks and moves it. */
export interface JournalChainHeadsTable {
  fund: LedgerFund;
  head_transaction_id: number | null;
  head_hash: string;
}

export interface JournalEntriesTable {
  id: Generated<number>;
  transaction_id: number;
  fund: LedgerFund;
  account: string;
  side: 'debit' | 'credit';
  amount_fen: number;
  region_code: string;
}

/**
 * Derived, kept by a trigger (migration 0012, migrations/person-year-summaries.ts): per person and year, a
 * 12-bit mask per insurance of the months with a positive net amount (bit 0 = January), the same for the
 * month's total. What the rights record's cumulative contribution months read instead of ten years of
 * lines.
 */
export interface PersonYearSummariesTable {
  person_id: number;
  year: number;
  pension_months: number;
  medical_months: number;
  maternity_months: number;
  unemployment_months: number;
  work_injury_months: number;
  contributed_months: number;
}

export interface PersonalAccountEntriesTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  kind: 'contribution' | 'interest' | 'reversal' | 'medical-spending' | 'medical-refund' | 'retiree-credit';
  period: string;
  bill_id: number | null;
  pension_fen: number;
  medical_fen: number;
  transaction_id: number | null;
  /** The claim a medical-account spending or refund belongs to (migration 0030). */
  medical_claim_id: Generated<number | null>;
}

export interface IdempotencyKeysTable {
  key: string;
  scope: string;
  request_hash: string;
  response_json: string;
  recorded_at: string;
}

export interface BankStatementImportsTable {
  id: Generated<number>;
  file_name: string;
  file_hash: string;
  rows_total: number;
  rows_matched: number;
  rows_unmatched: number;
  rows_invalid: number;
  recorded_at: string;
}

export interface BankStatementRowsTable {
  id: Generated<number>;
  import_id: number;
  line_no: number;
  bank_reference: string | null;
  payer_code: string | null;
  payer_name: string | null;
  amount_fen: number | null;
  paid_on: string | null;
  status: 'matched' | 'unmatched' | 'invalid' | 'resolved';
  reason: string | null;
  /** The same reasons as codes with their values, JSON (migration 0017); null before then. */
  reasons: string | null;
  payment_id: number | null;
}

/** Why an estimated bill (SIL Art. 62) is what it is: its basis and rate. */
export interface BillEstimatesTable {
  bill_id: number;
  method: 'previous-month' | 'headcount';
  basis_period: string | null;
  basis_total_fen: number;
  headcount: number;
  rate_ppm: number;
  recorded_at: string;
}

/** A credit bill set against what the same payer owes, fund by fund (append-only). */
export interface BillOffsetsTable {
  id: Generated<number>;
  credit_bill_id: number;
  bill_id: number;
  amount_fen: number;
  pension_fen: number;
  medical_fen: number;
  unemployment_fen: number;
  work_injury_fen: number;
  recorded_at: string;
}

/** One read of a person's record by someone else (append-only). */
export interface AccessLogTable {
  id: Generated<number>;
  person_id: number;
  accessed_at: string;
  actor_kind: 'staff' | 'employer' | 'system';
  actor_id: string;
  actor_label: string;
  what: string;
  route: string;
  request_id: string | null;
}

export type StatementKind = 'rights_statement' | 'contribution_certificate';

/** A signed statement as issued: the canonical JSON certified, its Ed25519 signature, its code. */
export interface StatementsTable {
  id: Generated<number>;
  code: string;
  kind: StatementKind;
  person_id: number;
  period_from: string;
  period_to: string;
  payload_json: string;
  /** Base64url Ed25519 signature over the UTF-8 bytes of payload_json. */
  signature: string;
  /** Which signing key: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
  key_id: string;
  issued_at: string;
}

/** The public half of every statement signing key the agency has used; verification finds keys here by id. */
export interface SigningKeysTable {
  key_id: string;
  public_key_pem: string;
  added_at: string;
  /** When a rotation replaced it; its statements still verify. */
  retired_at: string | null;
}

export type UserKind = 'person' | 'employer' | 'staff' | 'system';

/** An account: an insured person, an employer's user, agency staff, or another system (tokens only). */
export interface UsersTable {
  id: Generated<number>;
  kind: UserKind;
  login_key: string;
  user_name: string | null;
  display_name: string;
  person_id: number | null;
  employer_id: number | null;
  /** An institution's own account (role institution_user) acts for this institution only. */
  institution_id: number | null;
  /** argon2id PHC string. */
  password_hash: string | null;
  roles_json: string;
  region_codes_json: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  disabled: Generated<number>;
  created_at: string;
  created_by: string;
}

/** A web session; only the SHA-256 of the cookie value is stored. */
export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  name: string;
  scope: 'read' | 'write';
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  /** The staff member who issued it through the API; null when issued on the command line (or legacy). */
  created_by: number | null;
  created_via: Generated<'api' | 'cli' | 'legacy'>;
  /** Who revoked it: a login key, 'cli' or 'migration 0013'. */
  revoked_by: string | null;
}

/** Failed logins per submitted login name or client address (docs/RULES.md 9.7). */
export interface LoginThrottlesTable {
  key: string;
  failures: number;
  last_failure_at: string;
  next_allowed_at: string;
}

/** What an account holder is told about their account, e.g. repeated failed logins. */
export interface AccountNoticesTable {
  id: Generated<number>;
  user_id: number;
  kind: 'failed_logins';
  detail: string;
  created_at: string;
}

/** A sensitive change proposed by one staff member and decided by another. */
export interface ApprovalsTable {
  id: Generated<number>;
  kind: string;
  region_code: string;
  payload_json: string;
  summary: string;
  status: 'pending' | 'approved' | 'rejected';
  proposed_by: number;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  result_json: string | null;
}

/** A payment recorded in error, reversed once a second staff member approved (append-only, one per payment). */
export interface PaymentReversalsTable {
  id: Generated<number>;
  reversal_no: string;
  payment_id: number;
  payer_key: string;
  amount_fen: number;
  unapplied_removed_fen: number;
  late_fee_credit_bill_id: number | null;
  reason: string;
  approval_id: number | null;
  proposed_by: string;
  approved_by: string;
  reversed_on: string;
  recorded_at: string;
}

/** One allocation of a reversed payment taken back whole (append-only). */
export interface AllocationReversalsTable {
  id: Generated<number>;
  reversal_id: number;
  allocation_id: number;
  payment_id: number;
  bill_id: number;
  amount_fen: number;
  pension_fen: number;
  medical_fen: number;
  unemployment_fen: number;
  work_injury_fen: number;
  recorded_at: string;
}

/** Personal-account credits of a bill taken back because a reversal left it no longer paid in full. */
export interface AccountCreditReversalsTable {
  id: Generated<number>;
  reversal_id: number;
  bill_id: number;
  pension_fen: number;
  medical_fen: number;
  recorded_at: string;
}

export type CollectionJobStatus = 'running' | 'done' | 'failed' | 'interrupted';

/** A month's collection run started in the background of the server process, with its progress. */
export interface CollectionJobsTable {
  id: Generated<number>;
  region_code: string;
  period: string;
  status: CollectionJobStatus;
  payers_done: Generated<number>;
  payers_total: number | null;
  person_months: Generated<number>;
  bills: Generated<number>;
  total_fen: Generated<number>;
  run_id: number | null;
  error: string | null;
  started_by: number;
  started_at: string;
  /** Renewed while the job works; a running job whose heartbeat is old was cut off by a restart. */
  heartbeat_at: string;
  finished_at: string | null;
  /** The process working the job (JSON, see collection/job-owner.ts); null on jobs older than migration 0018. */
  owner: string | null;
}

export type ApplicationKind =
  'pension' | 'record-correction' | 'work-injury' | 'injury-benefits' | 'unemployment' | 'maternity';
export type ApplicationState = 'under-review' | 'awaiting-material' | 'proposed' | 'decided' | 'withdrawn';
export type ApplicationEventKind =
  | 'filed'
  | 'document-added'
  | 'material-requested'
  | 'material-received'
  | 'decision-proposed'
  | 'proposal-rejected'
  | 'decided'
  | 'withdrawn'
  | 'clock-changed'
  | 'appraisal-recorded'
  | 'stoppage-recorded'
  | 'reappraisal-requested';

/** A benefit application and its state now (migration 0019); what happened to it is in application_events. */
export interface BenefitApplicationsTable {
  id: Generated<number>;
  application_no: string;
  kind: ApplicationKind;
  person_id: number;
  employer_id: number | null;
  region_code: string;
  filed_by: 'person' | 'employer' | 'staff';
  filed_by_login: string;
  /** The facts claimed, JSON. */
  facts: string;
  state: ApplicationState;
  filed_on: string;
  clock_days: number;
  clock_unit: 'calendar-days' | 'working-days';
  clock_source: string;
  /** 'identified' decides a work-injury identification (docs/RULES.md 15.15). */
  decision: 'award' | 'refusal' | 'identified' | null;
  /** JSON: [{ code, message, source }]. */
  decision_reasons: string | null;
  decided_on: string | null;
  approval_id: number | null;
  recorded_at: string;
  updated_at: string;
}

/** What happened to an application, append-only. */
export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: number;
  kind: ApplicationEventKind;
  on_date: string;
  by_login: string;
  note: string | null;
  recorded_at: string;
}

/** A file attached to an application; the bytes are outside the database, named by their SHA-256. */
export interface ApplicationDocumentsTable {
  id: Generated<number>;
  application_id: number;
  kind: string;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  uploaded_by_login: string;
  recorded_at: string;
}

/** One version of a benefit award, append-only: a correction is the next version from a month on. */
export interface BenefitAwardsTable {
  id: Generated<number>;
  award_no: string;
  version: number;
  application_id: number;
  person_id: number;
  region_code: string;
  kind: ApplicationKind;
  monthly_fen: number;
  valid_from: string;
  payee_kind: 'bank' | 'card';
  payee_account: string;
  /** JSON: the calculator's explanation of every part. */
  explanation: string;
  reason: string;
  proposed_by: string;
  approved_by: string;
  approval_id: number | null;
  recorded_at: string;
  /** Contribution months the award counted (paid and deemed); null on awards recorded before 0022. */
  contribution_months: number | null;
}

/** A proposed correction of the record for an application (migration 0023); decided once. */
export interface RecordCorrectionsTable {
  id: Generated<number>;
  application_id: number;
  approval_id: number;
  status: 'proposed' | 'granted' | 'rejected';
  /** JSON: the changes to the register. */
  changes: string;
  /** JSON: [{ code, message, source }]. */
  reasons: string;
  /** JSON: [{ regionCode, employerId, fromPeriod, toPeriod }], the months to reassess. */
  months: string;
  proposed_by: string;
  proposed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reassessed_at: string | null;
}

/** An adjustment bill or credit a granted correction caused, with the person's part; append-only. */
export interface RecordCorrectionAdjustmentsTable {
  id: Generated<number>;
  correction_id: number;
  bill_no: string;
  period: string;
  employer_id: number;
  person_fen: number;
  bill_total_fen: number;
  recorded_at: string;
}

/** An invitation to claim the pension, or the shortfall told in time (docs/RULES.md 14.13); once per person and month. */
export interface RetirementInvitationsTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  retirement_month: string;
  retirement_group: 'male' | 'female-55' | 'female-50';
  kind: 'apply' | 'shortfall';
  contribution_months: number;
  min_contribution_months: number;
  shortfall_months: number;
  sent_in: string;
  sent_by: string;
  recorded_at: string;
}

/** A version of a region's yearly pension adjustment, written when approved (docs/RULES.md 14.11). */
export interface PensionAdjustmentPoliciesTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  version: number;
  effective_from: string;
  published_on: string;
  started_by: string;
  /** JSON: percentPpm, fixedFen, perYearFen, yearCounting, ageTilt, rounding. */
  parameters: string;
  source: string;
  proposed_by: string;
  approved_by: string;
  approval_id: number;
  recorded_at: string;
}

/** What a policy did to one award: before, increase, after, and why (JSON explanation). */
export interface PensionAdjustmentHistoryTable {
  id: Generated<number>;
  award_no: string;
  policy_id: number;
  award_version: number;
  from_period: string;
  before_fen: number;
  increase_fen: number;
  after_fen: number;
  explanation: string;
  recorded_at: string;
}

export type BenefitApplicationRow = Selectable<BenefitApplicationsTable>;
export type NewBenefitApplication = Insertable<BenefitApplicationsTable>;

/** An award in payment as the payroll sees it now (docs/RULES.md 14.14); the award's versions stay the record. */
export interface BenefitRollTable {
  id: Generated<number>;
  award_no: string;
  person_id: number;
  region_code: string;
  kind: string;
  /** The fund that pays the award: pensions the pension fund, the allowances theirs (docs/RULES.md 14.17). */
  fund: Generated<Fund>;
  payee_name: string;
  first_period: string;
  first_month_index: number;
  /** The latest version's amount and the month it runs from. */
  monthly_fen: number;
  monthly_from: string;
  monthly_version: number;
  /** What months before monthly_from are owed: the version in force the month before it. */
  prior_monthly_fen: number;
  account_part_fen: number;
  account_balance_fen: number;
  payee_kind: 'bank' | 'card';
  payee_account: string;
  bank_code: string;
  /** The last month survival verification allows to be paid (docs/RULES.md 14.6). */
  verified_through: string;
  /** The first month still owed from before the award's first run, paid back once, then null. */
  back_pay_from: string | null;
  /** The month of death (or other end): nothing is owed after it. */
  stopped_after: string | null;
  stop_reason: string | null;
  /** The employer the work-injury fund advances this award for (WIIR Art. 62; docs/RULES.md 15.22). */
  advanced_for_employer: number | null;
  updated_at: string;
}

export type PayrollRunStatus = 'running' | 'done' | 'failed' | 'interrupted';
export type PayrollRunStep = 'lines' | 'one-time' | 'bank-files' | 'done';

export interface PayrollRunsTable {
  id: Generated<number>;
  region_code: string;
  period: string;
  status: PayrollRunStatus;
  step: PayrollRunStep;
  cursor_id: Generated<number>;
  max_roll_id: Generated<number>;
  rolls_total: Generated<number>;
  rolls_done: Generated<number>;
  first_line_id: number | null;
  last_line_id: number | null;
  lines_paid: Generated<number>;
  lines_withheld: Generated<number>;
  paid_fen: Generated<number>;
  started_by: string;
  started_at: string;
  heartbeat_at: string;
  finished_at: string | null;
  error: string | null;
}

/** Owed: to be paid by its bank file (paid once that file is issued); returned by the bank; withheld while survival is not verified, released once back-paid. */
export type PayrollLineState = 'owed' | 'returned' | 'withheld' | 'released';

export interface PayrollLinesTable {
  id: Generated<number>;
  run_id: number;
  roll_id: number | null;
  one_time_id: number | null;
  period: string;
  kind: 'month' | 'one-time';
  due_fen: number;
  pooled_fen: number;
  account_fen: number;
  recovered_fen: Generated<number>;
  state: PayrollLineState;
  bank_file_id: number | null;
}

export interface PaymentAdjustmentsTable {
  id: Generated<number>;
  roll_id: number;
  for_period: string;
  pooled_fen: number;
  account_fen: number;
  reason: string;
  note: string;
  source_key: string;
  settled_line_id: number | null;
  recorded_at: string;
}

export type OneTimePaymentKind =
  | 'funeral-grant'
  | 'survivors-benefit'
  | 'account-inheritance'
  | 'injury-disability-subsidy'
  | 'injury-funeral'
  | 'injury-death-subsidy'
  | 'injury-medical'
  | 'maternity-allowance'
  | 'maternity-medical';

export interface OneTimePaymentsTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  kind: OneTimePaymentKind;
  /** The fund that pays it (pension for the pension's grants; docs/RULES.md 14.17). */
  fund: Generated<Fund>;
  payee_name: string;
  payee_account: string;
  bank_code: string;
  pooled_fen: number;
  account_fen: number;
  recovered_fen: number;
  recovers_claim_id: number | null;
  reason: string;
  /** JSON: the calculator's explanation. */
  explanation: string;
  source_key: string;
  approval_id: number | null;
  /** The employer the work-injury fund advances this payment for (docs/RULES.md 15.22). */
  advanced_for_employer: Generated<number | null>;
  recorded_at: string;
}

export interface PayrollBankFilesTable {
  id: Generated<number>;
  run_id: number;
  /** Each file leaves one fund's bank account. */
  fund: Generated<Fund>;
  bank_code: string;
  file_name: string;
  line_count: Generated<number>;
  total_fen: Generated<number>;
  /** Null until the file is issued. */
  sha256: string | null;
  issued_at: string | null;
}

export interface PayrollBankReturnsTable {
  id: Generated<number>;
  bank_file_id: number;
  sha256: string;
  rows_read: number;
  failed_count: number;
  failed_fen: number;
  imported_by: string;
  recorded_at: string;
}

export interface PayrollReturnedLinesTable {
  id: Generated<number>;
  return_id: number;
  line_id: number;
  bank_file_id: number;
  failed_account: string;
  reason: string;
  amount_fen: number;
}

/** Payments not owed (after a death), claimed back from the estate (docs/RULES.md 14.18). */
/** A claim on an employer for a payroll line the work-injury fund advanced for it (docs/RULES.md 15.22). */
export interface EmployerAdvanceClaimsTable {
  id: Generated<number>;
  employer_id: number;
  region_code: string;
  fund: 'work_injury';
  run_id: number;
  line_id: number;
  person_id: number;
  period: string;
  amount_fen: number;
  recorded_at: string;
}

/** What an employer repaid of the advances (docs/RULES.md 15.22). */
export interface EmployerAdvanceRepaymentsTable {
  id: Generated<number>;
  employer_id: number;
  region_code: string;
  fund: 'work_injury';
  amount_fen: number;
  received_on: string;
  bank_reference: string;
  recorded_by: string;
  recorded_at: string;
}

export interface RecoveryClaimsTable {
  id: Generated<number>;
  roll_id: number;
  person_id: number;
  region_code: string;
  pooled_fen: number;
  account_fen: number;
  reason: string;
  /** The months claimed, comma-separated. */
  months: string;
  source_key: string;
  recorded_at: string;
}

/** A survival verification (docs/RULES.md 14.9): append-only; one per award, day and method. */
export interface SurvivalVerificationsTable {
  id: Generated<number>;
  person_id: number;
  award_no: string;
  on_date: string;
  method: 'face-recognition' | 'counter' | 'data-match' | 'visit' | 'consulate';
  channel: 'person' | 'staff' | 'data-match';
  recorded_by: string;
  note: string | null;
  recorded_at: string;
}

export type DeathReportState = 'proposed' | 'confirmed' | 'rejected';

/** A death report (docs/RULES.md 14.10): proposed, then confirmed or rejected by a second officer. */
export interface DeathReportsTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  date_of_death: string;
  reported_by: 'relative' | 'data-match' | 'staff';
  reporter_name: string | null;
  state: DeathReportState;
  approval_id: number;
  /** JSON: the named heirs, each with identity number, relation, bank account and share. */
  heirs: string;
  /** JSON: who receives the funeral grant (an heir by index, or another person with an account). */
  funeral_payee: string;
  /** JSON array of SHA-256 hex, or null. */
  document_sha256: string | null;
  /** JSON: { funeralGrant, survivorsBenefit }, each an amount with its explanation, or null. */
  benefits: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

/** A labour-capability appraisal of an identified work injury (migration 0025; docs/RULES.md 15.16). */
/** A stoppage period with pay of an identified injury, or its extension (docs/RULES.md 15.23): append-only. */
export interface InjuryStoppagePeriodsTable {
  id: Generated<number>;
  application_id: number;
  kind: 'initial' | 'extension';
  starts_on: string;
  months: number;
  committee_ref: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface InjuryAppraisalsTable {
  id: Generated<number>;
  application_id: number;
  kind: 'initial' | 're-appraisal' | 'review';
  /** 1 (most severe) to 10; null when no grade was reached. */
  grade: number | null;
  nursing: 'none' | 'full' | 'most' | 'part';
  requested_on: string;
  concluded_on: string;
  /** The appraisal committee's reference of its conclusion. */
  committee_ref: string;
  recorded_by: string;
  recorded_at: string;
}

/** A month's medical premium the unemployment fund paid for a person on benefit (docs/RULES.md 15.21). */
export interface UnemploymentMedicalPremiumsTable {
  id: Generated<number>;
  /** The payroll line of the month's benefit. */
  line_id: number;
  run_id: number;
  person_id: number;
  region_code: string;
  period: string;
  base_fen: number;
  rate_ppm: number;
  premium_fen: number;
}

/** A designated medical institution or retail pharmacy (migration 0030; docs/RULES.md 16.1). */
export interface MedicalInstitutionsTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: 'hospital' | 'clinic' | 'pharmacy';
  /** 1, 2 or 3 for hospitals and clinics; null for a pharmacy. */
  level: number | null;
  category: string;
  region_code: string;
  address: string;
  created_by: string;
  created_at: string;
}

export type AgreementStatus = 'active' | 'suspended' | 'terminated';

/** A service agreement with its current standing; every change of standing is also an event. */
export interface MedicalAgreementsTable {
  id: Generated<number>;
  agreement_no: string;
  institution_id: number;
  valid_from: string;
  valid_to: string;
  scope_json: string;
  payment_days: number;
  status: AgreementStatus;
  status_from: string;
  status_until: string | null;
  status_reason: string | null;
  status_source: string | null;
  created_by: string;
  created_at: string;
}

export interface MedicalAgreementEventsTable {
  id: Generated<number>;
  agreement_id: number;
  status: AgreementStatus;
  status_from: string;
  status_until: string | null;
  reason: string;
  source: string | null;
  recorded_by: string;
  recorded_at: string;
}

export type CardStatusColumn =
  | 'applied'
  | 'approved'
  | 'refused'
  | 'sent_to_bank'
  | 'produced'
  | 'at_branch'
  | 'mailed'
  | 'active'
  | 'temporarily_lost'
  | 'lost'
  | 'damaged'
  | 'replaced'
  | 'cancelled';

/** A social security card from its application to its end (docs/RULES.md 18.2). */
export interface SocialSecurityCardsTable {
  id: Generated<number>;
  card_no: string | null;
  person_id: number;
  region_code: string;
  generation: number;
  status: CardStatusColumn;
  reason: 'first' | 'lost' | 'damaged' | 'upgrade';
  replaces_card_id: number | null;
  channel: 'online' | 'employer' | 'counter';
  employer_id: number | null;
  applied_by: string;
  applied_on: string;
  photo_sha256: string | null;
  photo_type: 'image/jpeg' | 'image/png' | null;
  clock_days: number;
  clock_unit: string;
  clock_source: string;
  due_on: string;
  fee_fen: number;
  fee_exemption: 'subsistence-allowance' | 'disability' | null;
  /** JSON: the fee's explanation. */
  fee_explanation: string;
  dispatch: 'branch' | 'mail';
  branch_name: string | null;
  mail_address: string | null;
  refusal_reason: string | null;
  batch_id: number | null;
  bank_code: string | null;
  bank_account_no: string | null;
  produced_on: string | null;
  collected_on: string | null;
  temporary_loss_until: string | null;
  recorded_at: string;
  updated_at: string;
}

/** What happened to a card, append-only. */
export interface CardEventsTable {
  id: Generated<number>;
  card_id: number;
  person_id: number;
  event: string;
  on_date: string;
  channel: string | null;
  /** JSON object of the event's facts. */
  detail: string;
  recorded_by: string;
  recorded_at: string;
}

/** A production batch sent to a card bank, its file kept by SHA-256. */
export interface CardProductionBatchesTable {
  id: Generated<number>;
  batch_no: string;
  region_code: string;
  bank_code: string;
  cards: number;
  file_name: string;
  file_sha256: string;
  created_by: string;
  created_at: string;
}

/** A card bank's return file, once per file (by SHA-256). */
export interface CardBankReturnsTable {
  id: Generated<number>;
  file_sha256: string;
  region_code: string;
  rows: number;
  produced: number;
  /** JSON: the import's result, replayed when the same file comes again. */
  result: string;
  imported_by: string;
  imported_at: string;
}

export interface CardNumberSequencesTable {
  letter: string;
  last_no: number;
}

/** The card a person chose for their pension and unemployment benefits to be paid to. */
export interface CardPaymentChoicesTable {
  person_id: number;
  card_id: number;
  chosen_on: string;
  chosen_by: string;
  recorded_at: string;
}

/** A resident's enrolment in the residents' medical scheme for a year, with its waiting period. */
export interface MedicalResidentEnrolmentsTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  year: number;
  paid_on: string;
  amount_fen: number;
  in_concentrated_period: number;
  gap_years: number;
  repaired_years: number;
  newborn: number;
  covered_from: string;
  explanation: string;
  recorded_by: string;
  recorded_at: string;
}

/** A person's running totals of a year: what the claims used of the deductibles and the caps. */
export interface MedicalYearTotalsTable {
  person_id: number;
  year: number;
  deductible_outpatient_fen: Generated<number>;
  deductible_inpatient_fen: Generated<number>;
  deductible_chronic_fen: Generated<number>;
  pooled_outpatient_fen: Generated<number>;
  pooled_inpatient_fen: Generated<number>;
  pooled_chronic_fen: Generated<number>;
  claims: Generated<number>;
}

/** A claim settled in real time; append-only (a cancellation is a row of its own). */
export interface MedicalClaimsTable {
  id: Generated<number>;
  claim_no: string;
  institution_id: number;
  person_id: number;
  account_person_id: number | null;
  region_code: string;
  ledger: 'medical' | 'residents_medical';
  idempotency_key: string;
  request_hash: string;
  kind: 'outpatient' | 'inpatient' | 'pharmacy' | 'chronic';
  visit_date: string;
  discharge_date: string | null;
  department: string | null;
  diagnosis: string | null;
  person_type: 'in-service' | 'retired' | 'resident';
  line: string | null;
  total_fen: number;
  not_covered_fen: number;
  part_self_pay_fen: number;
  policy_range_fen: number;
  deductible_fen: number;
  coinsurance_fen: number;
  over_cap_fen: number;
  pooled_fen: number;
  account_fen: number;
  cash_fen: number;
  explanation: string;
  settled_on: string;
  recorded_by: string;
  recorded_at: string;
}

export interface MedicalClaimItemsTable {
  claim_id: number;
  line_no: number;
  code: string;
  name: string;
  item_class: 'full' | 'part' | 'none';
  quantity: number;
  amount_fen: number;
  self_pay_share_ppm: number;
}

export interface MedicalClaimCancellationsTable {
  claim_id: number;
  cancelled_on: string;
  reason: string;
  recorded_by: string;
  recorded_at: string;
}

/** A month's statement with one institution in one medical fund, paid once (docs/RULES.md 16.6). */
export interface MedicalStatementsTable {
  id: Generated<number>;
  statement_no: string;
  institution_id: number;
  region_code: string;
  ledger: 'medical' | 'residents_medical';
  period: string;
  claims: number;
  pooled_fen: number;
  account_fen: number;
  cancelled: number;
  cancelled_fen: number;
  carried_in_fen: number;
  deducted_fen: number;
  paid_fen: number;
  carried_out_fen: number;
  due_on: string;
  paid_on: string;
  recorded_by: string;
  recorded_at: string;
}

export type ReviewRule =
  'same-item-twice' | 'split-hospitalisation' | 'after-death' | 'two-places' | 'above-norm';

/** A settled claim a supervision rule flagged, and the officer's review of it (docs/RULES.md 16.7). */
export interface MedicalReviewFlagsTable {
  id: Generated<number>;
  claim_id: number;
  institution_id: number;
  person_id: number;
  region_code: string;
  rule: ReviewRule;
  detail: string;
  flagged_on: string;
  status: 'open' | 'cleared' | 'finding';
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  finding_id: number | null;
}

/** A finding of a review with the penalty it proposes, applied when a second officer approves it. */
export interface MedicalFindingsTable {
  id: Generated<number>;
  finding_no: string;
  subject: 'institution' | 'person';
  institution_id: number | null;
  person_id: number | null;
  region_code: string;
  ledger: 'medical' | 'residents_medical';
  article: string;
  description: string;
  claims_json: string;
  loss_fen: number;
  multiple_ppm: number;
  fine_fen: number;
  suspension_months: number;
  suspended_from: string | null;
  suspended_until: string | null;
  terminate: number;
  explanation: string;
  status: 'proposed' | 'approved' | 'rejected';
  approval_id: number | null;
  proposed_by: string;
  proposed_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

/** A person's or an employer's contacts and choices for notices (docs/RULES.md 17.2). */
export interface NoticeContactsTable {
  recipient_kind: 'person' | 'employer';
  recipient_id: number;
  email: string | null;
  phone: string | null;
  email_enabled: number;
  sms_enabled: number;
  language: 'zh-CN' | 'en';
  monthly_details: number;
  updated_by: string;
  updated_at: string;
}

/** The outbox: a notice written in the transaction of the event it tells of (docs/RULES.md 17.1). */
export interface NoticesTable {
  id: Generated<number>;
  recipient_kind: 'person' | 'employer';
  recipient_id: number;
  region_code: string;
  kind: string;
  event_key: string;
  /** JSON object of the facts the templates fill in. */
  params: string;
  link: string | null;
  created_at: string;
  dispatched_at: string | null;
  read_at: string | null;
}

/** An event whose many notices the worker writes (docs/RULES.md 17.1). */
export interface NoticeFanoutsTable {
  id: Generated<number>;
  kind: 'credited-bills';
  payload: string;
  created_at: string;
  expanded_at: string | null;
}

export type NoticeChannel = 'email' | 'sms';
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface NoticeDeliveriesTable {
  id: Generated<number>;
  notice_id: number;
  channel: NoticeChannel;
  address: string;
  delivery_key: string;
  status: DeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

export interface NoticeAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempted_at: string;
  outcome: 'sent' | 'failed';
  detail: string | null;
}

export type NoticeRunKind = 'yearly-statement' | 'monthly-details' | 'unpaid-months';

export interface NoticeRunsTable {
  id: Generated<number>;
  kind: NoticeRunKind;
  region_code: string;
  period: string;
  status: 'running' | 'done' | 'failed';
  cursor_id: Generated<number>;
  total: number;
  done: Generated<number>;
  enqueued: Generated<number>;
  error: string | null;
  started_by: string;
  started_at: string;
  heartbeat_at: string;
  finished_at: string | null;
}

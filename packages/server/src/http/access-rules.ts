import type { FastifyRequest } from 'fastify';
import { ROLES, STAFF_ROLES, type Role } from '../modules/auth/index.ts';
import type { RouteAccess, Scope } from './access.ts';

/**
 * Who may do what, in one table you can read: role x resource x action x scope. Every /api route takes its
 * access from a row here (`accessTo`), docs/ARCHITECTURE.md prints the table ("Access rules", checked by
 * access-rules.test.ts), and route-table.test.ts checks every route against it and against the independent
 * authorization matrix.
 *
 * The scope says whose data an action is about, and so which check the request meets after it is
 * validated (http/access.ts `checkScope`):
 * - `public`: anyone, logged in or not;
 * - `self`: the caller's own account (who am I, my tokens); no other record is touched;
 * - `agency`: agency-wide oversight with no region in the request (the ledger, the approvals queue);
 * - `region`: a region named in the request; staff must cover it;
 * - `employer`: one employer; its own users, or staff covering its region;
 * - `person`: one person; that person, or staff covering their region;
 * - `payer`: an employer or a person, whichever the request names (bills, payments, base corrections);
 *   for staff, a region may stand in its place in a list;
 * - `institution`: one designated institution; its own accounts, or staff covering its region.
 */
export type AccessScope =
  'public' | 'self' | 'agency' | 'region' | 'employer' | 'person' | 'payer' | 'institution';

export interface AccessRule {
  readonly roles: 'public' | readonly Role[];
  readonly scope: AccessScope;
}

/**
 * Every agency role that reads records (the auditor reads everything and writes nothing); not the staff of
 * designated institutions, who see only what their claims need.
 */
const STAFF_READERS = STAFF_ROLES.filter((role) => role !== 'institution_user');
/** Registration, collection and payments are the collection officer's work (and the administrator's). */
const COLLECTION_WRITERS = ['admin', 'collection_officer'] as const satisfies readonly Role[];
/** Oversight reads: the ledger, approvals, unmatched bank lines. */
const OVERSIGHT_READERS = [
  'admin',
  'collection_officer',
  'inspector',
  'auditor',
] as const satisfies readonly Role[];
/** Who manages designated institutions, their agreements and the review of claims (docs/RULES.md 16.1). */
const MEDICAL_OFFICERS = ['admin', 'medical_officer'] as const satisfies readonly Role[];
/** Who reads the medical side: the officers, and oversight. */
const MEDICAL_READERS = [
  'admin',
  'medical_officer',
  'inspector',
  'auditor',
] as const satisfies readonly Role[];
/** Who reviews and decides benefit applications. */
const BENEFIT_OFFICERS = ['admin', 'benefits_officer'] as const satisfies readonly Role[];
/** Who watches the benefit queue: the officers, and oversight. */
const BENEFIT_READERS = [
  'admin',
  'benefits_officer',
  'inspector',
  'auditor',
] as const satisfies readonly Role[];
/** Staff who may issue a person's statement on their behalf (a write, so not the auditor). */
const STATEMENT_ISSUERS = STAFF_READERS.filter((role) => role !== 'auditor');

export const ACCESS_RULES = {
  service: {
    describe: { roles: 'public', scope: 'public' },
  },
  session: {
    open: { roles: 'public', scope: 'public' },
    read: { roles: ROLES, scope: 'self' },
    close: { roles: ROLES, scope: 'self' },
  },
  'api-tokens': {
    read: { roles: ['admin'], scope: 'self' },
    issue: { roles: ['admin'], scope: 'self' },
    revoke: { roles: ['admin'], scope: 'self' },
  },
  users: {
    create: { roles: ['admin'], scope: 'region' },
  },
  policy: {
    read: { roles: STAFF_READERS, scope: 'agency' },
    propose: { roles: ['admin'], scope: 'region' },
  },
  approvals: {
    read: { roles: OVERSIGHT_READERS, scope: 'agency' },
    decide: { roles: COLLECTION_WRITERS, scope: 'region' },
  },
  employers: {
    register: { roles: COLLECTION_WRITERS, scope: 'region' },
    list: { roles: STAFF_READERS, scope: 'region' },
    read: { roles: [...STAFF_READERS, 'employer_user'], scope: 'employer' },
  },
  'employer-staff': {
    read: { roles: [...STAFF_READERS, 'employer_user'], scope: 'employer' },
  },
  persons: {
    register: { roles: COLLECTION_WRITERS, scope: 'region' },
    list: { roles: STAFF_READERS, scope: 'region' },
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
  },
  employments: {
    change: { roles: [...COLLECTION_WRITERS, 'employer_user'], scope: 'employer' },
  },
  'flexible-enrolments': {
    enrol: { roles: [...COLLECTION_WRITERS, 'insured_person'], scope: 'person' },
  },
  'flexible-grade': {
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
    change: { roles: [...COLLECTION_WRITERS, 'insured_person'], scope: 'person' },
  },
  bases: {
    template: { roles: [...COLLECTION_WRITERS, 'employer_user'], scope: 'employer' },
    declare: { roles: [...COLLECTION_WRITERS, 'employer_user'], scope: 'employer' },
    read: { roles: [...STAFF_READERS, 'employer_user'], scope: 'employer' },
    correct: { roles: COLLECTION_WRITERS, scope: 'payer' },
  },
  declarations: {
    declare: { roles: [...COLLECTION_WRITERS, 'employer_user'], scope: 'employer' },
  },
  'collection-runs': {
    start: { roles: COLLECTION_WRITERS, scope: 'region' },
    read: { roles: STAFF_READERS, scope: 'region' },
  },
  bills: {
    read: { roles: [...STAFF_READERS, 'employer_user', 'insured_person'], scope: 'payer' },
  },
  payments: {
    record: { roles: COLLECTION_WRITERS, scope: 'payer' },
    read: { roles: [...STAFF_READERS, 'employer_user', 'insured_person'], scope: 'payer' },
    'list-region': { roles: STAFF_READERS, scope: 'region' },
    'pay-as-employer': { roles: ['employer_user'], scope: 'employer' },
    'pay-as-person': { roles: ['insured_person'], scope: 'person' },
    quote: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
    reverse: { roles: COLLECTION_WRITERS, scope: 'region' },
  },
  'bank-statements': {
    import: { roles: COLLECTION_WRITERS, scope: 'agency' },
    'read-unmatched': { roles: OVERSIGHT_READERS, scope: 'agency' },
    resolve: { roles: COLLECTION_WRITERS, scope: 'region' },
  },
  deferrals: {
    record: { roles: COLLECTION_WRITERS, scope: 'region' },
  },
  arrears: {
    'read-employer': { roles: [...STAFF_READERS, 'employer_user'], scope: 'employer' },
    'list-region': { roles: STAFF_READERS, scope: 'region' },
  },
  'employer-inquiry': {
    read: { roles: [...STAFF_READERS, 'employer_user'], scope: 'employer' },
  },
  ledger: {
    read: { roles: OVERSIGHT_READERS, scope: 'agency' },
  },
  'rights-record': {
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
  },
  'access-log': {
    read: { roles: ['insured_person', 'admin', 'auditor'], scope: 'person' },
  },
  'benefit-applications': {
    file: { roles: [...BENEFIT_OFFICERS, 'insured_person'], scope: 'person' },
    'file-for-employee': { roles: ['employer_user'], scope: 'employer' },
    'read-employer': { roles: [...STAFF_READERS, 'employer_user'], scope: 'employer' },
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
    'list-region': { roles: BENEFIT_READERS, scope: 'region' },
    attach: { roles: [...BENEFIT_OFFICERS, 'insured_person'], scope: 'person' },
    withdraw: { roles: [...BENEFIT_OFFICERS, 'insured_person'], scope: 'person' },
    // A party not satisfied with an injury's appraisal asks for another within 15 days (WIIR Art. 26).
    'request-reappraisal': { roles: [...BENEFIT_OFFICERS, 'insured_person'], scope: 'person' },
    review: { roles: BENEFIT_OFFICERS, scope: 'person' },
    'propose-award': { roles: BENEFIT_OFFICERS, scope: 'person' },
    'decide-award': { roles: BENEFIT_OFFICERS, scope: 'person' },
    // Granting a request to correct the record: the changes proposed, and the second officer's decision.
    'propose-grant': { roles: BENEFIT_OFFICERS, scope: 'person' },
    'decide-grant': { roles: BENEFIT_OFFICERS, scope: 'person' },
  },
  'benefit-awards': {
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
    'read-correction': { roles: BENEFIT_READERS, scope: 'person' },
    'propose-correction': { roles: BENEFIT_OFFICERS, scope: 'person' },
    'decide-correction': { roles: BENEFIT_OFFICERS, scope: 'person' },
    // Ending an unemployment benefit for a reason of SIL Art. 51 (a hire ends it by itself).
    stop: { roles: BENEFIT_OFFICERS, scope: 'person' },
  },
  'pension-forecast': {
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
  },
  'retirement-invitations': {
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
    run: { roles: BENEFIT_OFFICERS, scope: 'region' },
  },
  'pension-adjustments': {
    read: { roles: BENEFIT_READERS, scope: 'region' },
    propose: { roles: BENEFIT_OFFICERS, scope: 'region' },
    decide: { roles: BENEFIT_OFFICERS, scope: 'region' },
    apply: { roles: BENEFIT_OFFICERS, scope: 'region' },
  },
  payroll: {
    run: { roles: BENEFIT_OFFICERS, scope: 'region' },
    read: { roles: BENEFIT_READERS, scope: 'region' },
    'read-bank-file': { roles: BENEFIT_OFFICERS, scope: 'region' },
    'import-return': { roles: BENEFIT_OFFICERS, scope: 'region' },
  },
  // What the work-injury fund advanced for an uninsured employer (WIIR Art. 62): the employer sees what it
  // owes; officers record what it repays.
  'employer-advances': {
    read: { roles: [...BENEFIT_READERS, 'employer_user'], scope: 'employer' },
    'record-repayment': { roles: BENEFIT_OFFICERS, scope: 'employer' },
  },
  'pension-payments': {
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
  },
  'survival-verifications': {
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
    record: { roles: BENEFIT_OFFICERS, scope: 'person' },
    'verify-self': { roles: ['insured_person'], scope: 'person' },
    'list-due': { roles: BENEFIT_READERS, scope: 'region' },
  },
  'death-reports': {
    record: { roles: BENEFIT_OFFICERS, scope: 'person' },
    decide: { roles: BENEFIT_OFFICERS, scope: 'person' },
    read: { roles: STAFF_READERS, scope: 'person' },
    'list-region': { roles: BENEFIT_READERS, scope: 'region' },
  },
  statements: {
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
    issue: { roles: [...STATEMENT_ISSUERS, 'insured_person'], scope: 'person' },
  },
  // The social security card (docs/RULES.md 18.3): the person applies, follows, reports a loss, chooses the
  // card benefits are paid to and shows the electronic card; collection officers do the same at the
  // counter and decide, dispatch and run production; an employer applies for its new hires.
  cards: {
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
    apply: { roles: [...COLLECTION_WRITERS, 'insured_person'], scope: 'person' },
    decide: { roles: COLLECTION_WRITERS, scope: 'person' },
    dispatch: { roles: COLLECTION_WRITERS, scope: 'person' },
    collect: { roles: [...COLLECTION_WRITERS, 'insured_person'], scope: 'person' },
    'report-loss': { roles: [...COLLECTION_WRITERS, 'insured_person'], scope: 'person' },
    'choose-payment-card': { roles: [...COLLECTION_WRITERS, 'insured_person'], scope: 'person' },
    cancel: { roles: [...COLLECTION_WRITERS, 'insured_person'], scope: 'person' },
    'show-e-card': { roles: ['insured_person'], scope: 'person' },
    'apply-for-staff': { roles: [...COLLECTION_WRITERS, 'employer_user'], scope: 'employer' },
    'list-queue': { roles: OVERSIGHT_READERS, scope: 'region' },
  },
  'card-production': {
    run: { roles: COLLECTION_WRITERS, scope: 'region' },
    read: { roles: OVERSIGHT_READERS, scope: 'region' },
    'import-return': { roles: COLLECTION_WRITERS, scope: 'region' },
  },
  // An electronic card's code checked by any agency counter or designated institution, wherever it is
  // (a check made at a counter, not oversight: the auditor, who writes nothing, does not verify).
  'e-cards': {
    verify: { roles: STAFF_ROLES.filter((role) => role !== 'auditor'), scope: 'agency' },
  },
  // Designated institutions and pharmacies (SIL Art. 31): officers register them and sign and change
  // their agreements; an institution's own accounts read their own.
  'medical-institutions': {
    list: { roles: MEDICAL_READERS, scope: 'region' },
    register: { roles: MEDICAL_OFFICERS, scope: 'region' },
    read: { roles: [...MEDICAL_READERS, 'institution_user'], scope: 'institution' },
    'sign-agreement': { roles: MEDICAL_OFFICERS, scope: 'institution' },
    'change-agreement': { roles: MEDICAL_OFFICERS, scope: 'institution' },
  },
  // Real-time settlement: the institution's counter and system settle and cancel their own claims;
  // officers may settle and cancel for an institution of their region (a claim taken by hand).
  'medical-claims': {
    settle: { roles: [...MEDICAL_OFFICERS, 'institution_user'], scope: 'institution' },
    cancel: { roles: [...MEDICAL_OFFICERS, 'institution_user'], scope: 'institution' },
    read: { roles: [...MEDICAL_READERS, 'institution_user'], scope: 'institution' },
  },
  // A person's medical account, year totals and claims: the person and the staff who read records.
  'medical-account': {
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
  },
  // The month's settlement with the institutions, and the retirees' monthly account credits: batches of
  // the medical officers; an institution reads its own statements.
  'medical-settlements': {
    run: { roles: MEDICAL_OFFICERS, scope: 'region' },
    read: { roles: MEDICAL_READERS, scope: 'region' },
    'read-institution': { roles: [...MEDICAL_READERS, 'institution_user'], scope: 'institution' },
    'credit-retirees': { roles: MEDICAL_OFFICERS, scope: 'region' },
  },
  // Supervision of the medical fund (MFR): the scan and the review queue, and findings whose penalties a
  // second officer approves.
  'medical-reviews': {
    scan: { roles: MEDICAL_OFFICERS, scope: 'region' },
    list: { roles: MEDICAL_READERS, scope: 'region' },
    clear: { roles: MEDICAL_OFFICERS, scope: 'region' },
  },
  'medical-findings': {
    propose: { roles: MEDICAL_OFFICERS, scope: 'region' },
    decide: { roles: MEDICAL_OFFICERS, scope: 'region' },
    list: { roles: MEDICAL_READERS, scope: 'region' },
  },
  // A resident's yearly enrolment in the residents' medical scheme, taken at the counter.
  'resident-enrolments': {
    record: { roles: [...COLLECTION_WRITERS, 'medical_officer'], scope: 'person' },
  },
  // Notices (docs/RULES.md 17.2, 17.5): the person's and the employer's inbox and the channels they choose (staff
  // read them to help at the counter and take a person's contacts there); only the holder marks read.
  notices: {
    read: { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
    'mark-read': { roles: ['insured_person'], scope: 'person' },
    'read-settings': { roles: [...STAFF_READERS, 'insured_person'], scope: 'person' },
    'change-settings': { roles: [...COLLECTION_WRITERS, 'insured_person'], scope: 'person' },
    'read-employer': { roles: [...STAFF_READERS, 'employer_user'], scope: 'employer' },
    'mark-read-employer': { roles: ['employer_user'], scope: 'employer' },
    'change-employer-settings': { roles: [...COLLECTION_WRITERS, 'employer_user'], scope: 'employer' },
  },
  // The runs that tell a whole region, and how deliveries stand.
  'notice-runs': {
    run: { roles: COLLECTION_WRITERS, scope: 'region' },
    read: { roles: OVERSIGHT_READERS, scope: 'agency' },
  },
} as const satisfies Record<string, Record<string, AccessRule>>;

export type AccessResource = keyof typeof ACCESS_RULES;
export type AccessAction<R extends AccessResource> = keyof (typeof ACCESS_RULES)[R] & string;

type Resolver = (request: FastifyRequest) => Scope | Promise<Scope>;

/** The scopes whose check needs to know what the request is about. */
type ScopeNeedingResolver = 'region' | 'employer' | 'person' | 'payer' | 'institution';
type RuleScope<R extends AccessResource, A extends AccessAction<R>> = (typeof ACCESS_RULES)[R][A] extends {
  scope: infer S;
}
  ? S
  : never;

/**
 * A route's access, from the table: `accessTo('persons', 'read', personInParams(app))`. A rule whose scope
 * names a region, employer, person or payer takes the resolver that finds it in the request; the others
 * take none (the types say which).
 */
export function accessTo<R extends AccessResource, A extends AccessAction<R>>(
  resource: R,
  action: A,
  ...resolver: RuleScope<R, A> extends ScopeNeedingResolver ? [Resolver] : []
): RouteAccess {
  const rule = (ACCESS_RULES[resource] as Record<string, AccessRule>)[action]!;
  return {
    roles: rule.roles,
    rule: `${resource}.${action}`,
    ...(rule.scope === 'self' ? { self: true as const } : {}),
    ...(resolver[0] ? { scope: resolver[0] } : {}),
  };
}

/** The scopes whose check needs the request read: the route gives a resolver. */
export const SCOPES_WITH_RESOLVER: readonly AccessScope[] = [
  'region',
  'employer',
  'person',
  'payer',
  'institution',
];

/** A row by its name `resource.action`, or undefined. */
export function ruleNamed(name: string): AccessRule | undefined {
  const [resource, action] = name.split('.') as [string, string];
  return (ACCESS_RULES as Record<string, Record<string, AccessRule> | undefined>)[resource]?.[action];
}

/** The rows of the table, for the docs and the tests. */
export function accessRuleRows(): { rule: string; roles: string; scope: AccessScope }[] {
  return Object.entries(ACCESS_RULES).flatMap(([resource, actions]) =>
    Object.entries(actions as Record<string, AccessRule>).map(([action, rule]) => ({
      rule: `${resource}.${action}`,
      roles: rule.roles === 'public' ? 'anyone' : rule.roles === ROLES ? 'every role' : rule.roles.join(', '),
      scope: rule.scope,
    })),
  );
}

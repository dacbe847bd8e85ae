import { makeCreditCode } from '@shebao/domain';
import type { InjectOptions } from 'fastify';

/**
 * The authorization matrix as data (docs/SECURITY.md, "The authorization matrix"): for every /api route,
 * which principals may call it about their own person, employer or region, about another person or
 * employer of the same region, and about another region, and what everyone else gets. Written by hand,
 * independently of the routes' own `config.access`; route-table.test.ts builds one fixture and sends a
 * real request for every cell, and fails when a registered route is missing here or a row names a route
 * that no longer exists.
 */

export const PRINCIPALS = [
  'anonymous',
  /** An insured person (P1), logged in. */
  'person',
  /** A user of employer A, logged in. */
  'employer',
  // Staff of region 110000 (Beijing), each with one role.
  'admin',
  'collector',
  'benefits',
  'medical',
  'inspector',
  'auditor',
  'institution',
  // Staff of region 310000 (Shanghai).
  'adminElsewhere',
  'collectorElsewhere',
  /** A write token of a system account (collection officer, 110000) issued from the command line. */
  'systemToken',
  /** A read token of the same system account. */
  'readToken',
] as const;
export type MatrixPrincipal = (typeof PRINCIPALS)[number];

/**
 * What a request is about:
 * - `own`: the caller's own person (P1), employer (A) and region (110105, in 110000);
 * - `other`: another person (P2) and employer (B) of the same region;
 * - `otherRegion`: a person (P3) and employer (C) of region 310115 (in 310000).
 */
export const TARGETS = ['own', 'other', 'otherRegion'] as const;
export type Target = (typeof TARGETS)[number];

export interface Subject {
  employerId: number;
  personId: number;
  creditCode: string;
  idNumber: string;
  /** The county the records are registered in. */
  regionCode: string;
  /** Its province, where policy parameters and their approvals live. */
  province: string;
  billNo: string;
  paymentNo: string;
  statementCode: string;
  jobId: number;
  approvalId: number;
  /** A benefit application of the subject's person, and a document attached to it. */
  applicationId: number;
  documentId: number;
  /** A payroll run of the subject's region, and one of its bank files (issue 15). */
  payrollRunId: number;
  bankFileId: number;
  /** A designated hospital of the subject's region and a claim settled there for the subject's person. */
  institutionId: number;
  claimNo: string;
}

export interface MatrixFixture {
  subjects: Record<Target, Subject>;
  /** A token of the system account of 110000, for the revoke route. */
  tokenId: number;
  /** An unmatched bank statement row. */
  rowId: number;
  password: string;
  baseWorkbook: Buffer;
}

/**
 * Whose data a route is about, which decides the targets it is tried with: `none` (public routes, the
 * caller's own account, region-free oversight) only as `own`; `region` as `own` and `otherRegion`;
 * `person`, `employer` and `institution` (a designated institution: `own` is the one the institution
 * principal's account acts for) with all three.
 */
export type SubjectKind = 'none' | 'region' | 'person' | 'employer' | 'institution';

export interface MatrixRow {
  subject: SubjectKind;
  /** Who may call it about their own subject (`own`); the other targets follow from it (expectedOutcome). */
  allowed: readonly MatrixPrincipal[];
  /** A proposal for a second person to approve: made by a staff member, never by a system account's token. */
  byPersonOnly?: true;
  /**
   * Principals the access table lets in for records of another kind than this row's subject, refused here
   * by the scope or the business rule: a flexible worker's own bills (the row tries an employer's), a
   * collection officer deciding a reversal (the row tries a policy proposal, which only administrators
   * decide). route-table.test.ts compares the table with `allowed` plus these.
   */
  allowedElsewhere?: readonly MatrixPrincipal[];
  /** Principals refused with 404: the record exists but is not theirs to see (least knowledge). */
  hidden?: readonly MatrixPrincipal[];
  request: (subject: Subject, fixture: MatrixFixture) => InjectOptions;
}

export type Outcome = 'allowed' | 401 | 403 | 404;

const ALL: MatrixPrincipal[] = [...PRINCIPALS];
const LOGGED_IN = ALL.filter((principal) => principal !== 'anonymous');
const STAFF_HERE: MatrixPrincipal[] = ['admin', 'collector', 'benefits', 'medical', 'inspector', 'auditor'];
const WRITERS_HERE: MatrixPrincipal[] = ['admin', 'collector'];
const MEDICAL_OFFICERS: MatrixPrincipal[] = ['admin', 'medical'];
const MEDICAL_READERS: MatrixPrincipal[] = ['admin', 'medical', 'inspector', 'auditor'];
/** Routes not tied to a region (policy reading, the ledger, bank statements with payers anywhere). */
const STAFF_ANYWHERE: MatrixPrincipal[] = [...STAFF_HERE, 'adminElsewhere', 'collectorElsewhere'];
const WRITERS_ANYWHERE: MatrixPrincipal[] = [...WRITERS_HERE, 'adminElsewhere', 'collectorElsewhere'];
const OVERSIGHT_ANYWHERE: MatrixPrincipal[] = [...WRITERS_ANYWHERE, 'inspector', 'auditor'];
/** The staff of 310000 who stand for the staff of 110000 when the request is about 310000. */
const ELSEWHERE_TWIN: Partial<Record<MatrixPrincipal, MatrixPrincipal>> = {
  admin: 'adminElsewhere',
  collector: 'collectorElsewhere',
};

let sequence = 0;
const next = () => (sequence += 1);
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const post = (url: string, payload: unknown, headers: Record<string, string> = {}): InjectOptions => ({
  method: 'POST',
  url,
  payload: payload as never,
  headers,
});
const withKey = () => ({ 'idempotency-key': `matrix-${next()}-key` });

/** A PNG's signature and bytes enough for a photo (the card routes read the type from the bytes). */
const MATRIX_PHOTO = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(120, 1),
]).toString('base64');

export const AUTHORIZATION_MATRIX: Record<string, MatrixRow> = {
  'GET /api/health': { subject: 'none', allowed: ALL, request: () => get('/api/health') },
  'GET /api/openapi.json': { subject: 'none', allowed: ALL, request: () => get('/api/openapi.json') },
  'GET /api/problems/:type': {
    subject: 'none',
    allowed: ALL,
    request: () => get('/api/problems/validation'),
  },
  'POST /api/auth/login/person': {
    subject: 'none',
    allowed: ALL,
    request: (s, f) => post('/api/auth/login/person', { idNumber: s.idNumber, password: f.password }),
  },
  'POST /api/auth/login/employer': {
    subject: 'none',
    allowed: ALL,
    request: (s, f) =>
      post('/api/auth/login/employer', {
        creditCode: s.creditCode,
        userName: 'finance',
        password: f.password,
      }),
  },
  'POST /api/auth/login/staff': {
    subject: 'none',
    allowed: ALL,
    request: (_, f) => post('/api/auth/login/staff', { userName: 'admin', password: f.password }),
  },
  'POST /api/auth/logout': {
    subject: 'none',
    allowed: LOGGED_IN,
    request: () => post('/api/auth/logout', {}),
  },
  'GET /api/auth/me': { subject: 'none', allowed: LOGGED_IN, request: () => get('/api/auth/me') },
  'GET /api/auth/notices': { subject: 'none', allowed: LOGGED_IN, request: () => get('/api/auth/notices') },
  'POST /api/users': {
    subject: 'region',
    allowed: ['admin'],
    request: (s, f) =>
      post('/api/users', {
        kind: 'staff',
        userName: `clerk${next()}`,
        displayName: 'Clerk',
        password: f.password,
        roles: ['auditor'],
        regionCodes: [s.regionCode],
      }),
  },
  // A token acting as the caller; tokens as others are the special cells below.
  'POST /api/auth/tokens': {
    subject: 'none',
    allowed: ['admin', 'adminElsewhere'],
    request: () => post('/api/auth/tokens', { name: `matrix ${next()}`, scope: 'read' }),
  },
  'GET /api/auth/tokens': {
    subject: 'none',
    allowed: ['admin', 'adminElsewhere'],
    request: () => get('/api/auth/tokens?limit=10'),
  },
  // The token of a system account of 110000: its region's administrator may revoke it, no one else sees it.
  'POST /api/auth/tokens/:tokenId/revoke': {
    subject: 'none',
    allowed: ['admin'],
    hidden: ['adminElsewhere'],
    request: (_, f) => post(`/api/auth/tokens/${f.tokenId}/revoke`, {}),
  },
  'POST /api/employers': {
    subject: 'region',
    allowed: WRITERS_HERE,
    request: (s) =>
      post('/api/employers', {
        creditCode: makeCreditCode(s.regionCode, 700_000 + next()),
        name: 'Matrix Ltd',
        regionCode: s.regionCode,
        industryClass: 1,
        establishedOn: '2025-07-01',
      }),
  },
  'GET /api/employers': {
    subject: 'region',
    allowed: STAFF_HERE,
    request: (s) => get(`/api/employers?regionCode=${s.regionCode}`),
  },
  'GET /api/persons': {
    subject: 'region',
    allowed: STAFF_HERE,
    request: (s) => get(`/api/persons?regionCode=${s.regionCode}&q=`),
  },
  'GET /api/employers/:employerId': {
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}`),
  },
  'GET /api/employers/:employerId/employments': {
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/employments`),
  },
  'GET /api/employers/:employerId/bases/:cycleStart': {
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/bases/2025-07`),
  },
  'POST /api/employers/:employerId/bases.csv': {
    subject: 'employer',
    allowed: [...WRITERS_HERE, 'employer'],
    request: (s) => ({
      method: 'POST',
      url: `/api/employers/${s.employerId}/bases.csv?cycleStart=2025-07&dryRun=true`,
      payload: `id-number,declared\n${s.idNumber},9000.00\n`,
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'POST /api/employers/:employerId/bases.xlsx': {
    subject: 'employer',
    allowed: [...WRITERS_HERE, 'employer'],
    request: (s, f) => ({
      method: 'POST',
      url: `/api/employers/${s.employerId}/bases.xlsx?cycleStart=2025-07&dryRun=true`,
      payload: f.baseWorkbook,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    }),
  },
  'GET /api/employers/:employerId/bases-template': {
    subject: 'employer',
    allowed: [...WRITERS_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/bases-template?cycleStart=2025-07&format=csv`),
  },
  'GET /api/employers/:employerId/contribution-year': {
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/contribution-year?period=2025-09`),
  },
  'GET /api/employers/:employerId/monthly-details/:period': {
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/monthly-details/2025-07`),
  },
  'GET /api/employers/:employerId/staff': {
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/staff?limit=10`),
  },
  'GET /api/employers/:employerId/arrears': {
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/arrears?asOf=2025-07-15`),
  },
  'GET /api/employers/:employerId/summary': {
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/summary`),
  },
  'POST /api/persons': {
    subject: 'region',
    allowed: WRITERS_HERE,
    // The person exists already: an allowed caller gets a conflict, a refused one never gets that far.
    request: (s) =>
      post('/api/persons', {
        idNumber: s.idNumber,
        name: 'Someone',
        hukouRegionCode: s.regionCode,
        hukouType: 'urban',
        category: 'employee',
        regionCode: s.regionCode,
      }),
  },
  'GET /api/persons/:personId': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}`),
  },
  'GET /api/persons/:personId/employments': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/employments`),
  },
  'GET /api/persons/:personId/rights-record': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/rights-record?year=2025`),
  },
  'GET /api/persons/:personId/access-log': {
    subject: 'person',
    allowed: ['admin', 'auditor', 'person'],
    request: (s) => get(`/api/persons/${s.personId}/access-log`),
  },
  'POST /api/persons/:personId/statements': {
    subject: 'person',
    allowed: [...STAFF_HERE.filter((principal) => principal !== 'auditor'), 'person'],
    request: (s) => post(`/api/persons/${s.personId}/statements`, { kind: 'rights', year: 2025 }),
  },
  'GET /api/persons/:personId/statements': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/statements`),
  },
  'GET /api/statements/public-key': {
    subject: 'none',
    allowed: ALL,
    request: () => get('/api/statements/public-key'),
  },
  'GET /api/statements/:code.pdf': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/statements/${s.statementCode}.pdf?lang=en`),
  },
  'POST /api/hires': {
    subject: 'employer',
    allowed: [...WRITERS_HERE, 'employer'],
    request: (s) =>
      post('/api/hires', { employerId: s.employerId, personId: s.personId, hiredOn: '2025-07-01' }),
  },
  'POST /api/leaves': {
    subject: 'employer',
    allowed: [...WRITERS_HERE, 'employer'],
    request: (s) =>
      post('/api/leaves', {
        employerId: s.employerId,
        personId: s.personId,
        leftOn: '2030-01-01',
        reason: 'resignation',
      }),
  },
  'POST /api/bases': {
    subject: 'employer',
    allowed: [...WRITERS_HERE, 'employer'],
    request: (s) =>
      post('/api/bases', {
        employerId: s.employerId,
        personId: s.personId,
        cycleStart: '2025-07',
        declaredFen: 900_000,
      }),
  },
  'POST /api/bases/corrections': {
    subject: 'employer',
    byPersonOnly: true,
    allowed: WRITERS_HERE,
    request: (s) =>
      post('/api/bases/corrections', {
        employerId: s.employerId,
        personId: s.personId,
        cycleStart: '2025-07',
        declaredFen: 910_000,
      }),
  },
  'POST /api/declarations': {
    subject: 'employer',
    allowed: [...WRITERS_HERE, 'employer'],
    request: (s) => post('/api/declarations', { employerId: s.employerId, period: '2025-07' }),
  },
  'POST /api/flexible-enrolments': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'person'],
    request: (s) =>
      post('/api/flexible-enrolments', {
        personId: s.personId,
        regionCode: s.regionCode,
        gradePpm: 600_000,
        paymentMethod: 'self',
        startPeriod: '2025-08',
      }),
  },
  'GET /api/persons/:personId/flexible-contribution': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/flexible-contribution`),
  },
  'POST /api/persons/:personId/flexible-grade': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'person'],
    request: (s) => post(`/api/persons/${s.personId}/flexible-grade`, { gradePpm: 600_000 }),
  },
  'POST /api/collection/runs': {
    subject: 'region',
    allowed: WRITERS_HERE,
    request: (s) => post('/api/collection/runs', { regionCode: s.regionCode, period: '2025-07' }),
  },
  'POST /api/collection/jobs': {
    subject: 'region',
    allowed: WRITERS_HERE,
    request: (s) => post('/api/collection/jobs', { regionCode: s.regionCode, period: '2025-09' }),
  },
  'GET /api/collection/jobs': {
    subject: 'region',
    allowed: STAFF_HERE,
    request: (s) => get(`/api/collection/jobs?regionCode=${s.regionCode}`),
  },
  'GET /api/collection/jobs/:jobId': {
    subject: 'region',
    allowed: STAFF_HERE,
    request: (s) => get(`/api/collection/jobs/${s.jobId}`),
  },
  'POST /api/collection/adjustments': {
    subject: 'region',
    allowed: WRITERS_HERE,
    request: (s) =>
      post('/api/collection/adjustments', {
        regionCode: s.regionCode,
        fromPeriod: '2025-07',
        toPeriod: '2025-07',
      }),
  },
  'POST /api/collection/settlements': {
    subject: 'region',
    allowed: WRITERS_HERE,
    request: (s) => post('/api/collection/settlements', { regionCode: s.regionCode }),
  },
  'GET /api/bills': {
    allowedElsewhere: ['person'],
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/bills?employerId=${s.employerId}&limit=5`),
  },
  'GET /api/bills/:billNo': {
    allowedElsewhere: ['person'],
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/bills/${s.billNo}`),
  },
  'POST /api/payments': {
    subject: 'employer',
    allowed: WRITERS_HERE,
    request: (s) =>
      post('/api/payments', { payerCode: s.creditCode, amountFen: 100, paidOn: '2025-07-10' }, withKey()),
  },
  // The amount that clears a flexible worker's bills today: the person, and staff of the region at the counter.
  'GET /api/persons/:personId/payment-quote': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/payment-quote`),
  },
  // Only the person pays online for themself (staff record payments with POST /api/payments).
  'POST /api/persons/:personId/payments': {
    subject: 'person',
    allowed: ['person'],
    request: (s) => post(`/api/persons/${s.personId}/payments`, { amountFen: 100 }, withKey()),
  },
  'POST /api/employers/:employerId/payments': {
    subject: 'employer',
    allowed: ['employer'],
    request: (s) => post(`/api/employers/${s.employerId}/payments`, { amountFen: 100 }, withKey()),
  },
  'GET /api/payments': {
    allowedElsewhere: ['person'],
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/payments?employerId=${s.employerId}`),
  },
  'GET /api/regions/:regionCode/payments': {
    subject: 'region',
    allowed: STAFF_HERE,
    request: (s) => get(`/api/regions/${s.regionCode}/payments?limit=5`),
  },
  'GET /api/regions/:regionCode/arrears': {
    subject: 'region',
    allowed: STAFF_HERE,
    request: (s) => get(`/api/regions/${s.regionCode}/arrears?asOf=2025-07-15`),
  },
  // The first allowed caller proposes; the others find it waiting for approval (409), still let through.
  'POST /api/payments/:paymentNo/reversals': {
    subject: 'employer',
    byPersonOnly: true,
    allowed: WRITERS_HERE,
    request: (s) =>
      post(`/api/payments/${s.paymentNo}/reversals`, { reason: 'recorded twice by mistake' }, withKey()),
  },
  'GET /api/payments/:paymentNo/receipt': {
    allowedElsewhere: ['person'],
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/payments/${s.paymentNo}/receipt`),
  },
  // A statement holds payers of any region, so it carries no region scope.
  'POST /api/bank-statements': {
    subject: 'none',
    allowed: WRITERS_ANYWHERE,
    request: () => ({
      method: 'POST',
      url: '/api/bank-statements?fileName=matrix.csv',
      payload: `bank_reference,payer_code,payer_name,amount,paid_on\nMATRIX-${next()},${makeCreditCode('110105', 990_001)},Nobody,10.00,2025-07-10\n`,
      headers: { 'content-type': 'text/csv', ...withKey() },
    }),
  },
  'GET /api/bank-statements/unmatched': {
    subject: 'none',
    allowed: OVERSIGHT_ANYWHERE,
    request: () => get('/api/bank-statements/unmatched'),
  },
  'POST /api/bank-statements/unmatched/:rowId/resolve': {
    subject: 'employer',
    allowed: WRITERS_HERE,
    request: (s, f) =>
      post(`/api/bank-statements/unmatched/${f.rowId}/resolve`, { payerCode: s.creditCode }, withKey()),
  },
  'POST /api/deferrals': {
    subject: 'employer',
    allowed: WRITERS_HERE,
    request: (s) =>
      post('/api/deferrals', {
        payerCode: s.creditCode,
        fromDate: '2025-07-01',
        toDate: '2025-07-10',
        reason: 'flood',
      }),
  },
  'GET /api/ledger/verify': {
    subject: 'none',
    allowed: OVERSIGHT_ANYWHERE,
    request: () => get('/api/ledger/verify'),
  },
  'GET /api/ledger/balances': {
    subject: 'none',
    allowed: OVERSIGHT_ANYWHERE,
    request: () => get('/api/ledger/balances'),
  },
  'GET /api/ledger/income': {
    subject: 'none',
    allowed: OVERSIGHT_ANYWHERE,
    request: () => get('/api/ledger/income?from=2025-01&to=2025-12'),
  },
  'GET /api/policy/parameters': {
    subject: 'none',
    allowed: STAFF_ANYWHERE,
    request: () => get('/api/policy/parameters?regionCode=110000'),
  },
  'POST /api/policy/parameters': {
    subject: 'region',
    allowed: ['admin'],
    request: (s) =>
      post('/api/policy/parameters', {
        name: 'base.averageWage',
        regionCode: s.province,
        validFrom: '2026-07',
        value: 1_200_000,
        source: 'matrix',
      }),
  },
  'GET /api/approvals': {
    subject: 'none',
    allowed: OVERSIGHT_ANYWHERE,
    request: () => get('/api/approvals?status=pending'),
  },
  // A policy proposal made by a second administrator of the region: the region's administrator decides it.
  'POST /api/approvals/:approvalId/approve': {
    allowedElsewhere: ['collector'],
    subject: 'region',
    allowed: ['admin'],
    request: (s) => post(`/api/approvals/${s.approvalId}/approve`, {}),
  },
  'POST /api/approvals/:approvalId/reject': {
    allowedElsewhere: ['collector'],
    subject: 'region',
    allowed: ['admin'],
    request: (s) => post(`/api/approvals/${s.approvalId}/reject`, {}),
  },
  // Benefit applications and awards (issue 15): the person, benefits officers and administrators act;
  // every staff reader may look; the queue is the officers' and oversight's.
  // The payroll (issue 15): benefit officers run it and handle the bank's files; oversight reads runs;
  // a person's pension payments are read like their awards.
  'POST /api/payroll/runs': {
    subject: 'region',
    allowed: ['admin', 'benefits'],
    request: (s) => post('/api/payroll/runs', { regionCode: s.regionCode, period: '2025-07' }),
  },
  'GET /api/payroll/runs': {
    subject: 'region',
    allowed: ['admin', 'benefits', 'inspector', 'auditor'],
    request: (s) => get(`/api/payroll/runs?regionCode=${s.regionCode}`),
  },
  'GET /api/payroll/runs/:runId': {
    subject: 'region',
    allowed: ['admin', 'benefits', 'inspector', 'auditor'],
    request: (s) => get(`/api/payroll/runs/${s.payrollRunId}`),
  },
  'GET /api/payroll/bank-files/:fileId': {
    subject: 'region',
    allowed: ['admin', 'benefits'],
    request: (s) => get(`/api/payroll/bank-files/${s.bankFileId}`),
  },
  'POST /api/payroll/bank-files/:fileId/returns': {
    subject: 'region',
    allowed: ['admin', 'benefits'],
    request: (s) => ({
      method: 'POST',
      url: `/api/payroll/bank-files/${s.bankFileId}/returns`,
      payload: 'reference,status,reason\n1,paid,\n',
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'GET /api/persons/:personId/pension-payments': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/pension-payments`),
  },
  'POST /api/persons/:personId/applications': {
    subject: 'person',
    allowed: ['admin', 'benefits', 'person'],
    request: (s) =>
      post(`/api/persons/${s.personId}/applications`, {
        kind: 'record-correction',
        facts: { what: 'missing-month', periods: ['2025-06'], description: 'matrix' },
      }),
  },
  'POST /api/employers/:employerId/applications': {
    subject: 'employer',
    allowed: ['employer'],
    request: (s) =>
      post(`/api/employers/${s.employerId}/applications`, {
        personId: s.personId,
        kind: 'record-correction',
        facts: { what: 'missing-month', periods: ['2025-06'], description: 'matrix' },
      }),
  },
  'GET /api/employers/:employerId/applications': {
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/applications`),
  },
  // What the work-injury fund advanced for an uninsured employer (issue 16): the employer and benefit
  // readers look; officers record repayments.
  'GET /api/employers/:employerId/advances': {
    subject: 'employer',
    allowed: ['admin', 'benefits', 'inspector', 'auditor', 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/advances`),
  },
  'POST /api/employers/:employerId/advance-repayments': {
    subject: 'employer',
    allowed: ['admin', 'benefits'],
    request: (s) =>
      post(`/api/employers/${s.employerId}/advance-repayments`, {
        amountFen: 100,
        receivedOn: '2025-07-01',
        bankReference: 'MATRIX-0001',
      }),
  },
  'GET /api/persons/:personId/applications': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/applications`),
  },
  'GET /api/applications': {
    subject: 'region',
    allowed: ['admin', 'benefits', 'inspector', 'auditor'],
    request: (s) => get(`/api/applications?regionCode=${s.regionCode}`),
  },
  'GET /api/applications/:applicationId': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/applications/${s.applicationId}`),
  },
  'GET /api/applications/:applicationId/pension-assessment': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/applications/${s.applicationId}/pension-assessment`),
  },
  'POST /api/applications/:applicationId/documents': {
    subject: 'person',
    allowed: ['admin', 'benefits', 'person'],
    request: (s) => ({
      method: 'POST',
      url: `/api/applications/${s.applicationId}/documents?kind=evidence&fileName=matrix.pdf`,
      payload: Buffer.from('%PDF-1.4\n% matrix\n'),
      headers: { 'content-type': 'application/pdf' },
    }),
  },
  'GET /api/applications/:applicationId/documents/:documentId': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/applications/${s.applicationId}/documents/${s.documentId}`),
  },
  'POST /api/applications/:applicationId/material-requests': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) => post(`/api/applications/${s.applicationId}/material-requests`, { note: 'matrix' }),
  },
  'POST /api/applications/:applicationId/material-received': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) => post(`/api/applications/${s.applicationId}/material-received`, { note: 'matrix' }),
  },
  'POST /api/applications/:applicationId/refusal': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) =>
      post(`/api/applications/${s.applicationId}/refusal`, {
        reasons: [{ code: 'matrix', message: 'matrix', source: 'PRRM' }],
      }),
  },
  'POST /api/applications/:applicationId/award-proposal': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) => post(`/api/applications/${s.applicationId}/award-proposal`, {}),
  },
  'POST /api/applications/:applicationId/award-decision': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) => post(`/api/applications/${s.applicationId}/award-decision`, { decision: 'approve' }),
  },
  'GET /api/applications/:applicationId/claim-assessment': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/applications/${s.applicationId}/claim-assessment`),
  },
  'POST /api/applications/:applicationId/clear-case': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) => post(`/api/applications/${s.applicationId}/clear-case`, {}),
  },
  'POST /api/applications/:applicationId/identification': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) =>
      post(`/api/applications/${s.applicationId}/identification`, {
        reasons: [{ code: 'matrix', message: 'matrix', source: 'WIIR Art. 14' }],
      }),
  },
  'GET /api/applications/:applicationId/appraisals': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/applications/${s.applicationId}/appraisals`),
  },
  'POST /api/applications/:applicationId/reappraisal-request': {
    subject: 'person',
    allowed: ['admin', 'benefits', 'person'],
    request: (s) => post(`/api/applications/${s.applicationId}/reappraisal-request`, { note: 'matrix' }),
  },
  'POST /api/applications/:applicationId/appraisals': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) =>
      post(`/api/applications/${s.applicationId}/appraisals`, {
        kind: 'initial',
        grade: 5,
        nursing: 'none',
        requestedOn: '2025-06-01',
        concludedOn: '2025-06-20',
        committeeRef: 'matrix',
      }),
  },
  'GET /api/applications/:applicationId/stoppage-periods': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/applications/${s.applicationId}/stoppage-periods`),
  },
  'POST /api/applications/:applicationId/stoppage-periods': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) =>
      post(`/api/applications/${s.applicationId}/stoppage-periods`, {
        kind: 'initial',
        startsOn: '2025-06-01',
        months: 6,
      }),
  },
  'POST /api/applications/:applicationId/correction-proposal': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) =>
      post(`/api/applications/${s.applicationId}/correction-proposal`, {
        changes: [{ kind: 'base', employerId: 1, cycleStart: '2025-01', declaredFen: 1_000_000 }],
        reasons: [{ code: 'matrix', message: 'matrix', source: 'PRRM' }],
      }),
  },
  'POST /api/applications/:applicationId/correction-decision': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) => post(`/api/applications/${s.applicationId}/correction-decision`, { decision: 'approve' }),
  },
  'POST /api/applications/:applicationId/withdrawal': {
    subject: 'person',
    allowed: ['admin', 'benefits', 'person'],
    request: (s) => post(`/api/applications/${s.applicationId}/withdrawal`, {}),
  },
  'POST /api/persons/:personId/unemployment-stop': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) =>
      post(`/api/persons/${s.personId}/unemployment-stop`, { lastMonth: '2025-06', reason: 'conscripted' }),
  },
  'GET /api/persons/:personId/awards': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/awards`),
  },
  // Survival verification and death reports (issue 15): the person verifies themselves; benefits officers
  // and administrators record; every staff reader may look; the lists are the officers' and oversight's.
  'GET /api/persons/:personId/survival': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/survival`),
  },
  'POST /api/persons/:personId/survival-verifications': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) =>
      post(`/api/persons/${s.personId}/survival-verifications`, { method: 'counter', onDate: '2025-07-01' }),
  },
  'POST /api/persons/:personId/survival-verifications/self': {
    subject: 'person',
    allowed: ['person'],
    request: (s) => post(`/api/persons/${s.personId}/survival-verifications/self`, { attest: true }),
  },
  'GET /api/survival/due': {
    subject: 'region',
    allowed: ['admin', 'benefits', 'inspector', 'auditor'],
    request: (s) => get(`/api/survival/due?regionCode=${s.regionCode}`),
  },
  // The social security card (issue 18): the person and collection officers apply, report losses, collect
  // and choose the card benefits are paid to; officers decide, dispatch and produce; an employer applies
  // for its staff. Card and batch 999999 do not exist: the callers let in reach the handler's 404.
  'GET /api/persons/:personId/cards': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/cards`),
  },
  'POST /api/persons/:personId/cards': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'person'],
    request: (s) =>
      post(`/api/persons/${s.personId}/cards`, {
        photo: MATRIX_PHOTO,
        dispatch: 'mail',
        mailAddress: '1 Matrix Road',
      }),
  },
  'POST /api/persons/:personId/cards/:cardId/replacement': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'person'],
    request: (s) =>
      post(`/api/persons/${s.personId}/cards/999999/replacement`, {
        reason: 'damaged',
        photo: MATRIX_PHOTO,
        dispatch: 'branch',
        branchName: 'Matrix branch',
      }),
  },
  'POST /api/persons/:personId/cards/:cardId/decision': {
    subject: 'person',
    allowed: WRITERS_HERE,
    request: (s) => post(`/api/persons/${s.personId}/cards/999999/decision`, { approve: true }),
  },
  'POST /api/persons/:personId/cards/:cardId/dispatch': {
    subject: 'person',
    allowed: WRITERS_HERE,
    request: (s) => post(`/api/persons/${s.personId}/cards/999999/dispatch`, {}),
  },
  'POST /api/persons/:personId/cards/:cardId/collection': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'person'],
    request: (s) => post(`/api/persons/${s.personId}/cards/999999/collection`, {}),
  },
  'POST /api/persons/:personId/cards/:cardId/temporary-loss': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'person'],
    request: (s) => post(`/api/persons/${s.personId}/cards/999999/temporary-loss`, { channel: 'app' }),
  },
  'POST /api/persons/:personId/cards/:cardId/temporary-loss/lifting': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'person'],
    request: (s) => post(`/api/persons/${s.personId}/cards/999999/temporary-loss/lifting`, {}),
  },
  'POST /api/persons/:personId/cards/:cardId/formal-loss': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'person'],
    request: (s) => post(`/api/persons/${s.personId}/cards/999999/formal-loss`, {}),
  },
  'POST /api/persons/:personId/cards/:cardId/cancellation': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'person'],
    request: (s) => post(`/api/persons/${s.personId}/cards/999999/cancellation`, { reason: 'matrix' }),
  },
  'GET /api/persons/:personId/cards/:cardId/photo': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/cards/999999/photo`),
  },
  'PUT /api/persons/:personId/benefit-payment-card': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'person'],
    request: (s) => ({
      method: 'PUT',
      url: `/api/persons/${s.personId}/benefit-payment-card`,
      payload: { cardId: 999_999 },
    }),
  },
  'POST /api/persons/:personId/e-card-tokens': {
    subject: 'person',
    allowed: ['person'],
    request: (s) => post(`/api/persons/${s.personId}/e-card-tokens`, {}),
  },
  'POST /api/employers/:employerId/card-applications': {
    subject: 'employer',
    allowed: [...WRITERS_HERE, 'employer'],
    request: (s) =>
      post(`/api/employers/${s.employerId}/card-applications`, {
        branchName: 'Matrix branch',
        rows: [{ idNumber: '11010519491231002X', name: 'Matrix', photo: MATRIX_PHOTO }],
      }),
  },
  'GET /api/cards': {
    subject: 'region',
    allowed: ['admin', 'collector', 'inspector', 'auditor'],
    request: (s) => get(`/api/cards?regionCode=${s.regionCode}`),
  },
  'POST /api/cards/production-batches': {
    subject: 'region',
    allowed: WRITERS_HERE,
    request: (s) => post('/api/cards/production-batches', { regionCode: s.regionCode, bankCode: 'ICBC' }),
  },
  'GET /api/cards/production-batches': {
    subject: 'region',
    allowed: ['admin', 'collector', 'inspector', 'auditor'],
    request: (s) => get(`/api/cards/production-batches?regionCode=${s.regionCode}`),
  },
  'GET /api/cards/production-batches/:batchId/file': {
    subject: 'none',
    allowed: WRITERS_HERE,
    hidden: ['adminElsewhere', 'collectorElsewhere'],
    request: () => get('/api/cards/production-batches/999999/file'),
  },
  'POST /api/cards/production-batches/:batchId/returns': {
    subject: 'none',
    allowed: WRITERS_HERE,
    hidden: ['adminElsewhere', 'collectorElsewhere'],
    request: () => ({
      method: 'POST',
      url: '/api/cards/production-batches/999999/returns',
      payload: 'card_no,bank_account_no,produced_on\n',
      headers: { 'content-type': 'text/csv' },
    }),
  },
  // Any agency counter or designated institution verifies, wherever it is; a malformed code is answered.
  'POST /api/e-card/verification': {
    subject: 'none',
    allowed: [
      'admin',
      'collector',
      'benefits',
      'medical',
      'inspector',
      'institution',
      'adminElsewhere',
      'collectorElsewhere',
    ],
    request: () => post('/api/e-card/verification', { token: 'SSC1.matrix.code' }),
  },
  'POST /api/persons/:personId/death-reports': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    byPersonOnly: true,
    // A day of death in the future, refused after the access check: no report is left for the decision's
    // cells, where an administrator would otherwise meet their own proposal.
    request: (s) =>
      post(`/api/persons/${s.personId}/death-reports`, {
        dateOfDeath: '2999-01-01',
        reportedBy: 'staff',
        heirs: [
          {
            name: 'matrix',
            idNumber: '11010519491231002X',
            relation: 'child',
            bankAccount: '6222020200112233445',
            share: { parts: 1 },
          },
        ],
        funeralPayee: { heirIndex: 0 },
      }),
  },
  'GET /api/persons/:personId/death-reports': {
    subject: 'person',
    allowed: STAFF_HERE,
    request: (s) => get(`/api/persons/${s.personId}/death-reports`),
  },
  'POST /api/persons/:personId/death-reports/decision': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) => post(`/api/persons/${s.personId}/death-reports/decision`, { decision: 'reject' }),
  },
  'GET /api/death-reports': {
    subject: 'region',
    allowed: ['admin', 'benefits', 'inspector', 'auditor'],
    request: (s) => get(`/api/death-reports?regionCode=${s.regionCode}`),
  },
  // Award corrections, forecasts, invitations and the yearly adjustment (docs/RULES.md 14.11-14.13): the
  // officers act; the person and every staff reader see the forecast and the invitations.
  'GET /api/persons/:personId/awards/:awardNo/correction-proposal': {
    subject: 'person',
    allowed: ['admin', 'benefits', 'inspector', 'auditor'],
    request: (s) => get(`/api/persons/${s.personId}/awards/AW2025000000000001/correction-proposal`),
  },
  'POST /api/persons/:personId/awards/:awardNo/correction-proposal': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    byPersonOnly: true,
    request: (s) =>
      post(`/api/persons/${s.personId}/awards/AW2025000000000001/correction-proposal`, {
        validFrom: '2025-08',
        monthlyFen: 100_000,
        reason: 'matrix',
      }),
  },
  'POST /api/persons/:personId/awards/:awardNo/correction-decision': {
    subject: 'person',
    allowed: ['admin', 'benefits'],
    request: (s) =>
      post(`/api/persons/${s.personId}/awards/AW2025000000000001/correction-decision`, {
        decision: 'approve',
      }),
  },
  'GET /api/persons/:personId/pension-forecast': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/pension-forecast`),
  },
  'GET /api/persons/:personId/retirement-invitations': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/retirement-invitations`),
  },
  'POST /api/retirement-invitation-runs': {
    subject: 'region',
    allowed: ['admin', 'benefits'],
    request: (s) => post('/api/retirement-invitation-runs', { regionCode: s.province, period: '2025-07' }),
  },
  'GET /api/regions/:regionCode/pension-adjustments': {
    subject: 'region',
    allowed: ['admin', 'benefits', 'inspector', 'auditor'],
    request: (s) => get(`/api/regions/${s.province}/pension-adjustments`),
  },
  'POST /api/regions/:regionCode/pension-adjustments': {
    subject: 'region',
    allowed: ['admin', 'benefits'],
    byPersonOnly: true,
    request: (s) =>
      post(`/api/regions/${s.province}/pension-adjustments`, {
        year: 2025,
        effectiveMonth: '2025-01',
        publishedOn: '2025-07-10',
        startedBy: '2024-12',
        percentPpm: 20_000,
        fixedFen: 0,
        perYearFen: 0,
        yearCounting: 'full-years',
        ageTilt: [],
        rounding: 'half-up-fen',
        source: 'matrix',
      }),
  },
  'GET /api/regions/:regionCode/pension-adjustments/proposals': {
    subject: 'region',
    allowed: ['admin', 'benefits', 'inspector', 'auditor'],
    request: (s) => get(`/api/regions/${s.province}/pension-adjustments/proposals`),
  },
  'POST /api/regions/:regionCode/pension-adjustments/proposals/:approvalId/decision': {
    subject: 'region',
    allowed: ['admin', 'benefits'],
    request: (s) =>
      post(`/api/regions/${s.province}/pension-adjustments/proposals/${s.approvalId}/decision`, {
        decision: 'reject',
      }),
  },
  'POST /api/regions/:regionCode/pension-adjustments/:policyId/application': {
    subject: 'region',
    allowed: ['admin', 'benefits'],
    request: (s) => post(`/api/regions/${s.province}/pension-adjustments/999999/application`, {}),
  },
  'GET /api/regions/:regionCode/pension-adjustments/:policyId/changes': {
    subject: 'region',
    allowed: ['admin', 'benefits', 'inspector', 'auditor'],
    request: (s) => get(`/api/regions/${s.province}/pension-adjustments/999999/changes`),
  },
  // Designated institutions and real-time settlement (issue 17): officers register institutions and sign
  // agreements; an institution's own account reads its institution and settles, reads and cancels its own
  // claims, never another institution's.
  'GET /api/medical/institutions': {
    subject: 'region',
    allowed: MEDICAL_READERS,
    request: (s) => get(`/api/medical/institutions?regionCode=${s.regionCode}`),
  },
  'POST /api/medical/institutions': {
    subject: 'region',
    allowed: MEDICAL_OFFICERS,
    request: (s) =>
      post('/api/medical/institutions', {
        code: `MX${s.regionCode}${next()}`,
        name: 'Matrix clinic',
        kind: 'clinic',
        level: 1,
        category: 'community clinic',
        regionCode: s.regionCode,
        address: 'Matrix street 1',
      }),
  },
  'GET /api/medical/institutions/:institutionId': {
    subject: 'institution',
    allowed: [...MEDICAL_READERS, 'institution'],
    request: (s) => get(`/api/medical/institutions/${s.institutionId}`),
  },
  'POST /api/medical/institutions/:institutionId/agreements': {
    subject: 'institution',
    allowed: MEDICAL_OFFICERS,
    request: (s) =>
      post(`/api/medical/institutions/${s.institutionId}/agreements`, {
        agreementNo: `AG-MATRIX-${next()}`,
        validFrom: '2025-01-01',
        validTo: '2026-12-31',
        scope: ['outpatient'],
      }),
  },
  'POST /api/medical/institutions/:institutionId/agreements/:agreementId/standing': {
    subject: 'institution',
    allowed: MEDICAL_OFFICERS,
    request: (s) =>
      post(`/api/medical/institutions/${s.institutionId}/agreements/999999/standing`, {
        status: 'active',
        from: '2025-01-01',
        reason: 'matrix',
      }),
  },
  'POST /api/medical/claims': {
    subject: 'institution',
    allowed: [...MEDICAL_OFFICERS, 'institution'],
    request: (s) =>
      post(
        '/api/medical/claims',
        {
          institutionId: s.institutionId,
          idNumber: s.idNumber,
          kind: 'outpatient',
          visitDate: '2025-07-10',
          items: [{ code: 'C1', name: 'Consultation', itemClass: 'full', amountFen: 5_000 }],
        },
        withKey(),
      ),
  },
  'GET /api/medical/claims': {
    subject: 'institution',
    allowed: [...MEDICAL_READERS, 'institution'],
    request: (s) => get(`/api/medical/claims?institutionId=${s.institutionId}`),
  },
  'GET /api/medical/claims/:claimNo': {
    subject: 'institution',
    allowed: [...MEDICAL_READERS, 'institution'],
    request: (s) => get(`/api/medical/claims/${s.claimNo}`),
  },
  'POST /api/medical/claims/:claimNo/cancellation': {
    subject: 'institution',
    allowed: [...MEDICAL_OFFICERS, 'institution'],
    request: (s) => post(`/api/medical/claims/${s.claimNo}/cancellation`, { reason: 'matrix refund' }),
  },
  'POST /api/medical/settlements': {
    subject: 'region',
    allowed: MEDICAL_OFFICERS,
    request: (s) => post('/api/medical/settlements', { regionCode: s.regionCode, period: '2025-06' }),
  },
  'GET /api/medical/settlements': {
    subject: 'region',
    allowed: MEDICAL_READERS,
    request: (s) => get(`/api/medical/settlements?regionCode=${s.regionCode}&period=2025-06`),
  },
  'GET /api/medical/institutions/:institutionId/statements': {
    subject: 'institution',
    allowed: [...MEDICAL_READERS, 'institution'],
    request: (s) => get(`/api/medical/institutions/${s.institutionId}/statements`),
  },
  'POST /api/medical/retiree-credits': {
    subject: 'region',
    allowed: MEDICAL_OFFICERS,
    request: (s) => post('/api/medical/retiree-credits', { regionCode: s.province, period: '2025-07' }),
  },
  'POST /api/medical/reviews/scan': {
    subject: 'region',
    allowed: MEDICAL_OFFICERS,
    request: (s) =>
      post('/api/medical/reviews/scan', { regionCode: s.regionCode, from: '2025-07-01', to: '2025-07-15' }),
  },
  'GET /api/medical/reviews': {
    subject: 'region',
    allowed: MEDICAL_READERS,
    request: (s) => get(`/api/medical/reviews?regionCode=${s.regionCode}`),
  },
  // A flag or finding that does not exist has no region: officers anywhere reach the handler's 404.
  'POST /api/medical/reviews/:flagId/clearance': {
    subject: 'none',
    allowed: MEDICAL_OFFICERS,
    hidden: ['adminElsewhere'],
    request: () => post('/api/medical/reviews/999999/clearance', { note: 'matrix' }),
  },
  'POST /api/medical/findings': {
    subject: 'none',
    allowed: MEDICAL_OFFICERS,
    hidden: ['adminElsewhere'],
    request: () =>
      post('/api/medical/findings', {
        flagIds: [999_999],
        subject: 'person',
        article: 'MFR Art. 41',
        description: 'matrix finding',
        lossFen: 100,
        multiplePpm: 2_000_000,
      }),
  },
  'GET /api/medical/findings': {
    subject: 'region',
    allowed: MEDICAL_READERS,
    request: (s) => get(`/api/medical/findings?regionCode=${s.regionCode}`),
  },
  'POST /api/medical/findings/:findingNo/decision': {
    subject: 'none',
    allowed: MEDICAL_OFFICERS,
    hidden: ['adminElsewhere'],
    request: () => post('/api/medical/findings/MF20250715999999/decision', { approve: true }),
  },
  'GET /api/persons/:personId/medical-account': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/medical-account`),
  },
  'POST /api/persons/:personId/resident-enrolments': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'medical'],
    request: (s) =>
      post(`/api/persons/${s.personId}/resident-enrolments`, {
        year: 2025,
        paidOn: '2025-07-01',
        amountFen: 40_000,
      }),
  },
  'GET /api/persons/:personId/notices': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/notices`),
  },
  'POST /api/persons/:personId/notices/:noticeId/read': {
    subject: 'person',
    allowed: ['person'],
    request: (s) => post(`/api/persons/${s.personId}/notices/999999/read`, {}),
  },
  'GET /api/persons/:personId/notice-settings': {
    subject: 'person',
    allowed: [...STAFF_HERE, 'person'],
    request: (s) => get(`/api/persons/${s.personId}/notice-settings`),
  },
  'PUT /api/persons/:personId/notice-settings': {
    subject: 'person',
    allowed: [...WRITERS_HERE, 'person'],
    request: (s) => ({
      method: 'PUT',
      url: `/api/persons/${s.personId}/notice-settings`,
      payload: { email: null, phone: null, emailEnabled: false, smsEnabled: false, language: 'zh-CN' },
    }),
  },
  'GET /api/employers/:employerId/notices': {
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/notices`),
  },
  'POST /api/employers/:employerId/notices/:noticeId/read': {
    subject: 'employer',
    allowed: ['employer'],
    request: (s) => post(`/api/employers/${s.employerId}/notices/999999/read`, {}),
  },
  'GET /api/employers/:employerId/notice-settings': {
    subject: 'employer',
    allowed: [...STAFF_HERE, 'employer'],
    request: (s) => get(`/api/employers/${s.employerId}/notice-settings`),
  },
  'PUT /api/employers/:employerId/notice-settings': {
    subject: 'employer',
    allowed: [...WRITERS_HERE, 'employer'],
    request: (s) => ({
      method: 'PUT',
      url: `/api/employers/${s.employerId}/notice-settings`,
      payload: {
        email: null,
        phone: null,
        emailEnabled: false,
        smsEnabled: false,
        language: 'zh-CN',
        monthlyDetails: true,
      },
    }),
  },
  'POST /api/notice-runs': {
    subject: 'region',
    allowed: WRITERS_HERE,
    request: (s) =>
      post('/api/notice-runs', { kind: 'monthly-details', regionCode: s.regionCode, period: '2025-06' }),
  },
  'GET /api/notice-runs/:runId': {
    subject: 'none',
    allowed: OVERSIGHT_ANYWHERE,
    request: () => get('/api/notice-runs/999999'),
  },
  'GET /api/notices/overview': {
    subject: 'none',
    allowed: OVERSIGHT_ANYWHERE,
    request: () => get('/api/notices/overview'),
  },
};

/** The targets a route is tried with. */
export function targetsOf(row: MatrixRow): Target[] {
  if (row.subject === 'none') return ['own'];
  if (row.subject === 'region') return ['own', 'otherRegion'];
  return ['own', 'other', 'otherRegion'];
}

/**
 * The expected outcome of one cell. `allowed` is written for the caller's own subject; from it:
 * - the system token may do what a collection officer of its region may, except proposing a change for a
 *   second person's approval (`byPersonOnly`), the read token only the reads (every write of a read token
 *   is refused, whatever the route);
 * - about another person, employer or institution, the person, the employer user and the institution's
 *   account are refused, staff are not;
 * - about another region, the staff of 110000 and the tokens are refused, and the staff of 310000 may do
 *   what their counterparts may at home.
 * Denied: 401 without credentials, 404 where the row hides the record, else 403.
 */
export function expectedOutcome(
  row: MatrixRow,
  principal: MatrixPrincipal,
  target: Target,
  method: string,
): Outcome {
  const isPublic = row.allowed.includes('anonymous');
  let allowed: boolean;
  if (isPublic) allowed = true;
  else if (principal === 'systemToken') allowed = row.allowed.includes('collector') && !row.byPersonOnly;
  else if (principal === 'readToken')
    allowed = row.allowed.includes('collector') && !row.byPersonOnly && method === 'GET';
  else allowed = row.allowed.includes(principal);
  if (
    !isPublic &&
    target === 'other' &&
    (principal === 'person' || principal === 'employer' || principal === 'institution')
  )
    allowed = false;
  if (!isPublic && target === 'otherRegion') {
    const here = (Object.entries(ELSEWHERE_TWIN) as [MatrixPrincipal, MatrixPrincipal][]).find(
      ([, twin]) => twin === principal,
    )?.[0];
    allowed = here !== undefined && row.allowed.includes(here);
  }
  if (allowed) return 'allowed';
  if (principal === 'anonymous') return 401;
  if (row.hidden?.includes(principal)) return 404;
  return 403;
}

/**
 * Cells beyond the table: tokens that would act as someone else, and the two-person rule behind a token.
 * `as` names an account of the fixture (see route-table.test.ts) and how it authenticates.
 */
export interface SpecialCell {
  name: string;
  as:
    'admin session' | 'admin token' | 'proposer session' | 'proposer token' | 'proposer-issued system token';
  request: (ids: SpecialIds) => InjectOptions;
  expected: Outcome;
}

export interface SpecialIds {
  /** A second administrator of 110000 (the proposer). */
  proposerId: number;
  /** A collecting system account of 110000 (a role the administrators lack), and one of 310000. */
  systemHereId: number;
  systemElsewhereId: number;
  /** A system account of 110000 with the administrators' own role. */
  systemAdminHereId: number;
  /** A policy proposal of 110000 made by the proposer, still pending. */
  pendingApprovalId: number;
}

export const SPECIAL_CELLS: readonly SpecialCell[] = [
  {
    name: 'an administrator mints a token as another staff member',
    as: 'admin session',
    request: (ids) =>
      post('/api/auth/tokens', { userId: ids.proposerId, name: 'as a colleague', scope: 'write' }),
    expected: 403,
  },
  {
    name: 'an administrator mints a token as a system account of another region (more regions than theirs)',
    as: 'admin session',
    request: (ids) =>
      post('/api/auth/tokens', { userId: ids.systemElsewhereId, name: 'elsewhere', scope: 'write' }),
    expected: 403,
  },
  {
    name: 'a token mints another token (tokens are issued from a logged-in session only)',
    as: 'admin token',
    request: () => post('/api/auth/tokens', { name: 'from a token', scope: 'read' }),
    expected: 403,
  },
  {
    name: 'the proposer approves their own proposal',
    as: 'proposer session',
    request: (ids) => post(`/api/approvals/${ids.pendingApprovalId}/approve`, {}),
    expected: 403,
  },
  {
    name: "the proposer's own token approves the proposal",
    as: 'proposer token',
    request: (ids) => post(`/api/approvals/${ids.pendingApprovalId}/approve`, {}),
    expected: 403,
  },
  {
    name: 'a system account token the proposer issued approves the proposal (the person behind it counts)',
    as: 'proposer-issued system token',
    request: (ids) => post(`/api/approvals/${ids.pendingApprovalId}/approve`, {}),
    expected: 403,
  },
  {
    name: 'an administrator mints a token as a system account of their region with roles they hold',
    as: 'admin session',
    request: (ids) =>
      post('/api/auth/tokens', { userId: ids.systemAdminHereId, name: 'gateway', scope: 'read' }),
    expected: 'allowed',
  },
  {
    name: 'an administrator mints a token as a system account with a role they do not hold (more roles than theirs)',
    as: 'admin session',
    request: (ids) => post('/api/auth/tokens', { userId: ids.systemHereId, name: 'gateway', scope: 'read' }),
    expected: 403,
  },
  {
    name: 'a second administrator approves the proposal',
    as: 'admin session',
    request: (ids) => post(`/api/approvals/${ids.pendingApprovalId}/approve`, {}),
    expected: 'allowed',
  },
];

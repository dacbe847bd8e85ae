import { makeCreditCode } from '@shebao/domain';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { runCollection } from '../modules/collection/index.ts';
import { insertCollectionFixture } from '../testing/collection-fixture.ts';
import { anonymousClient, describeEachServer, logIn, type Client } from './test-server.ts';

/**
 * Walks EVERY registered /api route with EVERY kind of caller and asserts who may and who may not. The
 * table below is written out by hand, independently of the routes' own policies, and a route missing
 * from it fails the test: a new route cannot be added without saying who may call it.
 */

const CALLERS = [
  'anonymous',
  'admin',
  'collector',
  'collectorElsewhere',
  'benefits',
  'medical',
  'inspector',
  'auditor',
  'institution',
  'employer',
  'person',
] as const;
type Caller = (typeof CALLERS)[number];

const ALL: Caller[] = [...CALLERS];
const LOGGED_IN = ALL.filter((caller) => caller !== 'anonymous');
const STAFF: Caller[] = [
  'admin',
  'collector',
  'collectorElsewhere',
  'benefits',
  'medical',
  'inspector',
  'auditor',
];
const STAFF_HERE = STAFF.filter((caller) => caller !== 'collectorElsewhere');
const WRITERS: Caller[] = ['admin', 'collector', 'collectorElsewhere'];
const WRITERS_HERE: Caller[] = ['admin', 'collector'];
const OVERSIGHT: Caller[] = ['admin', 'collector', 'collectorElsewhere', 'inspector', 'auditor'];

interface Ids {
  employerA: number;
  employerB: number;
  personP1: number;
  personP2: number;
  creditA: string;
  idNumberP1: string;
  billA: string;
  paymentA: string;
  rowId: number;
  approvalId: number;
  systemUserId: number;
  tokenId: number;
  statementCode: string;
  jobId: number;
}

const PASSWORD = 'route-table-password';
let sequence = 0;
const next = () => (sequence += 1);

type Entry = { allowed: Caller[]; request: (ids: Ids) => InjectOptions };

/** A base workbook for the walk: a header and one row (an unknown person, so a check refuses it). */
const BASE_WORKBOOK = await (async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('bases');
  sheet.addRow(['id-number', 'declared']);
  sheet.addRow(['11010519491231002X', '9000.00']);
  return Buffer.from(await book.xlsx.writeBuffer());
})();
const post = (url: string, payload: unknown, headers: Record<string, string> = {}): InjectOptions => ({
  method: 'POST',
  url,
  payload: payload as never,
  headers,
});
const withKey = () => ({ 'idempotency-key': `route-table-${next()}-key` });

const TABLE: Record<string, Entry> = {
  'GET /api/health': { allowed: ALL, request: () => ({ method: 'GET', url: '/api/health' }) },
  'GET /api/openapi.json': { allowed: ALL, request: () => ({ method: 'GET', url: '/api/openapi.json' }) },
  'GET /api/problems/:type': {
    allowed: ALL,
    request: () => ({ method: 'GET', url: '/api/problems/validation' }),
  },
  'POST /api/auth/login/person': {
    allowed: ALL,
    request: (ids) => post('/api/auth/login/person', { idNumber: ids.idNumberP1, password: PASSWORD }),
  },
  'POST /api/auth/login/employer': {
    allowed: ALL,
    request: (ids) =>
      post('/api/auth/login/employer', { creditCode: ids.creditA, userName: 'finance', password: PASSWORD }),
  },
  'POST /api/auth/login/staff': {
    allowed: ALL,
    request: () => post('/api/auth/login/staff', { userName: 'admin', password: PASSWORD }),
  },
  'POST /api/auth/logout': { allowed: LOGGED_IN, request: () => post('/api/auth/logout', {}) },
  'GET /api/auth/me': { allowed: LOGGED_IN, request: () => ({ method: 'GET', url: '/api/auth/me' }) },
  'GET /api/auth/notices': {
    allowed: LOGGED_IN,
    request: () => ({ method: 'GET', url: '/api/auth/notices' }),
  },
  'POST /api/users': {
    allowed: ['admin'],
    request: () =>
      post('/api/users', {
        kind: 'staff',
        userName: `clerk${next()}`,
        displayName: 'Clerk',
        password: PASSWORD,
        roles: ['auditor'],
        regionCodes: ['110105'],
      }),
  },
  'POST /api/auth/tokens': {
    allowed: ['admin'],
    request: (ids) => post('/api/auth/tokens', { userId: ids.systemUserId, name: 'walk', scope: 'read' }),
  },
  'GET /api/auth/tokens': {
    allowed: ['admin'],
    request: () => ({ method: 'GET', url: '/api/auth/tokens?limit=10' }),
  },
  'POST /api/auth/tokens/:tokenId/revoke': {
    allowed: ['admin'],
    request: (ids) => post(`/api/auth/tokens/${ids.tokenId}/revoke`, {}),
  },
  'POST /api/employers': {
    allowed: WRITERS_HERE,
    request: () =>
      post('/api/employers', {
        creditCode: makeCreditCode('110105', 700_000 + next()),
        name: 'Walk Ltd',
        regionCode: '110105',
        industryClass: 1,
        establishedOn: '2025-07-01',
      }),
  },
  'GET /api/employers': {
    allowed: STAFF_HERE,
    request: () => ({ method: 'GET', url: '/api/employers?regionCode=110105' }),
  },
  'GET /api/persons': {
    allowed: STAFF_HERE,
    request: () => ({ method: 'GET', url: '/api/persons?regionCode=110105&q=' }),
  },
  'GET /api/employers/:employerId': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({ method: 'GET', url: `/api/employers/${ids.employerA}` }),
  },
  'GET /api/employers/:employerId/employments': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({ method: 'GET', url: `/api/employers/${ids.employerA}/employments` }),
  },
  'GET /api/employers/:employerId/bases/:cycleStart': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({ method: 'GET', url: `/api/employers/${ids.employerA}/bases/2025-07` }),
  },
  'POST /api/employers/:employerId/bases.csv': {
    allowed: [...WRITERS_HERE, 'employer'],
    request: (ids) => ({
      method: 'POST',
      url: `/api/employers/${ids.employerA}/bases.csv?cycleStart=2025-07&dryRun=true`,
      payload: `id-number,declared\n${ids.idNumberP1},9000.00\n`,
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'POST /api/employers/:employerId/bases.xlsx': {
    allowed: [...WRITERS_HERE, 'employer'],
    request: (ids) => ({
      method: 'POST',
      url: `/api/employers/${ids.employerA}/bases.xlsx?cycleStart=2025-07&dryRun=true`,
      payload: BASE_WORKBOOK,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    }),
  },
  'GET /api/employers/:employerId/bases-template': {
    allowed: [...WRITERS_HERE, 'employer'],
    request: (ids) => ({
      method: 'GET',
      url: `/api/employers/${ids.employerA}/bases-template?cycleStart=2025-07&format=csv`,
    }),
  },
  'GET /api/employers/:employerId/contribution-year': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({
      method: 'GET',
      url: `/api/employers/${ids.employerA}/contribution-year?period=2025-09`,
    }),
  },
  'GET /api/employers/:employerId/monthly-details/:period': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({ method: 'GET', url: `/api/employers/${ids.employerA}/monthly-details/2025-07` }),
  },
  'GET /api/employers/:employerId/staff': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({ method: 'GET', url: `/api/employers/${ids.employerA}/staff?limit=10` }),
  },
  'GET /api/employers/:employerId/arrears': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({ method: 'GET', url: `/api/employers/${ids.employerA}/arrears?asOf=2025-09-01` }),
  },
  'GET /api/employers/:employerId/summary': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({ method: 'GET', url: `/api/employers/${ids.employerA}/summary` }),
  },
  'POST /api/persons': {
    allowed: WRITERS_HERE,
    request: (ids) =>
      post('/api/persons', {
        idNumber: ids.idNumberP1,
        name: 'Someone',
        hukouRegionCode: '110105',
        hukouType: 'urban',
        category: 'employee',
        regionCode: '110105',
      }),
  },
  'GET /api/persons/:personId': {
    allowed: [...STAFF_HERE, 'person'],
    request: (ids) => ({ method: 'GET', url: `/api/persons/${ids.personP1}` }),
  },
  'GET /api/persons/:personId/employments': {
    allowed: [...STAFF_HERE, 'person'],
    request: (ids) => ({ method: 'GET', url: `/api/persons/${ids.personP1}/employments` }),
  },
  'GET /api/persons/:personId/rights-record': {
    allowed: [...STAFF_HERE, 'person'],
    request: (ids) => ({ method: 'GET', url: `/api/persons/${ids.personP1}/rights-record?year=2025` }),
  },
  'GET /api/persons/:personId/access-log': {
    allowed: ['admin', 'auditor', 'person'],
    request: (ids) => ({ method: 'GET', url: `/api/persons/${ids.personP1}/access-log` }),
  },
  'POST /api/persons/:personId/statements': {
    allowed: [...STAFF_HERE.filter((caller) => caller !== 'auditor'), 'person'],
    request: (ids) => post(`/api/persons/${ids.personP1}/statements`, { kind: 'rights', year: 2025 }),
  },
  'GET /api/persons/:personId/statements': {
    allowed: [...STAFF_HERE, 'person'],
    request: (ids) => ({ method: 'GET', url: `/api/persons/${ids.personP1}/statements` }),
  },
  'GET /api/statements/public-key': {
    allowed: ALL,
    request: () => ({ method: 'GET', url: '/api/statements/public-key' }),
  },
  'GET /api/statements/:code.pdf': {
    allowed: [...STAFF_HERE, 'person'],
    request: (ids) => ({ method: 'GET', url: `/api/statements/${ids.statementCode}.pdf?lang=en` }),
  },
  'POST /api/hires': {
    allowed: [...WRITERS_HERE, 'employer'],
    request: (ids) =>
      post('/api/hires', { employerId: ids.employerA, personId: ids.personP1, hiredOn: '2025-07-01' }),
  },
  'POST /api/leaves': {
    allowed: [...WRITERS_HERE, 'employer'],
    request: (ids) =>
      post('/api/leaves', {
        employerId: ids.employerA,
        personId: ids.personP1,
        leftOn: '2030-01-01',
        reason: 'resignation',
      }),
  },
  'POST /api/bases': {
    allowed: [...WRITERS_HERE, 'employer'],
    request: (ids) =>
      post('/api/bases', {
        employerId: ids.employerA,
        personId: ids.personP1,
        cycleStart: '2025-07',
        declaredFen: 900_000,
      }),
  },
  'POST /api/bases/corrections': {
    allowed: WRITERS_HERE,
    request: (ids) =>
      post('/api/bases/corrections', {
        employerId: ids.employerA,
        personId: ids.personP1,
        cycleStart: '2025-07',
        declaredFen: 910_000,
      }),
  },
  'POST /api/declarations': {
    allowed: [...WRITERS_HERE, 'employer'],
    request: (ids) => post('/api/declarations', { employerId: ids.employerA, period: '2025-07' }),
  },
  'POST /api/flexible-enrolments': {
    allowed: [...WRITERS_HERE, 'person'],
    request: (ids) =>
      post('/api/flexible-enrolments', {
        personId: ids.personP1,
        regionCode: '110105',
        gradePpm: 600_000,
        paymentMethod: 'self',
        startPeriod: '2025-08',
      }),
  },
  'GET /api/persons/:personId/flexible-contribution': {
    allowed: [...STAFF_HERE, 'person'],
    request: (ids) => ({ method: 'GET', url: `/api/persons/${ids.personP1}/flexible-contribution` }),
  },
  'POST /api/persons/:personId/flexible-grade': {
    allowed: [...WRITERS_HERE, 'person'],
    request: (ids) => post(`/api/persons/${ids.personP1}/flexible-grade`, { gradePpm: 600_000 }),
  },
  'POST /api/collection/runs': {
    allowed: WRITERS_HERE,
    request: () => post('/api/collection/runs', { regionCode: '110105', period: '2025-07' }),
  },
  'POST /api/collection/jobs': {
    allowed: WRITERS_HERE,
    request: () => post('/api/collection/jobs', { regionCode: '110105', period: '2025-09' }),
  },
  'GET /api/collection/jobs': {
    allowed: STAFF_HERE,
    request: () => ({ method: 'GET', url: '/api/collection/jobs?regionCode=110105' }),
  },
  'GET /api/collection/jobs/:jobId': {
    allowed: STAFF_HERE,
    request: (ids) => ({ method: 'GET', url: `/api/collection/jobs/${ids.jobId}` }),
  },
  'POST /api/collection/adjustments': {
    allowed: WRITERS_HERE,
    request: () =>
      post('/api/collection/adjustments', {
        regionCode: '110105',
        fromPeriod: '2025-07',
        toPeriod: '2025-07',
      }),
  },
  'POST /api/collection/settlements': {
    allowed: WRITERS_HERE,
    request: () => post('/api/collection/settlements', { regionCode: '110105' }),
  },
  'GET /api/bills': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({ method: 'GET', url: `/api/bills?employerId=${ids.employerA}&limit=5` }),
  },
  'GET /api/bills/:billNo': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({ method: 'GET', url: `/api/bills/${ids.billA}` }),
  },
  'POST /api/payments': {
    allowed: WRITERS_HERE,
    request: (ids) =>
      post('/api/payments', { payerCode: ids.creditA, amountFen: 100, paidOn: '2025-07-10' }, withKey()),
  },
  // The amount that clears a flexible worker's bills today: the person, and staff of the region at the counter.
  'GET /api/persons/:personId/payment-quote': {
    allowed: [...STAFF_HERE, 'person'],
    request: (ids) => ({ method: 'GET', url: `/api/persons/${ids.personP1}/payment-quote` }),
  },
  // Only the person pays online for themself (staff record payments with POST /api/payments).
  'POST /api/persons/:personId/payments': {
    allowed: ['person'],
    request: (ids) => post(`/api/persons/${ids.personP1}/payments`, { amountFen: 100 }, withKey()),
  },
  'POST /api/employers/:employerId/payments': {
    allowed: ['employer'],
    request: (ids) => post(`/api/employers/${ids.employerA}/payments`, { amountFen: 100 }, withKey()),
  },
  'GET /api/payments': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({ method: 'GET', url: `/api/payments?employerId=${ids.employerA}` }),
  },
  'GET /api/regions/:regionCode/payments': {
    allowed: STAFF_HERE,
    request: () => ({ method: 'GET', url: '/api/regions/110000/payments?limit=5' }),
  },
  'GET /api/regions/:regionCode/arrears': {
    allowed: STAFF_HERE,
    request: () => ({ method: 'GET', url: '/api/regions/110000/arrears?asOf=2025-09-01' }),
  },
  'POST /api/payments/:paymentNo/reversals': {
    // The first allowed caller proposes; the others find it waiting for approval (409), still let through.
    allowed: WRITERS_HERE,
    request: (ids) =>
      post(`/api/payments/${ids.paymentA}/reversals`, { reason: 'recorded twice by mistake' }, withKey()),
  },
  'GET /api/payments/:paymentNo/receipt': {
    allowed: [...STAFF_HERE, 'employer'],
    request: (ids) => ({ method: 'GET', url: `/api/payments/${ids.paymentA}/receipt` }),
  },
  // A statement holds payers of any region, so it carries no region scope.
  'POST /api/bank-statements': {
    allowed: WRITERS,
    request: () => ({
      method: 'POST',
      url: '/api/bank-statements?fileName=walk.csv',
      payload: `bank_reference,payer_code,payer_name,amount,paid_on\nWALK-${next()},${makeCreditCode('110105', 990_001)},Nobody,10.00,2025-07-10\n`,
      headers: { 'content-type': 'text/csv', ...withKey() },
    }),
  },
  'GET /api/bank-statements/unmatched': {
    allowed: OVERSIGHT,
    request: () => ({ method: 'GET', url: '/api/bank-statements/unmatched' }),
  },
  'POST /api/bank-statements/unmatched/:rowId/resolve': {
    allowed: WRITERS_HERE,
    request: (ids) =>
      post(`/api/bank-statements/unmatched/${ids.rowId}/resolve`, { payerCode: ids.creditA }, withKey()),
  },
  'POST /api/deferrals': {
    allowed: WRITERS_HERE,
    request: (ids) =>
      post('/api/deferrals', {
        payerCode: ids.creditA,
        fromDate: '2025-07-01',
        toDate: '2025-07-10',
        reason: 'flood',
      }),
  },
  'GET /api/ledger/verify': {
    allowed: OVERSIGHT,
    request: () => ({ method: 'GET', url: '/api/ledger/verify' }),
  },
  'GET /api/ledger/balances': {
    allowed: OVERSIGHT,
    request: () => ({ method: 'GET', url: '/api/ledger/balances' }),
  },
  'GET /api/ledger/income': {
    allowed: OVERSIGHT,
    request: () => ({ method: 'GET', url: '/api/ledger/income?from=2025-01&to=2025-12' }),
  },
  'GET /api/policy/parameters': {
    allowed: STAFF,
    request: () => ({ method: 'GET', url: '/api/policy/parameters?regionCode=110000' }),
  },
  'POST /api/policy/parameters': {
    allowed: ['admin'],
    request: () =>
      post('/api/policy/parameters', {
        name: 'base.averageWage',
        regionCode: '110000',
        validFrom: '2026-07',
        value: 1_200_000,
        source: 'walk',
      }),
  },
  'GET /api/approvals': {
    allowed: OVERSIGHT,
    request: () => ({ method: 'GET', url: '/api/approvals?status=pending' }),
  },
  'POST /api/approvals/:approvalId/approve': {
    allowed: ['admin'],
    request: (ids) => post(`/api/approvals/${ids.approvalId}/approve`, {}),
  },
  'POST /api/approvals/:approvalId/reject': {
    allowed: ['admin'],
    request: (ids) => post(`/api/approvals/${ids.approvalId}/reject`, {}),
  },
};

/** Routes whose schemas name a person but whose replies are not someone else's read of a person's data. */
const NOT_PERSONAL: Record<string, string> = {
  'GET /api/auth/me': "the caller's own account",
  'POST /api/auth/login/person': 'logging in as oneself',
  'POST /api/auth/login/employer': 'logging in as oneself',
  'POST /api/auth/login/staff': 'logging in as oneself',
  'POST /api/persons': 'registration by staff: a write answered with what was written',
  'POST /api/hires': 'a write answered with what was written',
  'POST /api/leaves': 'a write answered with what was written',
  'POST /api/bases': 'a write answered with what was written',
  'POST /api/bases/corrections': 'a proposal answered with the proposal',
  'POST /api/flexible-enrolments': 'a write answered with what was written',
  'POST /api/users': 'account administration',
  'POST /api/persons/:personId/flexible-grade': 'a write answered with what was written',
  'POST /api/persons/:personId/payments': "the payer's own payment, answered with its receipt",
};

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

/** Whether an operation takes a personId or answers with person fields (refs followed). */
function namesPerson(document: OpenApi, operation: unknown): boolean {
  const seen = new Set<string>();
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(visit);
    if (!node || typeof node !== 'object') return false;
    const object = node as Record<string, unknown>;
    if (typeof object.$ref === 'string') {
      if (seen.has(object.$ref)) return false;
      seen.add(object.$ref);
      return visit(document.components?.schemas?.[object.$ref.split('/').pop()!]);
    }
    if (object.name === 'personId') return true;
    const properties = object.properties as Record<string, unknown> | undefined;
    if (properties && ['personId', 'idNumber', 'idNumberMasked'].some((name) => name in properties))
      return true;
    return Object.entries(object).some(([key, value]) => key !== 'default' && visit(value));
  };
  const { parameters, responses, requestBody } = operation as Record<string, unknown>;
  const ok = (responses as Record<string, unknown> | undefined) ?? {};
  return visit(parameters) || visit(requestBody) || visit(ok['200']) || visit(ok['201']);
}

describeEachServer(
  'route table: every route with every caller',
  (get) => {
    const clients = {} as Record<Caller, Client>;
    let ids: Ids;

    beforeAll(async () => {
      const { app, db, server } = get();
      const fixture = await insertCollectionFixture(db, {
        regionCode: '110105',
        cycleStart: '2025-07',
        employers: [{ employees: [{ wageFen: 800_000 }] }, { employees: [{ wageFen: 700_000 }] }],
      });
      const [employerA, employerB] = fixture.employerIds as [number, number];
      const personP1 = fixture.personIds[0]![0]!;
      const personP2 = fixture.personIds[1]![0]!;
      await runCollection(
        { db, clock: app.clock, policy: app.policy },
        { regionCode: '110105', period: '2025-07' },
      );
      const staff: [string, string, string][] = [
        ['admin', 'admin', '110000'],
        ['admin2', 'admin', '110000'],
        ['collector', 'collection_officer', '110000'],
        ['collectorElsewhere', 'collection_officer', '310000'],
        ['benefits', 'benefits_officer', '110000'],
        ['medical', 'medical_officer', '110000'],
        ['inspector', 'inspector', '110000'],
        ['auditor', 'auditor', '110000'],
        ['institution', 'institution_user', '110000'],
      ];
      for (const [userName, role, region] of staff) {
        await app.auth.addUser(
          {
            kind: 'staff',
            userName,
            displayName: userName,
            password: PASSWORD,
            roles: [role as 'admin'],
            regionCodes: [region],
          },
          'test',
        );
      }
      await app.auth.addUser(
        {
          kind: 'employer',
          employerId: employerA,
          userName: 'finance',
          displayName: 'F',
          password: PASSWORD,
        },
        'test',
      );
      await app.auth.addUser(
        {
          kind: 'employer',
          employerId: employerB,
          userName: 'finance',
          displayName: 'F',
          password: PASSWORD,
        },
        'test',
      );
      await app.auth.addUser({ kind: 'person', personId: personP1, password: PASSWORD }, 'test');
      const system = await app.auth.addUser(
        {
          kind: 'system',
          userName: 'gateway',
          displayName: 'G',
          roles: ['collection_officer'],
          regionCodes: ['110000'],
        },
        'test',
      );
      const creditA = (await app.registration.getEmployer(employerA)).creditCode;
      const idNumberP1 = (await app.registration.getPerson(personP1)).idNumber;

      clients.anonymous = anonymousClient(server);
      for (const [userName] of staff) {
        if (userName === 'admin2') continue;
        clients[userName as Caller] = await logIn(server, 'staff', { userName, password: PASSWORD });
      }
      clients.employer = await logIn(server, 'employer', {
        creditCode: creditA,
        userName: 'finance',
        password: PASSWORD,
      });
      clients.person = await logIn(server, 'person', { idNumber: idNumberP1, password: PASSWORD });
      const admin2 = await logIn(server, 'staff', { userName: 'admin2', password: PASSWORD });

      const bill = await clients.admin.request({ method: 'GET', url: `/api/bills?employerId=${employerA}` });
      const billA = bill.json().items[0].billNo as string;
      const payment = await clients.admin.request(
        post('/api/payments', { payerCode: creditA, amountFen: 5_000, paidOn: '2025-07-10' }, withKey()),
      );
      const imported = await clients.admin.request({
        method: 'POST',
        url: '/api/bank-statements?fileName=setup.csv',
        payload: `bank_reference,payer_code,payer_name,amount,paid_on\nSETUP-1,${makeCreditCode('110105', 990_002)},Unknown,20.00,2025-07-10\n`,
        headers: { 'content-type': 'text/csv', ...withKey() },
      });
      expect(imported.statusCode).toBe(200);
      const unmatched = await clients.admin.request({ method: 'GET', url: '/api/bank-statements/unmatched' });
      const proposal = await admin2.request(
        post('/api/policy/parameters', {
          name: 'base.averageWage',
          regionCode: '110000',
          validFrom: '2026-07',
          value: 1_300_000,
          source: 'setup',
        }),
      );
      expect(proposal.statusCode).toBe(202);
      const statement = await clients.admin.request(
        post(`/api/persons/${personP1}/statements`, { kind: 'rights', year: 2025 }),
      );
      expect(statement.statusCode).toBe(201);
      const job = await clients.admin.request(
        post('/api/collection/jobs', { regionCode: '110105', period: '2025-08' }),
      );
      expect(job.statusCode).toBe(202);
      ids = {
        statementCode: statement.json().code as string,
        employerA,
        employerB,
        personP1,
        personP2,
        creditA,
        idNumberP1,
        billA,
        paymentA: payment.json().paymentNo as string,
        rowId: unmatched.json().items[0].rowId as number,
        approvalId: proposal.json().id as number,
        systemUserId: system.id,
        tokenId: (await app.auth.createApiToken({ userId: system.id, name: 'walk', scope: 'read' }, 'cli'))
          .id,
        jobId: job.json().id as number,
      };
    });

    it('has an expectation for every registered route, and no stale ones', () => {
      const registered = get().server.apiRoutes.map((route) => `${route.method} ${route.url}`);
      expect(registered.filter((key) => !(key in TABLE))).toEqual([]);
      expect(Object.keys(TABLE).filter((key) => !registered.includes(key))).toEqual([]);
    });

    it("never lets a person read another person's record, nor an employer another employer's staff", async () => {
      const other = [
        { method: 'GET' as const, url: `/api/persons/${ids.personP2}` },
        { method: 'GET' as const, url: `/api/persons/${ids.personP2}/employments` },
        { method: 'GET' as const, url: `/api/bills?personId=${ids.personP2}` },
        { method: 'GET' as const, url: `/api/payments?personId=${ids.personP2}` },
        { method: 'GET' as const, url: `/api/persons/${ids.personP2}/rights-record?year=2025` },
        { method: 'GET' as const, url: `/api/persons/${ids.personP2}/access-log` },
        { method: 'GET' as const, url: `/api/persons/${ids.personP2}/flexible-contribution` },
        { method: 'GET' as const, url: `/api/persons/${ids.personP2}/statements` },
        {
          method: 'POST' as const,
          url: `/api/persons/${ids.personP2}/statements`,
          payload: { kind: 'rights', year: 2025 },
        },
      ];
      for (const request of other) expect((await clients.person.request(request)).statusCode).toBe(403);
      const otherEmployer = [
        `/api/employers/${ids.employerB}`,
        `/api/employers/${ids.employerB}/employments`,
        `/api/employers/${ids.employerB}/monthly-details/2025-07`,
        `/api/bills?employerId=${ids.employerB}`,
        `/api/employers/${ids.employerB}/staff`,
        `/api/employers/${ids.employerB}/arrears`,
        `/api/employers/${ids.employerB}/bases-template?cycleStart=2025-07`,
        `/api/employers/${ids.employerB}/contribution-year?period=2025-07`,
        `/api/employers/${ids.employerB}/summary`,
      ];
      for (const url of otherEmployer)
        expect((await clients.employer.request({ method: 'GET', url })).statusCode).toBe(403);
      const hireElsewhere = await clients.employer.request(
        post('/api/hires', { employerId: ids.employerB, personId: ids.personP1, hiredOn: '2025-07-01' }),
      );
      expect(hireElsewhere.statusCode).toBe(403);
      const payElsewhere = await clients.employer.request(
        post(`/api/employers/${ids.employerB}/payments`, { amountFen: 100 }, withKey()),
      );
      expect(payElsewhere.statusCode).toBe(403);
    });

    it('lets exactly the expected callers through, and refuses the others with 401 or 403', async () => {
      const failures: string[] = [];
      // Logging out ends the session, so it is walked last.
      const routes = [...get().server.apiRoutes].sort(
        (a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'),
      );
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        const entry = TABLE[key];
        if (!entry) continue;
        for (const caller of CALLERS) {
          const response = await clients[caller].request(entry.request(ids));
          const status = response.statusCode;
          const allowed = entry.allowed.includes(caller);
          const expected = allowed ? 'allowed' : caller === 'anonymous' ? '401' : '403';
          const ok = allowed
            ? status !== 401 && status !== 403 && status < 500
            : status === (caller === 'anonymous' ? 401 : 403);
          if (!ok)
            failures.push(
              `${key} as ${caller}: expected ${expected}, got ${status} ${response.body.slice(0, 160)}`,
            );
        }
      }
      expect(failures).toEqual([]);
    });

    it('declares personal data on every route whose reply names a person, so reads get logged', async () => {
      const document = (get().server as unknown as { swagger(): OpenApi }).swagger();
      const undeclared: string[] = [];
      const exempted: string[] = [];
      for (const route of get().server.apiRoutes) {
        const key = `${route.method} ${route.url}`;
        const path = route.url.replace(/:(\w+)/g, '{$1}');
        const operation = document.paths[path]?.[route.method.toLowerCase()];
        if (route.personalData || !operation || !namesPerson(document, operation)) continue;
        if (key in NOT_PERSONAL) exempted.push(key);
        else undeclared.push(key);
      }
      expect(undeclared).toEqual([]);
      // No stale exemptions: each one names a person and is not declared after all.
      expect(exempted.sort()).toEqual(Object.keys(NOT_PERSONAL).sort());
    });

    it('never lets the auditor write', () => {
      const writes = Object.entries(TABLE).filter(([key]) => !key.startsWith('GET '));
      for (const [key, entry] of writes) {
        if (key.startsWith('POST /api/auth/log')) continue;
        expect(entry.allowed, key).not.toContain('auditor');
      }
    });
  },
  { server: { loginRateLimit: 10_000 } },
);

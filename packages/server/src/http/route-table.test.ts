import { makeCreditCode } from '@shebao/domain';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { runCollection } from '../workflows/index.ts';
import { insertCollectionFixture } from '../testing/collection-fixture.ts';
import {
  AUTHORIZATION_MATRIX,
  PRINCIPALS,
  SPECIAL_CELLS,
  expectedOutcome,
  targetsOf,
  type MatrixFixture,
  type MatrixPrincipal,
  type Outcome,
  type SpecialCell,
  type SpecialIds,
  type Subject,
} from './authorization-matrix.ts';
import { enrolAward } from '../modules/payroll/index.ts';
import { ruleNamed, SCOPES_WITH_RESOLVER } from './access-rules.ts';
import { anonymousClient, describeEachServer, logIn, tokenClient, type Client } from './test-server.ts';

/**
 * Tries EVERY cell of the authorization matrix (authorization-matrix.ts): every registered /api route,
 * every principal, about their own person, employer or region, another one, and another region, with a
 * real request over one fixture built once; then the special cells (tokens as someone else, the
 * two-person rule behind a token). A route missing from the matrix fails the test: a new route cannot be
 * added without saying who may call it (docs/SECURITY.md, "The authorization matrix").
 */

const PASSWORD = 'route-table-password';

/** The principals of the matrix that hold one role in this region, and that role. */
const ROLE_OF_PRINCIPAL: Partial<Record<MatrixPrincipal, string>> = {
  person: 'insured_person',
  employer: 'employer_user',
  admin: 'admin',
  collector: 'collection_officer',
  benefits: 'benefits_officer',
  medical: 'medical_officer',
  inspector: 'inspector',
  auditor: 'auditor',
  institution: 'institution_user',
};

/** A base workbook for the walk: a header and one row (an unknown person, so a check refuses it). */
const BASE_WORKBOOK = await (async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('bases');
  sheet.addRow(['id-number', 'declared']);
  sheet.addRow(['11010519491231002X', '9000.00']);
  return Buffer.from(await book.xlsx.writeBuffer());
})();

let sequence = 0;
const post = (url: string, payload: unknown, headers: Record<string, string> = {}): InjectOptions => ({
  method: 'POST',
  url,
  payload: payload as never,
  headers,
});
const withKey = () => ({ 'idempotency-key': `route-table-setup-${(sequence += 1)}` });

function agrees(outcome: Outcome, status: number): boolean {
  if (outcome === 'allowed') return status !== 401 && status !== 403 && status < 500;
  return status === outcome;
}

/** Routes whose schemas name a person but whose replies are not someone else's read of a person's data. */
const NOT_PERSONAL: Record<string, string> = {
  'POST /api/persons/:personId/applications': 'filing: a write answered with what was written',
  'POST /api/employers/:employerId/applications': 'filing: a write answered with what was written',
  'POST /api/applications/:applicationId/documents': 'a write answered with what was written',
  'POST /api/applications/:applicationId/material-requests': 'a write answered with what was written',
  'POST /api/applications/:applicationId/material-received': 'a write answered with what was written',
  'POST /api/applications/:applicationId/refusal': 'a write answered with what was written',
  'POST /api/applications/:applicationId/withdrawal': 'a write answered with what was written',
  'POST /api/applications/:applicationId/clear-case': 'a write answered with what was written',
  'POST /api/applications/:applicationId/identification': 'a write answered with what was written',
  'POST /api/persons/:personId/unemployment-stop': 'a write answered with what was written',
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
  'POST /api/persons/:personId/awards/:awardNo/correction-proposal': 'a proposal answered with the proposal',
  'POST /api/persons/:personId/awards/:awardNo/correction-decision': 'a decision answered with the approval',
  'POST /api/medical/claims': "the institution's own settlement, answered with what was settled",
  'POST /api/medical/claims/:claimNo/cancellation': 'a write answered with what was written',
  'POST /api/persons/:personId/resident-enrolments': 'a write answered with what was written',
  'POST /api/medical/reviews/:flagId/clearance': 'a review answered with what was written',
  'POST /api/medical/findings': 'a proposal answered with the proposal',
  'POST /api/medical/findings/:findingNo/decision': 'a decision answered with the finding',
  'POST /api/persons/:personId/notices/:noticeId/read':
    'the person marking their own notice read, answered with nothing',
  'PUT /api/persons/:personId/notice-settings': 'a write answered with what was written',
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
  'authorization matrix: every route, every principal, own / other / other region',
  (get) => {
    const clients = {} as Record<MatrixPrincipal, Client>;
    const special = {} as Record<SpecialCell['as'], Client>;
    let fixture: MatrixFixture;
    let specialIds: SpecialIds;

    beforeAll(async () => {
      const { app, db, server } = get();
      const here = await insertCollectionFixture(db, {
        regionCode: '110105',
        cycleStart: '2025-07',
        employers: [{ employees: [{ wageFen: 800_000 }] }, { employees: [{ wageFen: 700_000 }] }],
      });
      const there = await insertCollectionFixture(db, {
        regionCode: '310115',
        cycleStart: '2025-07',
        employers: [{ employees: [{ wageFen: 900_000 }] }],
      });
      const deps = { db, clock: app.clock, policy: app.policy };
      await runCollection(deps, { regionCode: '110105', period: '2025-07' });
      await runCollection(deps, { regionCode: '310115', period: '2025-07' });

      // A designated hospital in each region, and a second one here, each with an agreement (issue 17).
      const hospital = async (regionCode: string, code: string) => {
        const institution = await app.medical.registerInstitution(
          {
            code,
            name: `Hospital ${code}`,
            kind: 'hospital',
            level: 2,
            category: 'general hospital',
            regionCode,
            address: 'Matrix road',
          },
          'test',
        );
        await app.medical.signAgreement(
          institution.id,
          {
            agreementNo: `AG-${code}`,
            validFrom: '2025-01-01',
            validTo: '2026-12-31',
            scope: ['outpatient', 'inpatient', 'pharmacy', 'chronic'],
            paymentDays: 30,
          },
          'test',
        );
        return institution.id;
      };
      const institutionIds = {
        own: await hospital('110105', 'HMATRIXOWN'),
        other: await hospital('110105', 'HMATRIXOTHER'),
        otherRegion: await hospital('310115', 'HMATRIXSH'),
      };

      const userIds: Record<string, number> = {};
      const staff: [string, string, string][] = [
        ['admin', 'admin', '110000'],
        ['admin2', 'admin', '110000'],
        ['collector', 'collection_officer', '110000'],
        ['benefits', 'benefits_officer', '110000'],
        ['medical', 'medical_officer', '110000'],
        ['inspector', 'inspector', '110000'],
        ['auditor', 'auditor', '110000'],
        ['institution', 'institution_user', '110000'],
        ['adminElsewhere', 'admin', '310000'],
        ['adminElsewhere2', 'admin', '310000'],
        ['collectorElsewhere', 'collection_officer', '310000'],
      ];
      for (const [userName, role, region] of staff) {
        const user = await app.auth.addUser(
          {
            kind: 'staff',
            userName,
            displayName: userName,
            password: PASSWORD,
            roles: [role as 'admin'],
            regionCodes: [region],
            ...(role === 'institution_user' ? { institutionId: institutionIds.own } : {}),
          },
          'test',
        );
        userIds[userName] = user.id;
      }
      const employerIds = [...here.employerIds, ...there.employerIds] as [number, number, number];
      for (const employerId of employerIds)
        await app.auth.addUser(
          { kind: 'employer', employerId, userName: 'finance', displayName: 'F', password: PASSWORD },
          'test',
        );
      const [personP1, personP2, personP3] = [
        here.personIds[0]![0]!,
        here.personIds[1]![0]!,
        there.personIds[0]![0]!,
      ];
      await app.auth.addUser({ kind: 'person', personId: personP1, password: PASSWORD }, 'test');
      const system = async (userName: string, roles: ['admin'] | ['collection_officer'], region: string) =>
        (
          await app.auth.addUser(
            { kind: 'system', userName, displayName: userName, roles, regionCodes: [region] },
            'test',
          )
        ).id;
      const gateway = await system('gateway', ['collection_officer'], '110000');
      const gatewayElsewhere = await system('gateway-sh', ['collection_officer'], '310000');
      const gatewayAdmin = await system('gateway-admin', ['admin'], '110000');
      const cliToken = async (userId: number, scope: 'read' | 'write') =>
        (await app.auth.createApiToken({ userId, name: 'matrix', scope }, 'cli')).token;

      clients.anonymous = anonymousClient(server);
      for (const [userName] of staff) {
        if (userName === 'admin2' || userName === 'adminElsewhere2') continue;
        clients[userName as MatrixPrincipal] = await logIn(server, 'staff', { userName, password: PASSWORD });
      }
      const credit = async (employerId: number) =>
        (await app.registration.getEmployer(employerId)).creditCode;
      const idNumber = async (personId: number) => (await app.registration.getPerson(personId)).idNumber;
      clients.employer = await logIn(server, 'employer', {
        creditCode: await credit(employerIds[0]),
        userName: 'finance',
        password: PASSWORD,
      });
      clients.person = await logIn(server, 'person', {
        idNumber: await idNumber(personP1),
        password: PASSWORD,
      });
      clients.systemToken = tokenClient(server, await cliToken(gateway, 'write'));
      clients.readToken = tokenClient(server, await cliToken(gateway, 'read'));
      const admin2 = await logIn(server, 'staff', { userName: 'admin2', password: PASSWORD });
      const adminElsewhere2 = await logIn(server, 'staff', {
        userName: 'adminElsewhere2',
        password: PASSWORD,
      });

      const firstBill = async (employerId: number) =>
        (await clients.admin.request({ method: 'GET', url: `/api/bills?employerId=${employerId}` })).json()
          .items[0].billNo as string;
      const firstBillThere = async (employerId: number) =>
        (
          await clients.adminElsewhere.request({ method: 'GET', url: `/api/bills?employerId=${employerId}` })
        ).json().items[0].billNo as string;
      const pay = async (client: Client, employerId: number) => {
        const response = await client.request(
          post(
            '/api/payments',
            { payerCode: await credit(employerId), amountFen: 5_000, paidOn: '2025-07-10' },
            withKey(),
          ),
        );
        expect(response.statusCode).toBe(201);
        return response.json().paymentNo as string;
      };
      const statement = async (client: Client, personId: number) => {
        const response = await client.request(
          post(`/api/persons/${personId}/statements`, { kind: 'rights', year: 2025 }),
        );
        expect(response.statusCode).toBe(201);
        return response.json().code as string;
      };
      const job = async (client: Client, regionCode: string) => {
        const response = await client.request(
          post('/api/collection/jobs', { regionCode, period: '2025-08' }),
        );
        expect(response.statusCode).toBe(202);
        return response.json().id as number;
      };
      const propose = async (client: Client, regionCode: string, value: number) => {
        const response = await client.request(
          post('/api/policy/parameters', {
            name: 'base.averageWage',
            regionCode,
            validFrom: '2026-07',
            value,
            source: 'setup',
          }),
        );
        expect(response.statusCode).toBe(202);
        return response.json().id as number;
      };

      const imported = await clients.admin.request({
        method: 'POST',
        url: '/api/bank-statements?fileName=setup.csv',
        payload: `bank_reference,payer_code,payer_name,amount,paid_on\nSETUP-1,${makeCreditCode('110105', 990_002)},Unknown,20.00,2025-07-10\n`,
        headers: { 'content-type': 'text/csv', ...withKey() },
      });
      expect(imported.statusCode).toBe(200);
      const unmatched = await clients.admin.request({ method: 'GET', url: '/api/bank-statements/unmatched' });
      const jobHere = await job(clients.admin, '110105');
      const approvalHere = await propose(admin2, '110000', 1_300_000);
      // A benefit application of each subject's person, with a document (issue 15).
      const applicationOf = async (personId: number) => {
        const actor = { login: 'staff:setup', side: 'staff' as const };
        const filed = await app.benefits.file(
          {
            personId,
            application: {
              kind: 'record-correction',
              facts: { what: 'missing-month', periods: ['2025-06'], description: 'matrix setup' },
            },
          },
          actor,
        );
        const attached = await app.benefits.addDocument(
          filed.id,
          {
            kind: 'evidence',
            fileName: 'setup.pdf',
            mediaType: 'application/pdf',
            bytes: Buffer.from('%PDF-1.4\n% setup\n'),
          },
          actor,
        );
        return { applicationId: filed.id, documentId: attached.documents[0]!.id };
      };
      // A payroll run of each region with one pension on the roll, and its issued bank file.
      const payrollOf = async (regionCode: string, personId: number) => {
        await app.database.db.transaction().execute((trx) =>
          enrolAward(trx, {
            awardNo: `AW-MATRIX-${regionCode}`,
            personId,
            regionCode,
            kind: 'pension',
            payeeName: 'Matrix',
            validFrom: '2025-07',
            monthlyFen: 100_000,
            accountPartFen: 0,
            accountBalanceFen: 0,
            payee: { kind: 'bank', account: '6222020200112233445' },
            recordedAt: '2025-07-01T00:00:00.000Z',
          }),
        );
        const run = await app.payroll.run({ regionCode, period: '2025-07', startedBy: 'setup' });
        const { files } = await app.payroll.get(run.runId);
        return { payrollRunId: run.runId, bankFileId: files[0]!.id };
      };
      // A claim settled at each subject's hospital for the subject's person.
      const claimAt = async (institutionId: number, personId: number) => {
        const outcome = await app.medical.settleClaim({
          idempotencyKey: `matrix-claim-${institutionId}-${personId}`,
          recordedBy: 'test',
          input: {
            institutionId,
            idNumber: await idNumber(personId),
            kind: 'outpatient',
            visitDate: '2025-07-10',
            items: [{ code: 'C1', name: 'Consultation', itemClass: 'full', quantity: 1, amountFen: 20_000 }],
            useAccount: false,
          },
        });
        if ('error' in outcome) throw outcome.error;
        return { institutionId, claimNo: outcome.claim.claimNo };
      };
      const own: Subject = {
        employerId: employerIds[0],
        personId: personP1,
        creditCode: await credit(employerIds[0]),
        idNumber: await idNumber(personP1),
        regionCode: '110105',
        province: '110000',
        billNo: await firstBill(employerIds[0]),
        paymentNo: await pay(clients.admin, employerIds[0]),
        statementCode: await statement(clients.admin, personP1),
        jobId: jobHere,
        approvalId: approvalHere,
        ...(await applicationOf(personP1)),
        ...(await payrollOf('110105', personP1)),
        ...(await claimAt(institutionIds.own, personP1)),
      };
      const other: Subject = {
        ...own,
        employerId: employerIds[1],
        personId: personP2,
        creditCode: await credit(employerIds[1]),
        idNumber: await idNumber(personP2),
        billNo: await firstBill(employerIds[1]),
        paymentNo: await pay(clients.admin, employerIds[1]),
        statementCode: await statement(clients.admin, personP2),
        ...(await applicationOf(personP2)),
        ...(await claimAt(institutionIds.other, personP2)),
      };
      const otherRegion: Subject = {
        employerId: employerIds[2],
        personId: personP3,
        creditCode: await credit(employerIds[2]),
        idNumber: await idNumber(personP3),
        regionCode: '310115',
        province: '310000',
        billNo: await firstBillThere(employerIds[2]),
        paymentNo: await pay(clients.adminElsewhere, employerIds[2]),
        statementCode: await statement(clients.adminElsewhere, personP3),
        jobId: await job(clients.adminElsewhere, '310115'),
        approvalId: await propose(adminElsewhere2, '310000', 1_400_000),
        ...(await applicationOf(personP3)),
        ...(await payrollOf('310115', personP3)),
        ...(await claimAt(institutionIds.otherRegion, personP3)),
      };
      fixture = {
        subjects: { own, other, otherRegion },
        tokenId: (await app.auth.createApiToken({ userId: gateway, name: 'to revoke', scope: 'read' }, 'cli'))
          .id,
        rowId: unmatched.json().items[0].rowId as number,
        password: PASSWORD,
        baseWorkbook: BASE_WORKBOOK,
      };

      // The special cells' callers: the proposer's own token and a system token the proposer issued.
      const mint = async (payload: Record<string, unknown>) => {
        const response = await admin2.request(
          post('/api/auth/tokens', { name: 'proposer', scope: 'write', ...payload }),
        );
        expect(response.statusCode).toBe(201);
        return response.json().token as string;
      };
      special['admin session'] = clients.admin;
      special['admin token'] = tokenClient(server, await cliToken(userIds.admin!, 'write'));
      special['proposer session'] = admin2;
      special['proposer token'] = tokenClient(server, await mint({}));
      special['proposer-issued system token'] = tokenClient(server, await mint({ userId: gatewayAdmin }));
      specialIds = {
        proposerId: userIds.admin2!,
        systemHereId: gateway,
        systemElsewhereId: gatewayElsewhere,
        systemAdminHereId: gatewayAdmin,
        pendingApprovalId: await propose(admin2, '110000', 1_350_000),
      };
    });

    it('has a row for every registered route, and no stale ones', () => {
      const registered = get().server.apiRoutes.map((route) => `${route.method} ${route.url}`);
      expect(registered.filter((key) => !(key in AUTHORIZATION_MATRIX))).toEqual([]);
      expect(Object.keys(AUTHORIZATION_MATRIX).filter((key) => !registered.includes(key))).toEqual([]);
    });

    it("takes every route's access from the access table, and the table agrees with the matrix", () => {
      const problems: string[] = [];
      for (const route of get().server.apiRoutes) {
        const key = `${route.method} ${route.url}`;
        const rule = route.access.rule === undefined ? undefined : ruleNamed(route.access.rule);
        if (!rule) {
          problems.push(`${key}: its access is not a row of the access table (use accessTo)`);
          continue;
        }
        if (JSON.stringify(route.access.roles) !== JSON.stringify(rule.roles))
          problems.push(`${key}: roles differ from ${route.access.rule}`);
        if (SCOPES_WITH_RESOLVER.includes(rule.scope) !== (route.access.scope !== undefined))
          problems.push(
            `${key}: ${route.access.rule} is about a ${rule.scope}, the route resolves ${route.access.scope ? 'a scope' : 'none'}`,
          );
        // The hand-written matrix says who may call the route about their own subject; a principal of
        // this region with one role is allowed exactly when the table names that role.
        const row = AUTHORIZATION_MATRIX[key];
        if (!row) continue;
        for (const [principal, role] of Object.entries(ROLE_OF_PRINCIPAL)) {
          const byTable = rule.roles === 'public' || (rule.roles as readonly string[]).includes(role);
          const byMatrix = [...row.allowed, ...(row.allowedElsewhere ?? [])].includes(
            principal as MatrixPrincipal,
          );
          if (byTable !== byMatrix)
            problems.push(
              `${key}: the table ${byTable ? 'lets' : 'keeps'} ${principal} (${role}) ${byTable ? 'in' : 'out'}, the matrix does not`,
            );
        }
      }
      expect(problems).toEqual([]);
    });

    it("never lets a person read another person's record, nor an employer another employer's staff, by query either", async () => {
      const { other } = fixture.subjects;
      for (const url of [`/api/bills?personId=${other.personId}`, `/api/payments?personId=${other.personId}`])
        expect((await clients.person.request({ method: 'GET', url })).statusCode).toBe(403);
      for (const url of [
        `/api/employers/${other.employerId}/arrears`,
        `/api/employers/${other.employerId}/staff`,
      ])
        expect((await clients.employer.request({ method: 'GET', url })).statusCode).toBe(403);
    });

    it('gives every cell its expected outcome, the special cells included', async () => {
      const failures: string[] = [];
      // The route list is the server's own: a route without a row is a failure here too.
      for (const route of get().server.apiRoutes) {
        const key = `${route.method} ${route.url}`;
        if (!(key in AUTHORIZATION_MATRIX)) failures.push(`${key}: no row in the authorization matrix`);
      }
      for (const cell of SPECIAL_CELLS) {
        const response = await special[cell.as].request(cell.request(specialIds));
        if (!agrees(cell.expected, response.statusCode))
          failures.push(
            `${cell.name} (${cell.as}): expected ${cell.expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
          );
      }
      // Logging out ends the session, so it is walked last.
      const routes = [...get().server.apiRoutes].sort(
        (a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'),
      );
      let cells = 0;
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        const row = AUTHORIZATION_MATRIX[key];
        if (!row) continue;
        for (const target of targetsOf(row)) {
          for (const principal of PRINCIPALS) {
            const expected = expectedOutcome(row, principal, target, route.method);
            const response = await clients[principal].request(row.request(fixture.subjects[target], fixture));
            cells += 1;
            if (!agrees(expected, response.statusCode))
              failures.push(
                `${key} as ${principal} (${target}): expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
              );
          }
        }
      }
      expect(failures).toEqual([]);
      expect(cells).toBeGreaterThan(get().server.apiRoutes.length * PRINCIPALS.length);
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
      const writes = Object.entries(AUTHORIZATION_MATRIX).filter(([key]) => !key.startsWith('GET '));
      for (const [key, entry] of writes) {
        if (key.startsWith('POST /api/auth/log')) continue;
        expect(entry.allowed, key).not.toContain('auditor');
      }
    });
  },
  { server: { loginRateLimit: 10_000 } },
);

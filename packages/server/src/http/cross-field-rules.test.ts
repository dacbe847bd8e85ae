import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { insertCollectionFixture } from '../testing/collection-fixture.ts';
import { describeEachServer, logIn, type Client } from './test-server.ts';

/**
 * Every cross-field rule the OpenAPI document lists (`x-cross-field-rules`, http/cross-field-rules.ts) is
 * in the operation's description and enforced by the server: a request that breaks it is refused with a
 * problem naming the field. A rule listed without a request here fails the test, as does a request here
 * for a rule the document no longer lists.
 */

interface Ids {
  employerId: number;
  personId: number;
  creditCode: string;
}

const get = (url: string): InjectOptions => ({ method: 'GET', url });
const post = (url: string, payload: Record<string, unknown>): InjectOptions => ({
  method: 'POST',
  url,
  payload,
});

/** A death report that keeps every rule (docs/RULES.md 14.10); each case below breaks one. */
const deathReport = {
  dateOfDeath: '2025-07-01',
  reportedBy: 'staff',
  heirs: [
    {
      name: 'heir',
      idNumber: '11010519491231002X',
      relation: 'child',
      bankAccount: '6222020200112233445',
      share: { numerator: 1, denominator: 1 },
    },
  ],
  funeralPayee: { heirIndex: 0 },
};

/** A request breaking each rule, by operation, field and (for a field's second rule) `#2`. */
const BREAKING: Record<string, (ids: Ids) => InjectOptions> = {
  'get /api/bills regionCode': (ids) => get(`/api/bills?regionCode=110105&employerId=${ids.employerId}`),
  'get /api/payments employerId': () => get('/api/payments'),
  'post /api/collection/adjustments toPeriod': () =>
    post('/api/collection/adjustments', { regionCode: '110105', fromPeriod: '2025-07', toPeriod: '2025-06' }),
  'get /api/persons/{personId}/rights-record year': (ids) =>
    get(`/api/persons/${ids.personId}/rights-record?year=2025&from=2025-01`),
  'get /api/persons/{personId}/rights-record from': (ids) =>
    get(`/api/persons/${ids.personId}/rights-record?from=2025-06&to=2025-01`),
  'post /api/persons/{personId}/statements year': (ids) =>
    post(`/api/persons/${ids.personId}/statements`, { kind: 'rights', from: '2025-01', to: '2025-03' }),
  'post /api/persons/{personId}/statements from': (ids) =>
    post(`/api/persons/${ids.personId}/statements`, { kind: 'certificate', from: '2025-06', to: '2025-01' }),
  'post /api/hires employerId': (ids) =>
    post('/api/hires', { personId: ids.personId, hiredOn: '2025-07-01' }),
  'post /api/hires personId': (ids) =>
    post('/api/hires', {
      employerId: ids.employerId,
      idNumber: '110105198503150011',
      personId: ids.personId,
      hiredOn: '2025-07-01',
    }),
  'post /api/leaves employerId': (ids) =>
    post('/api/leaves', { personId: ids.personId, leftOn: '2025-07-10', reason: 'resignation' }),
  'post /api/leaves personId': (ids) =>
    post('/api/leaves', { employerId: ids.employerId, leftOn: '2025-07-10', reason: 'resignation' }),
  'post /api/leaves leftOn': (ids) =>
    post('/api/leaves', {
      employerId: ids.employerId,
      personId: ids.personId,
      leftOn: '2019-12-31', // the fixture's hire is on 2020-01-01
      reason: 'resignation',
    }),
  'post /api/bases employerId': (ids) =>
    post('/api/bases', { personId: ids.personId, cycleStart: '2025-07', declaredFen: 900_000 }),
  'post /api/bases personId': (ids) =>
    post('/api/bases', { employerId: ids.employerId, cycleStart: '2025-07', declaredFen: 900_000 }),
  'post /api/bases cycleStart': (ids) =>
    post('/api/bases', { employerId: ids.employerId, personId: ids.personId, declaredFen: 900_000 }),
  'post /api/bases/corrections employerId': (ids) =>
    post('/api/bases/corrections', {
      employerId: ids.employerId,
      creditCode: ids.creditCode,
      personId: ids.personId,
      cycleStart: '2025-07',
      declaredFen: 900_000,
    }),
  'post /api/bases/corrections personId': (ids) =>
    post('/api/bases/corrections', {
      employerId: ids.employerId,
      cycleStart: '2025-07',
      declaredFen: 900_000,
    }),
  'post /api/bases/corrections cycleStart': (ids) =>
    post('/api/bases/corrections', {
      employerId: ids.employerId,
      personId: ids.personId,
      cycleStart: '2025-07',
      period: '2025-08',
      declaredFen: 900_000,
    }),
  'post /api/declarations employerId': () => post('/api/declarations', { period: '2025-07' }),
  'post /api/flexible-enrolments personId': () =>
    post('/api/flexible-enrolments', {
      regionCode: '110105',
      gradePpm: 600_000,
      paymentMethod: 'self',
      startPeriod: '2025-08',
    }),
  'post /api/flexible-enrolments baseFen': (ids) =>
    post('/api/flexible-enrolments', {
      personId: ids.personId,
      regionCode: '110105',
      paymentMethod: 'self',
      startPeriod: '2025-08',
    }),
  'post /api/flexible-enrolments bankAccount': (ids) =>
    post('/api/flexible-enrolments', {
      personId: ids.personId,
      regionCode: '110105',
      gradePpm: 600_000,
      paymentMethod: 'withholding',
      agreementNo: 'AG-1',
      startPeriod: '2025-08',
    }),
  'post /api/flexible-enrolments agreementNo': (ids) =>
    post('/api/flexible-enrolments', {
      personId: ids.personId,
      regionCode: '110105',
      gradePpm: 600_000,
      paymentMethod: 'withholding',
      bankAccount: '6222020200112233445',
      startPeriod: '2025-08',
    }),
  'post /api/deferrals toDate': (ids) =>
    post('/api/deferrals', {
      payerCode: ids.creditCode,
      fromDate: '2025-07-10',
      toDate: '2025-07-01',
      reason: 'flood',
    }),
  'post /api/persons/{personId}/death-reports reporterName': (ids) =>
    post(`/api/persons/${ids.personId}/death-reports`, { ...deathReport, reportedBy: 'relative' }),
  'post /api/persons/{personId}/death-reports heirs': (ids) =>
    post(`/api/persons/${ids.personId}/death-reports`, {
      ...deathReport,
      heirs: [{ ...deathReport.heirs[0], share: { numerator: 1, denominator: 3 } }],
    }),
  'post /api/persons/{personId}/death-reports funeralPayee': (ids) =>
    post(`/api/persons/${ids.personId}/death-reports`, { ...deathReport, funeralPayee: { heirIndex: 1 } }),
  'get /api/ledger/income from': () => get('/api/ledger/income?from=2025-06&to=2025-01'),
  'get /api/ledger/income from#2': () => get('/api/ledger/income?from=2010-01&to=2025-06'),
};

interface DocumentedRule {
  in: 'body' | 'query';
  field: string;
  rule: string;
}
interface Operation {
  description?: string;
  'x-cross-field-rules'?: DocumentedRule[];
  requestBody?: { content?: Record<string, { schema?: { allOf?: unknown[] } }> };
}

describeEachServer('cross-field rules: documented in OpenAPI and enforced', (getServer) => {
  let admin: Client;
  let ids: Ids;

  beforeAll(async () => {
    const { app, db, server } = getServer();
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 800_000 }] }],
    });
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'admin',
        displayName: 'Admin',
        password: 'cross-field-password',
        roles: ['admin'],
        regionCodes: ['110000'],
      },
      'test',
    );
    admin = await logIn(server, 'staff', { userName: 'admin', password: 'cross-field-password' });
    const employerId = fixture.employerIds[0]!;
    ids = {
      employerId,
      personId: fixture.personIds[0]![0]!,
      creditCode: (await app.registration.getEmployer(employerId)).creditCode,
    };
  });

  it('lists each rule in the description and the body schema, and refuses a request breaking it, naming the field', async () => {
    const document = (await admin.request(get('/api/openapi.json'))).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const failures: string[] = [];
    const documented: string[] = [];
    for (const [path, operations] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(operations)) {
        const seen = new Map<string, number>();
        for (const rule of operation['x-cross-field-rules'] ?? []) {
          const count = (seen.get(rule.field) ?? 0) + 1;
          seen.set(rule.field, count);
          const key = `${method} ${path} ${rule.field}${count > 1 ? `#${count}` : ''}`;
          documented.push(key);
          if (!operation.description?.includes(`\`${rule.field}\` (${rule.in}): ${rule.rule}`))
            failures.push(`${key}: the description does not state the rule`);
          const breaking = BREAKING[key];
          if (!breaking) {
            failures.push(`${key}: no request breaking the rule in this test`);
            continue;
          }
          const response = await admin.request(breaking(ids));
          const problem = response.json() as { field?: string; errors?: { field: string }[] };
          const named = [problem.field, ...(problem.errors ?? []).map((error) => error.field)];
          const ok =
            response.statusCode >= 400 &&
            response.statusCode < 500 &&
            ![401, 403, 404].includes(response.statusCode) &&
            String(response.headers['content-type']).startsWith('application/problem+json') &&
            named.some((name) =>
              [rule.field, `${rule.in}.${rule.field}`, `querystring.${rule.field}`].includes(name ?? ''),
            );
          if (!ok) failures.push(`${key}: got ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
      }
    expect(failures).toEqual([]);
    expect(Object.keys(BREAKING).filter((key) => !documented.includes(key))).toEqual([]);
  });

  it('says in JSON Schema what JSON Schema can say', async () => {
    const document = (await admin.request(get('/api/openapi.json'))).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const body = (path: string) =>
      document.paths[path]!.post!.requestBody!.content!['application/json']!.schema!;
    expect(body('/api/hires').allOf).toEqual([
      { oneOf: [{ required: ['employerId'] }, { required: ['creditCode'] }] },
      { oneOf: [{ required: ['personId'] }, { required: ['idNumber'] }] },
    ]);
    expect(body('/api/flexible-enrolments').allOf).toContainEqual({
      if: { properties: { paymentMethod: { const: 'withholding' } }, required: ['paymentMethod'] },
      then: { required: ['bankAccount'] },
    });
    expect(JSON.stringify(body('/api/persons/{personId}/statements').allOf)).toContain('"const":"rights"');
  });
});

import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { runCollection } from '../workflows/index.ts';
import { verifyLedger } from '../modules/ledger/index.ts';
import { insertCollectionFixture } from '../testing/collection-fixture.ts';
import { anonymousClient, describeEachServer, logIn, type Client } from './test-server.ts';

/**
 * Fuzzes every operation of the OpenAPI document as every kind of caller: inputs generated from the
 * operation's own schemas, then mutated (wrong types, impossible dates and periods, huge strings, missing
 * and extra fields). Whatever comes in, the server answers below 500, every error is a problem document,
 * an error changes no row, and the ledger still verifies at the end. The runs are bounded and seeded
 * (FUZZ_SEED and FUZZ_RUNS reproduce or lengthen a run).
 */

const PASSWORD = 'fuzz-password';
/** Requests per operation. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  $ref?: string;
};

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; schema?: JsonSchema }[];
  body?: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Values that break parsers and calculators: impossible dates and periods, extremes, wrong types. */
const NASTY: unknown[] = [
  '2026-13-45',
  '9999-99-99',
  '0000-00-00',
  '2026-02-30',
  '2099-01-01',
  '9999-12',
  '0000-01',
  '2026-00',
  '-1',
  '1e309',
  'NaN',
  '',
  ' ',
  'x'.repeat(10_000),
  '\u0000',
  "'; drop table persons; --",
  '../../etc/passwd',
  '11010519491231002X',
  '91110105MA0000000X',
  -1,
  0,
  2 ** 53,
  -(2 ** 63),
  1.5,
  Number.MAX_SAFE_INTEGER,
  true,
  null,
  [],
  {},
];

const nasty = fc.constantFrom(...NASTY);

function resolve(document: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  if (!schema?.$ref) return schema ?? {};
  return resolve(document, document.components?.schemas?.[schema.$ref.split('/').pop()!]);
}

/**
 * Real values of the fixture by field name (ids, codes, periods), so that generated requests get past
 * the lookups and reach the calculations behind them, where a bad date or amount can do harm.
 */
const KNOWN: Record<string, unknown[]> = {};

/** An arbitrary for a value of the schema (or a known real one for its name), wandering off now and then. */
function valueOf(
  document: OpenApiDocument,
  raw: JsonSchema | undefined,
  depth = 0,
  name?: string,
): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  const known = name ? KNOWN[name] : undefined;
  return fc.oneof(
    { weight: known ? 3 : 0, arbitrary: known ? fc.constantFrom(...known) : fc.constant(null) },
    { weight: 3, arbitrary: conforming(document, schema, depth) },
    { weight: 1, arbitrary: nasty },
  );
}

function conforming(document: OpenApiDocument, schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((it) => valueOf(document, it, depth + 1)));
  if (schema.allOf?.length) return valueOf(document, schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000, -1_000_000_000),
        max: Math.min(schema.maximum ?? 1_000_000_000, 1_000_000_000),
      });
    case 'number':
      return fc.double({ noNaN: true, min: -1e9, max: 1e9 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3
        ? fc.constant([])
        : fc.array(valueOf(document, schema.items, depth + 1), { maxLength: 3 });
    case 'object':
      return depth > 3 ? fc.constant({}) : objectOf(document, schema, depth + 1);
    case 'string':
      if (schema.pattern) {
        try {
          return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length <= 300);
        } catch {
          // a pattern the generator cannot read: plain strings below
        }
      }
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null));
  }
}

/** An object with its required properties (now and then one dropped), some optional ones and a stray. */
function objectOf(document: OpenApiDocument, schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const record = Object.fromEntries(
    properties.map(([name, property]) => [name, valueOf(document, property, depth, name)]),
  );
  const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
  return fc
    .tuple(
      fc.record(record, {
        requiredKeys: properties.map(([name]) => name).filter((name) => required.has(name)),
      }),
      rarely(fc.constantFrom(...(properties.length ? properties.map(([name]) => name) : ['x']))),
      rarely(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), nasty)),
    )
    .map(([object, dropped, extra]) => {
      const result: Record<string, unknown> = { ...object };
      if (dropped !== null) delete result[dropped];
      if (extra !== null) result[extra[0]] = extra[1];
      return result;
    });
}

function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = (operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> })
        ?.content;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters as Operation['parameters']) ?? [],
        body: content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

function requestOf(document: OpenApiDocument, operation: Operation): fc.Arbitrary<InjectOptions> {
  const inPath = operation.parameters.filter((it) => it.in === 'path');
  const inQuery = operation.parameters.filter((it) => it.in === 'query');
  return fc
    .record({
      path: fc.tuple(
        ...inPath.map((it) =>
          fc.oneof(fc.constantFrom('1', '2', '999999'), valueOf(document, it.schema, 0, it.name).map(String)),
        ),
      ),
      query: fc.tuple(
        ...inQuery.map((it) => fc.option(valueOf(document, it.schema, 0, it.name), { freq: 3 })),
      ),
      // Mostly a well-formed body with bad fields inside; now and then no object at all.
      body: operation.body
        ? fc.oneof(
            { weight: 6, arbitrary: conforming(document, resolve(document, operation.body), 0) },
            { weight: 1, arbitrary: nasty },
          )
        : fc.constant(undefined),
      key: fc.uuid(),
    })
    .map(({ path, query, body, key }) => {
      let url = operation.path;
      inPath.forEach((parameter, index) => {
        url = url.replace(`{${parameter.name}}`, encodeURIComponent(String(path[index])));
      });
      const search = new URLSearchParams();
      inQuery.forEach((parameter, index) => {
        const value = query[index];
        if (value !== null && value !== undefined) search.set(parameter.name, String(value));
      });
      const text = search.toString();
      return {
        method: operation.method as InjectOptions['method'],
        url: text ? `${url}?${text}` : url,
        headers: { 'idempotency-key': `fuzz-${key}`, accept: 'application/json' },
        ...(body === undefined ? {} : { payload: body as never }),
      };
    });
}

/** Every table's row count: an error reply must leave them all as they were. */
async function rowCounts(db: Kysely<Database>, tables: string[]): Promise<Record<string, number>> {
  const parts = tables
    .map((table) => `select '${table}' as name, count(*) as n from ${table}`)
    .join(' union all ');
  const { rows } = await sql<{ name: string; n: number | string }>`${sql.raw(parts)}`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
}

/**
 * A started month's run (or a notice run) goes on in the background and writes as it goes; wait for it, so
 * that what the next request changes is that request's doing.
 */
async function jobFinished(client: Client, id: number, path = '/api/collection/jobs'): Promise<void> {
  for (let tries = 0; tries < 600; tries += 1) {
    const job = await client.request({ method: 'GET', url: `${path}/${id}` });
    if (job.json<{ status: string }>().status !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path}/${id} still running after a minute`);
}

/** What a refused login writes on purpose: the failure counted for throttling, the notice to the holder. */
const WRITTEN_ON_REFUSAL = new Set(['login_throttles', 'account_notices']);

describeEachServer('fuzzing every route with generated and mutated inputs', (get) => {
  const clients: Record<string, Client> = {};
  let operations: Operation[];
  let document: OpenApiDocument;
  let tables: string[];

  beforeAll(async () => {
    const { app, db, server } = get();
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 800_000 }, { wageFen: 700_000 }] }],
    });
    await runCollection(
      { db, clock: app.clock, policy: app.policy },
      { regionCode: '110105', period: '2025-07' },
    );
    const employerId = fixture.employerIds[0]!;
    const personId = fixture.personIds[0]![0]!;
    const creditCode = (await app.registration.getEmployer(employerId)).creditCode;
    const idNumber = (await app.registration.getPerson(personId)).idNumber;
    const bills = await db.selectFrom('bills').select('bill_no').execute();
    Object.assign(KNOWN, {
      employerId: [employerId],
      personId: [personId],
      creditCode: [creditCode],
      idNumber: [idNumber],
      payerCode: [creditCode, idNumber],
      payerKey: [`E${employerId}`, `P${personId}`],
      billNo: bills.map((bill) => bill.bill_no),
      regionCode: ['110105', '110000'],
      period: ['2025-07', '2025-08'],
      cycleStart: ['2025-07'],
      from: ['2025-07', '2025-01'],
      to: ['2025-12'],
      year: [2025, '2025'],
      amountFen: [1, 100_000, 5_000_000],
      paidOn: ['2025-07-20', '2025-08-31'],
    });
    for (const [userName, role] of [
      ['admin', 'admin'],
      ['collector', 'collection_officer'],
      ['auditor', 'auditor'],
    ] as const) {
      await app.auth.addUser(
        {
          kind: 'staff',
          userName,
          displayName: userName,
          password: PASSWORD,
          roles: [role],
          regionCodes: ['110000'],
        },
        'test',
      );
      clients[userName] = await logIn(server, 'staff', { userName, password: PASSWORD });
    }
    await app.auth.addUser(
      { kind: 'employer', employerId, userName: 'finance', displayName: 'F', password: PASSWORD },
      'test',
    );
    clients.employer = await logIn(server, 'employer', {
      creditCode,
      userName: 'finance',
      password: PASSWORD,
    });
    await app.auth.addUser({ kind: 'person', personId, password: PASSWORD }, 'test');
    clients.person = await logIn(server, 'person', {
      idNumber,
      password: PASSWORD,
    });
    clients.anonymous = anonymousClient(server);
    document = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDocument>();
    // Logging out would end the session the rest of the run needs.
    operations = operationsOf(document).filter((it) => it.path !== '/api/auth/logout');
    tables = (await db.introspection.getTables())
      .map((table) => table.name)
      .filter((name) => !WRITTEN_ON_REFUSAL.has(name));
  });

  it('answers every generated request below 500, errors as problem documents that change no row', async () => {
    const { db } = get();
    // Administrators reach the most code; every other kind of caller is tried too.
    const caller = fc.oneof(
      { weight: 4, arbitrary: fc.constant('admin') },
      { weight: 3, arbitrary: fc.constantFrom(...Object.keys(clients)) },
    );
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(fc.tuple(caller, requestOf(document, operation)), async ([who, options]) => {
          const before = await rowCounts(db, tables);
          const reply = await clients[who]!.request(options);
          if (operation.path === '/api/collection/jobs' && reply.statusCode < 300)
            await jobFinished(clients[who]!, reply.json<{ id: number }>().id);
          if (operation.path === '/api/notice-runs' && reply.statusCode < 300)
            await jobFinished(clients.admin!, reply.json<{ id: number }>().id, '/api/notice-runs');
          const what =
            `${who} ${options.method} ${String(options.url).slice(0, 200)} ` +
            `${JSON.stringify(options.payload ?? null).slice(0, 300)} -> ${reply.statusCode} ${reply.body.slice(0, 300)}`;
          expect(reply.statusCode, what).toBeLessThan(500);
          if (reply.statusCode >= 400) {
            expect(reply.headers['content-type'], what).toMatch(/^application\/problem\+json/);
            const problem = reply.json<{ title?: string; status?: number; detail?: string }>();
            expect(problem.status, what).toBe(reply.statusCode);
            expect(problem.title, what).toBeTruthy();
            if (reply.statusCode === 400) expect(problem.detail, what).toBeTruthy();
            expect(await rowCounts(db, tables), `rows changed on an error: ${what}`).toEqual(before);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    expect((await verifyLedger(db)).ok).toBe(true);
  }, 600_000);
});

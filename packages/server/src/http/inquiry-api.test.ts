import { beforeAll, expect, it } from 'vitest';
import { insertRightsScenario } from '../testing/rights-scenario.ts';
import { anonymousClient, describeEachServer, logIn, type Client } from './test-server.ts';

const PASSWORD = 'inquiry-api-password';

describeEachServer('API: statements, access log, employer inquiry', (get) => {
  let ids: { e1: number; e2: number; a: number; b: number };
  let personA: Client;
  let personB: Client;
  let staff: Client;
  let employer1: Client;

  beforeAll(async () => {
    const { app, db, server } = get();
    ids = await insertRightsScenario(db);
    for (const personId of [ids.a, ids.b])
      await app.auth.addUser({ kind: 'person', personId, password: PASSWORD }, 'test');
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'wang',
        displayName: 'Wang Li',
        password: PASSWORD,
        roles: ['collection_officer'],
        regionCodes: ['110000'],
      },
      'test',
    );
    await app.auth.addUser(
      { kind: 'employer', employerId: ids.e1, userName: 'hr', displayName: 'HR', password: PASSWORD },
      'test',
    );
    const idOf = async (personId: number) => (await app.registration.getPerson(personId)).idNumber;
    personA = await logIn(server, 'person', { idNumber: await idOf(ids.a), password: PASSWORD });
    personB = await logIn(server, 'person', { idNumber: await idOf(ids.b), password: PASSWORD });
    staff = await logIn(server, 'staff', { userName: 'wang', password: PASSWORD });
    const creditCode = (await app.registration.getEmployer(ids.e1)).creditCode;
    employer1 = await logIn(server, 'employer', { creditCode, userName: 'hr', password: PASSWORD });
  });

  it('issues a statement the person downloads and anyone verifies; tampering shows; others get 403', async () => {
    const issued = await personA.request({
      method: 'POST',
      url: `/api/persons/${ids.a}/statements`,
      payload: { kind: 'rights', year: 2025 },
    });
    expect(issued.statusCode).toBe(201);
    const { code, verifyUrl, keyId } = issued.json();
    expect(verifyUrl).toMatch(new RegExp(`/verify/${code}$`));

    for (const lang of ['zh', 'en']) {
      const pdf = await personA.request({ method: 'GET', url: `/api/statements/${code}.pdf?lang=${lang}` });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await personB.request({ method: 'GET', url: `/api/statements/${code}.pdf` })).statusCode).toBe(
      403,
    );
    expect((await staff.request({ method: 'GET', url: `/api/statements/${code}.pdf` })).statusCode).toBe(200);

    const anyone = anonymousClient(get().server);
    const key = await anyone.request({ method: 'GET', url: '/api/statements/public-key' });
    expect(key.json()).toMatchObject({ algorithm: 'Ed25519', keyId });
    expect(key.json().publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const valid = await anyone.request({
      method: 'GET',
      url: `/verify/${code}`,
      headers: { accept: 'application/json' },
    });
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toMatchObject({ status: 'valid', valid: true, code });
    const page = await anyone.request({ method: 'GET', url: `/verify/${code}` });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');

    const { db } = get();
    const row = await db
      .selectFrom('statements')
      .select('payload_json')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('statements')
      .set({ payload_json: row.payload_json.replace('"owedMonths":', '"owedMonths":1') })
      .where('code', '=', code)
      .execute();
    const tampered = await anyone.request({
      method: 'GET',
      url: `/verify/${code}`,
      headers: { accept: 'application/json' },
    });
    expect(tampered.json()).toMatchObject({ status: 'invalid', valid: false });
    expect((await personA.request({ method: 'GET', url: `/api/statements/${code}.pdf` })).statusCode).toBe(
      409,
    );
    const unknown = await anyone.request({ method: 'GET', url: '/verify/0000-0000-0000-0000' });
    expect(unknown.statusCode).toBe(404);

    const other = await personB.request({
      method: 'POST',
      url: `/api/persons/${ids.a}/statements`,
      payload: { kind: 'certificate' },
    });
    expect(other.statusCode).toBe(403);
    const certificate = await staff.request({
      method: 'POST',
      url: `/api/persons/${ids.a}/statements`,
      payload: { kind: 'certificate', from: '2025-07', to: '2025-09' },
    });
    expect(certificate.statusCode).toBe(201);
    expect(certificate.json().kind).toBe('contribution_certificate');
  });

  it("logs staff and employer reads of a person's data, which the person lists; their own reads are not logged", async () => {
    const before = (await personB.request({ method: 'GET', url: `/api/persons/${ids.b}/access-log` })).json();
    await personB.request({ method: 'GET', url: `/api/persons/${ids.b}/rights-record?year=2025` });
    const staffRead = await staff.request({
      method: 'GET',
      url: `/api/persons/${ids.b}/rights-record?year=2025`,
      headers: { 'x-request-id': 'req-staff-read-1' },
    });
    expect(staffRead.statusCode).toBe(200);
    const staffList = await employer1.request({ method: 'GET', url: `/api/employers/${ids.e1}/staff` });
    expect(staffList.statusCode).toBe(200);

    const log = await personB.request({ method: 'GET', url: `/api/persons/${ids.b}/access-log?limit=1` });
    expect(log.statusCode).toBe(200);
    const newest = log.json();
    expect(newest.items).toEqual([
      expect.objectContaining({
        actorKind: 'employer',
        what: 'staff list',
        route: 'GET /api/employers/:employerId/staff',
      }),
    ]);
    const next = await personB.request({
      method: 'GET',
      url: `/api/persons/${ids.b}/access-log?limit=1&cursor=${newest.nextCursor}`,
    });
    expect(next.json().items).toEqual([
      expect.objectContaining({
        actorKind: 'staff',
        actorLabel: expect.stringContaining('Wang Li'),
        what: 'rights record 2025',
        route: 'GET /api/persons/:personId/rights-record',
      }),
    ]);
    const all = (await personB.request({ method: 'GET', url: `/api/persons/${ids.b}/access-log` })).json();
    expect(all.items).toHaveLength(before.items.length + 2);
    const row = await get()
      .db.selectFrom('access_log')
      .select('request_id')
      .where('person_id', '=', ids.b)
      .where('what', '=', 'rights record 2025')
      .executeTakeFirstOrThrow();
    expect(row.request_id).toBe('req-staff-read-1');
    // The staff list logs each person on the page: person A too.
    const logA = (await personA.request({ method: 'GET', url: `/api/persons/${ids.a}/access-log` })).json();
    expect(logA.items.map((item: { what: string }) => item.what)).toContain('staff list');
    expect(
      (await personA.request({ method: 'GET', url: `/api/persons/${ids.b}/access-log` })).statusCode,
    ).toBe(403);
  });

  it("shows an employer its own staff masked, a page at a time, and its arrears; never another employer's", async () => {
    const first = await employer1.request({ method: 'GET', url: `/api/employers/${ids.e1}/staff?limit=1` });
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0].idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(JSON.stringify(page)).not.toMatch(/"idNumber"/);
    const second = await employer1.request({
      method: 'GET',
      url: `/api/employers/${ids.e1}/staff?limit=1&current=false&cursor=${page.nextCursor}`,
    });
    expect(second.json().items[0].personId).not.toBe(page.items[0].personId);
    const arrears = await employer1.request({
      method: 'GET',
      url: `/api/employers/${ids.e1}/arrears?asOf=2025-12-31`,
    });
    expect(arrears.statusCode).toBe(200);
    expect(arrears.json().contributionsOwedFen).toBeGreaterThan(0);
    for (const url of [`/api/employers/${ids.e2}/staff`, `/api/employers/${ids.e2}/arrears`]) {
      expect((await employer1.request({ method: 'GET', url })).statusCode).toBe(403);
    }
  });
});

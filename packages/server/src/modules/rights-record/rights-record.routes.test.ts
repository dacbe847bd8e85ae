import { beforeAll, expect, it } from 'vitest';
import { describeEachServer, logIn, tokenClient, type Client } from '../../http/test-server.ts';
import { insertRightsScenario } from '../../testing/rights-scenario.ts';

const PASSWORD = 'rights-record-password';

describeEachServer('GET /api/persons/:personId/rights-record', (get) => {
  let ids: { e1: number; e2: number; a: number; b: number };
  let person: Client;
  let staff: Client;
  let system: Client;

  beforeAll(async () => {
    const { app, db, server } = get();
    ids = await insertRightsScenario(db);
    await app.auth.addUser({ kind: 'person', personId: ids.a, password: PASSWORD }, 'test');
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'clerk',
        displayName: 'Clerk',
        password: PASSWORD,
        roles: ['auditor'],
        regionCodes: ['110000'],
      },
      'test',
    );
    const gateway = await app.auth.addUser(
      {
        kind: 'system',
        userName: 'gateway',
        displayName: 'Gateway',
        roles: ['auditor'],
        regionCodes: ['110000'],
      },
      'test',
    );
    const { token } = await app.auth.createApiToken(
      { userId: gateway.id, name: 'bench', scope: 'read' },
      'cli',
    );
    const idNumber = (await app.registration.getPerson(ids.a)).idNumber;
    person = await logIn(server, 'person', { idNumber, password: PASSWORD });
    staff = await logIn(server, 'staff', { userName: 'clerk', password: PASSWORD });
    system = tokenClient(server, token);
  });

  it('gives the person their own year, the same as the service does', async () => {
    const response = await person.request({
      method: 'GET',
      url: `/api/persons/${ids.a}/rights-record?year=2025`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const record = response.json();
    expect(record.from).toBe('2025-01');
    expect(record.months).toHaveLength(5);
    expect(record.person.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const system2025 = await system.request({
      method: 'GET',
      url: `/api/persons/${ids.a}/rights-record?year=2025`,
    });
    expect(system2025.json()).toEqual(record);
  });

  it('takes a range or the whole record, and refuses a year together with a range', async () => {
    const range = await staff.request({
      method: 'GET',
      url: `/api/persons/${ids.a}/rights-record?from=2025-08&to=2025-09`,
    });
    expect(range.statusCode).toBe(200);
    expect(range.json().months.map((m: { period: string }) => m.period)).toEqual([
      '2025-08',
      '2025-08',
      '2025-09',
      '2025-09',
    ]);
    const whole = await staff.request({ method: 'GET', url: `/api/persons/${ids.a}/rights-record` });
    expect([whole.json().from, whole.json().to]).toEqual(['2025-07', '2025-09']);
    const both = await staff.request({
      method: 'GET',
      url: `/api/persons/${ids.a}/rights-record?year=2025&from=2025-01`,
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().field).toBe('querystring.year');
    const unknown = await staff.request({
      method: 'GET',
      url: '/api/persons/999999/rights-record?year=2025',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('exports CSV with format=csv or Accept: text/csv, as an attachment with a telling name', async () => {
    for (const request of [
      { url: `/api/persons/${ids.a}/rights-record?year=2025&format=csv` },
      { url: `/api/persons/${ids.a}/rights-record?year=2025`, headers: { accept: 'text/csv' } },
    ]) {
      const response = await person.request({ method: 'GET', ...request });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="rights-record-${ids.a}-2025.csv"`,
      );
      expect(response.body.startsWith('\uFEFF月份 Month,')).toBe(true);
      expect(response.body.trim().split('\n')).toHaveLength(6);
    }
    const range = await person.request({
      method: 'GET',
      url: `/api/persons/${ids.a}/rights-record?from=2025-08&to=2025-09&format=csv`,
    });
    expect(range.headers['content-disposition']).toContain(`rights-record-${ids.a}-2025-08_2025-09.csv`);
  });

  it("refuses another person's record", async () => {
    const response = await person.request({
      method: 'GET',
      url: `/api/persons/${ids.b}/rights-record?year=2025`,
    });
    expect(response.statusCode).toBe(403);
  });
});

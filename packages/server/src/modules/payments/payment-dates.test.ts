import { beforeAll, describe, expect, it } from 'vitest';
import { CliUsageError } from '../../cli/cli-error.ts';
import { parseDateArgument } from '../../cli/parse-arguments.ts';
import { describeEachServer, logIn, type Client } from '../../http/test-server.ts';
import { dateProblem, EARLIEST_PAYMENT_DATE } from '../../shared/business-date.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { runCollection } from '../../workflows/index.ts';
import { recordPayment } from './index.ts';

/** Issue 13, defect 2: payment dates are real days, not in the future, not before 1991; never a 500. */

const PASSWORD = 'payment-dates-password';
const IMPOSSIBLE = ['2026-02-30', '0000-00-00', '2026-13-45', '9999-99-99', '2025-7-10', ' '];

describe('the one business date check', () => {
  it('accepts calendar days and refuses the rest with a reason', () => {
    expect(dateProblem('2024-02-29')).toBeUndefined();
    expect(dateProblem('2025-02-29')).toMatch(/calendar date/);
    for (const text of IMPOSSIBLE) expect(dateProblem(text), text).toMatch(/calendar date/);
    expect(dateProblem('1899-12-31')).toBe('must not be before 1900-01-01');
    expect(dateProblem('1990-12-31', EARLIEST_PAYMENT_DATE)).toBe('must not be before 1991-01-01');
  });

  it('is the command line check too, naming the argument', () => {
    expect(parseDateArgument('--paid-on', ' 2025-07-10 ')).toBe('2025-07-10');
    expect(() => parseDateArgument('--paid-on', '2026-02-30')).toThrow(CliUsageError);
    expect(() => parseDateArgument('--paid-on', '1990-01-01', EARLIEST_PAYMENT_DATE)).toThrow(
      /--paid-on.*not be before 1991-01-01/,
    );
  });
});

describeEachServer('payment dates over HTTP and in the service', (get) => {
  let staff: Client;
  let creditCode = '';

  beforeAll(async () => {
    const { app, db, server } = get();
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 800_000 }] }],
    });
    await runCollection(
      { db, clock: app.clock, policy: app.policy },
      { regionCode: '110105', period: '2025-07' },
    );
    creditCode = (await app.registration.getEmployer(fixture.employerIds[0]!)).creditCode;
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'cashier',
        displayName: 'Cashier',
        password: PASSWORD,
        roles: ['collection_officer'],
        regionCodes: ['110000'],
      },
      'test',
    );
    staff = await logIn(server, 'staff', { userName: 'cashier', password: PASSWORD });
  });

  const pay = (paidOn: string, key: string) =>
    staff.request({
      method: 'POST',
      url: '/api/payments',
      payload: { payerCode: creditCode, amountFen: 10_000, paidOn },
      headers: { 'idempotency-key': `payment-dates-${key}` },
    });

  it('refuses impossible, future and too early dates with a problem naming paidOn, recording nothing', async () => {
    const cases = [...IMPOSSIBLE, '2099-01-01', '2025-07-16', '1990-12-31'];
    for (const [index, paidOn] of cases.entries()) {
      const response = await pay(paidOn, `bad-${index}`);
      expect(response.statusCode, paidOn).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.json().detail, paidOn).toMatch(/paidOn/);
    }
    const payments = await get().db.selectFrom('payments').select('id').execute();
    expect(payments).toEqual([]);
  });

  it('records a payment dated today (the test clock is 2025-07-15)', async () => {
    expect((await pay('2025-07-15', 'today')).statusCode).toBe(201);
  });

  it('refuses the same dates in the service, which the command line and bank imports use', async () => {
    const { app, db } = get();
    const payer = await db
      .selectFrom('employers')
      .select('id')
      .where('credit_code', '=', creditCode)
      .executeTakeFirstOrThrow();
    for (const paidOn of ['2026-02-30', '9999-99-99', '2099-01-01', '0000-00-00']) {
      await expect(
        recordPayment(
          { db, clock: app.clock, policy: app.policy },
          { payerKey: `E${payer.id}`, amountFen: 100, paidOn, bankReference: null, channel: 'cli' },
        ),
        paidOn,
      ).rejects.toMatchObject({ code: 'VALIDATION', field: 'paidOn' });
    }
  });

  it('bounds the arrears date: a real day, at most a year ahead', async () => {
    const { db } = get();
    const employer = await db
      .selectFrom('employers')
      .select('id')
      .where('credit_code', '=', creditCode)
      .executeTakeFirstOrThrow();
    for (const asOf of ['2026-13-45', '9999-12-31', '2026-07-17']) {
      const response = await staff.request({
        method: 'GET',
        url: `/api/employers/${employer.id}/arrears?asOf=${asOf}`,
      });
      expect(response.statusCode, asOf).toBe(400);
      expect(response.json().detail, asOf).toMatch(/asOf/);
    }
    const ahead = await staff.request({
      method: 'GET',
      url: `/api/employers/${employer.id}/arrears?asOf=2026-07-15`,
    });
    expect(ahead.statusCode).toBe(200);
  });
});

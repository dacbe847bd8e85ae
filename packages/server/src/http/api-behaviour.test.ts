import { beforeAll, expect, it } from 'vitest';
import { setUpCollectedEmployer } from '../testing/collected-employer-over-http.ts';
import { describeEachServer, type Client } from './test-server.ts';

const PASSWORD = 'behaviour-password';

describeEachServer('API behaviour: idempotency, pagination, masking, approvals', (get) => {
  let admin: Client;
  let admin2: Client;
  let employer: Client;
  let creditCode: string;
  let employerId: number;

  beforeAll(async () => {
    ({
      employerId,
      creditCode,
      staff: [admin, admin2],
      employer,
    } = await setUpCollectedEmployer(get(), {
      employers: [
        { employees: [{ wageFen: 800_000 }, { wageFen: 900_000 }] },
        { employees: [{ wageFen: 700_000 }] },
        { employees: [{ wageFen: 600_000 }] },
      ],
      role: 'admin',
      staffNames: ['admin', 'admin2'],
      password: PASSWORD,
    }));
  });

  it('replays a payment with the same Idempotency-Key, refuses the key with another body, requires a key', async () => {
    const pay = (amountFen: number, key?: string) =>
      admin.request({
        method: 'POST',
        url: '/api/payments',
        payload: { payerCode: creditCode, amountFen, paidOn: '2025-07-10' },
        headers: key ? { 'idempotency-key': key } : {},
      });
    const first = await pay(12_345, 'pay-key-0001');
    expect(first.statusCode).toBe(201);
    const again = await pay(12_345, 'pay-key-0001');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const payments = await admin.request({ method: 'GET', url: `/api/payments?employerId=${employerId}` });
    expect(payments.json().items).toHaveLength(1);
    const conflict = await pay(99_999, 'pay-key-0001');
    expect(conflict.statusCode).toBe(409);
    const missing = await pay(1);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('headers.idempotency-key');
    const receipt = await employer.request({
      method: 'GET',
      url: `/api/payments/${first.json().paymentNo}/receipt`,
    });
    expect(receipt.json()).toEqual(first.json());
  });

  it('pages bills with an opaque cursor and refuses a forged one', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/bills?regionCode=110105&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await admin.request({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((bill: { billNo: string }) => bill.billNo));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    const forged = await admin.request({
      method: 'GET',
      url: '/api/bills?regionCode=110105&cursor=eyJ4IjoxfQ',
    });
    expect(forged.statusCode).toBe(400);
    const tooMany = await admin.request({ method: 'GET', url: '/api/bills?regionCode=110105&limit=5000' });
    expect(tooMany.statusCode).toBe(400);
    const badId = await admin.request({ method: 'GET', url: '/api/employers/1e3' });
    expect(badId.statusCode).toBe(400);
  });

  it('masks identity numbers in the staff list', async () => {
    const response = await employer.request({
      method: 'GET',
      url: `/api/employers/${employerId}/employments`,
    });
    expect(response.statusCode).toBe(200);
    for (const item of response.json().items) expect(item.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
  });

  it('applies a policy change only when a second administrator approves it', async () => {
    const { app } = get();
    const body = {
      name: 'base.averageWage',
      regionCode: '110000',
      validFrom: '2026-07',
      value: 1_234_500,
      source: '京人社发〔2026〕1号',
    };
    const before = (await app.policy.list({ name: 'base.averageWage', regionCode: '110000' })).length;
    const proposal = await admin.request({ method: 'POST', url: '/api/policy/parameters', payload: body });
    expect(proposal.statusCode).toBe(202);
    expect((await app.policy.list({ name: 'base.averageWage', regionCode: '110000' })).length).toBe(before);
    const id = proposal.json().id as number;
    const own = await admin.request({ method: 'POST', url: `/api/approvals/${id}/approve`, payload: {} });
    expect(own.statusCode).toBe(403);
    const approved = await admin2.request({
      method: 'POST',
      url: `/api/approvals/${id}/approve`,
      payload: { note: 'checked' },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', result: { version: 1 } });
    const versions = await app.policy.list({ name: 'base.averageWage', regionCode: '110000' });
    expect(versions.length).toBe(before + 1);
    const again = await admin2.request({ method: 'POST', url: `/api/approvals/${id}/reject`, payload: {} });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a bad change when it is proposed, storing no proposal (issue 13 §7)', async () => {
    const { db } = get();
    const before = await db.selectFrom('approvals').select('id').execute();
    const proposal = await admin.request({
      method: 'POST',
      url: '/api/policy/parameters',
      payload: {
        name: 'no_such_parameter',
        regionCode: '110000',
        validFrom: '2026-07',
        value: 1,
        source: 'x',
      },
    });
    expect(proposal.statusCode).toBe(400);
    expect(proposal.json().detail).toMatch(/^name: unknown parameter/);
    expect(await db.selectFrom('approvals').select('id').execute()).toEqual(before);
  });

  it('applies a corrected base only when a second collection officer approves it', async () => {
    const { db } = get();
    const personId = (
      await db
        .selectFrom('employments')
        .select('person_id')
        .where('employer_id', '=', employerId)
        .orderBy('person_id')
        .executeTakeFirstOrThrow()
    ).person_id;
    const body = { employerId, personId, cycleStart: '2025-07', declaredFen: 950_000 };
    const direct = await employer.request({
      method: 'POST',
      url: '/api/bases',
      payload: { ...body, source: 'correction' },
    });
    expect(direct.statusCode).toBe(422);
    expect(direct.json()).toMatchObject({ field: 'source' });
    expect(
      (await employer.request({ method: 'POST', url: '/api/bases/corrections', payload: body })).statusCode,
    ).toBe(403);

    const versions = () =>
      db
        .selectFrom('contribution_bases')
        .select(['version', 'source', 'declared_fen'])
        .where('person_id', '=', personId)
        .orderBy('version')
        .execute();
    const before = await versions();
    const proposal = await admin.request({ method: 'POST', url: '/api/bases/corrections', payload: body });
    expect(proposal.statusCode).toBe(202);
    expect(proposal.json()).toMatchObject({ kind: 'registration.correctBase', status: 'pending' });
    expect(await versions()).toEqual(before);
    const id = proposal.json().id as number;
    expect(
      (await admin.request({ method: 'POST', url: `/api/approvals/${id}/approve`, payload: {} })).statusCode,
    ).toBe(403);
    const approved = await admin2.request({
      method: 'POST',
      url: `/api/approvals/${id}/approve`,
      payload: {},
    });
    expect(approved.statusCode).toBe(200);
    expect((await versions()).at(-1)).toMatchObject({
      version: before.length + 1,
      source: 'correction',
      declared_fen: 950_000,
    });
  });
});

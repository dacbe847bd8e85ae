import { beforeAll, expect, it } from 'vitest';
import { describeEachServer, type Client } from '../../http/test-server.ts';
import { setUpCollectedEmployer } from '../../testing/collected-employer-over-http.ts';
import { verifyLedger } from '../ledger/index.ts';

const PASSWORD = 'reversal-password';

describeEachServer('payment reversal over HTTP: proposal, second-person approval', (get) => {
  let collector: Client;
  let collector2: Client;
  let employer: Client;
  let creditCode: string;
  let employerId: number;

  beforeAll(async () => {
    ({
      employerId,
      creditCode,
      staff: [collector, collector2],
      employer,
    } = await setUpCollectedEmployer(get(), {
      employers: [{ employees: [{ wageFen: 800_000 }, { wageFen: 900_000 }] }],
      role: 'collection_officer',
      staffNames: ['collector', 'collector2'],
      password: PASSWORD,
    }));
  });

  const propose = (client: Client, paymentNo: string, reason: unknown, key?: string) =>
    client.request({
      method: 'POST',
      url: `/api/payments/${paymentNo}/reversals`,
      payload: { reason } as never,
      headers: key ? { 'idempotency-key': key } : {},
    });

  it('reverses a payment only once a second collection officer approves it, and only once', async () => {
    const { db } = get();
    const bills = await collector.request({ method: 'GET', url: `/api/bills?employerId=${employerId}` });
    const bill = bills.json().items[0] as { billNo: string; totalFen: number };
    const paid = await collector.request({
      method: 'POST',
      url: '/api/payments',
      payload: { payerCode: creditCode, amountFen: bill.totalFen, paidOn: '2025-07-10' },
      headers: { 'idempotency-key': 'reversal-pay-0001' },
    });
    expect(paid.statusCode).toBe(201);
    const paymentNo = paid.json().paymentNo as string;
    const paidFen = async () =>
      Number(
        (
          await db
            .selectFrom('bills')
            .select('paid_fen')
            .where('bill_no', '=', bill.billNo)
            .executeTakeFirstOrThrow()
        ).paid_fen,
      );

    expect((await propose(employer, paymentNo, 'not ours', 'reversal-key-0000')).statusCode).toBe(403);
    const proposal = await propose(
      collector,
      paymentNo,
      'the bank returned the transfer',
      'reversal-key-0001',
    );
    expect(proposal.statusCode).toBe(202);
    expect(proposal.json()).toMatchObject({
      kind: 'payments.reverse',
      status: 'pending',
      regionCode: '110105',
      payload: { paymentNo, reason: 'the bank returned the transfer' },
    });
    // Nothing changes until it is approved.
    expect(await paidFen()).toBe(bill.totalFen);

    const replay = await propose(collector, paymentNo, 'the bank returned the transfer', 'reversal-key-0001');
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotency-replayed']).toBe('true');
    expect(replay.json().id).toBe(proposal.json().id);
    expect((await propose(collector, paymentNo, 'another reason here', 'reversal-key-0001')).statusCode).toBe(
      409,
    );
    const second = await propose(collector2, paymentNo, 'recorded twice', 'reversal-key-0002');
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toMatch(/waits for approval/);

    const id = proposal.json().id as number;
    const own = await collector.request({ method: 'POST', url: `/api/approvals/${id}/approve`, payload: {} });
    expect(own.statusCode).toBe(403);
    expect(await paidFen()).toBe(bill.totalFen);
    const approved = await collector2.request({
      method: 'POST',
      url: `/api/approvals/${id}/approve`,
      payload: {},
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      result: {
        reversalNo: `REV-${paymentNo}`,
        proposedBy: 'staff:collector',
        approvedBy: 'staff:collector2',
        allocationsReversed: [{ billNo: bill.billNo, amountFen: bill.totalFen }],
      },
    });
    expect(await paidFen()).toBe(0);
    const reversal = await db
      .selectFrom('payment_reversals')
      .select(['approval_id', 'reason'])
      .executeTakeFirstOrThrow();
    expect(reversal).toEqual({ approval_id: id, reason: 'the bank returned the transfer' });
    expect((await verifyLedger(db)).ok).toBe(true);
    // The payer sees it: the receipt says the payment was reversed, and the list marks it.
    const receipt = await employer.request({ method: 'GET', url: `/api/payments/${paymentNo}/receipt` });
    expect(receipt.json().reversal).toEqual({
      reversalNo: `REV-${paymentNo}`,
      reversedOn: '2025-07-15',
      reason: 'the bank returned the transfer',
    });
    const list = await employer.request({ method: 'GET', url: `/api/payments?employerId=${employerId}` });
    expect(list.json().items).toEqual([
      expect.objectContaining({ paymentNo, reversalNo: `REV-${paymentNo}` }),
    ]);

    const again = await propose(collector2, paymentNo, 'recorded twice', 'reversal-key-0003');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ field: 'paymentNo' });
  });

  it('names the field and the reason for bad input', async () => {
    const missingKey = await propose(collector, 'PAY2025071000000000AA', 'the bank returned it');
    expect(missingKey.statusCode).toBe(400);
    const shortReason = await propose(collector, 'PAY2025071000000000AA', 'no', 'reversal-key-0100');
    expect(shortReason.statusCode).toBe(400);
    expect(JSON.stringify(shortReason.json())).toMatch(/reason/);
    const badNumber = await propose(collector, 'PAY%20X', 'the bank returned it', 'reversal-key-0101');
    expect(badNumber.statusCode).toBe(400);
    const unknown = await propose(
      collector,
      'PAY2025071000000000AA',
      'the bank returned it',
      'reversal-key-0102',
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ field: 'paymentNo' });
  });
});

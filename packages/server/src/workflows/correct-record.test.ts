import { beforeAll, expect, it } from 'vitest';
import { addBenefitOfficers } from '../testing/benefit-fixtures.ts';
import { describeEachServer, logIn } from '../http/test-server.ts';
import { verifyLedger } from '../modules/ledger/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import { insertCollectionFixture } from '../testing/collection-fixture.ts';

/*
 * Granting a request to correct the record (docs/RULES.md 14.19): the changes proposed and checked, the
 * second officer's approval applying them and deciding the application, the months reassessed once.
 */

const REASONS = [
  {
    code: 'base-corrected',
    message: 'The payroll shows a wage of 12,000 yuan for the contribution year.',
    source: 'PRRM; SIL Art. 60',
  },
];

describeEachServer('granting a correction of the record', (get) => {
  let personId = 0;
  let otherPersonId = 0;
  let thirdPersonId = 0;
  let employerId = 0;
  let secondEmployerId = 0;
  const officers: Principal[] = [];

  const fileCorrection = async (forPerson: number, facts: Record<string, unknown>) =>
    get().app.benefits.file(
      { personId: forPerson, application: { kind: 'record-correction', facts } as never },
      { login: `person:${forPerson}`, side: 'person' },
    );
  const count = async (table: 'record_corrections' | 'approvals' | 'employments' | 'contribution_bases') =>
    Number(
      (
        await get()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const adjustmentBills = () =>
    get()
      .db.selectFrom('bills')
      .select(['bill_no', 'period', 'total_fen', 'employer_id'])
      .where('kind', '=', 'adjustment')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    const { app, db } = get();
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2024-07',
      employers: [
        { employees: [{ wageFen: 1_000_000, hiredOn: '2024-07-01' }] },
        {
          employees: [
            { wageFen: 900_000, hiredOn: '2024-07-01' },
            { wageFen: 900_000, hiredOn: '2024-07-01' },
          ],
        },
      ],
    });
    [employerId, secondEmployerId] = fixture.employerIds as [number, number];
    personId = fixture.personIds[0]![0]!;
    otherPersonId = fixture.personIds[1]![0]!;
    thirdPersonId = fixture.personIds[1]![1]!;
    for (const period of ['2025-04', '2025-05', '2025-06'])
      await app.workflows.runCollection(
        { db, clock: app.clock, policy: app.policy },
        { regionCode: '110000', period },
      );
    officers.push(...(await addBenefitOfficers(app, ['corrector1', 'corrector2'])));
  });

  it('grants a wrong base with a second approval and bills exactly the months billed, once', async () => {
    const { app } = get();
    const filed = await fileCorrection(personId, {
      what: 'wrong-base',
      periods: ['2025-04', '2025-05'],
      employerId,
      claimedBaseFen: 1_200_000,
      description: 'My wage was 12,000 yuan, not 10,000.',
    });
    const input = {
      changes: [{ kind: 'base' as const, employerId, cycleStart: '2024-07', declaredFen: 1_200_000 }],
      reasons: REASONS,
    };
    const first = await app.workflows.proposeRecordCorrection(app, filed.id, input, officers[0]!, 'grant-1');
    expect(first.replayed).toBe(false);
    // The same key and request replay the proposal; nothing is proposed twice.
    const again = await app.workflows.proposeRecordCorrection(app, filed.id, input, officers[0]!, 'grant-1');
    expect(again).toMatchObject({ replayed: true, approval: { id: first.approval.id } });
    const proposed = await app.benefits.get(filed.id);
    expect(proposed).toMatchObject({
      state: 'proposed',
      correction: { status: 'proposed', approvalId: first.approval.id, adjustments: [] },
    });
    // The months of the contribution year, July 2024 to June 2025 (those not billed are left out then).
    expect(proposed.correction!.months).toEqual([
      { regionCode: '110000', employerId, fromPeriod: '2024-07', toPeriod: '2025-06' },
    ]);

    // The proposer cannot approve their own proposal, and nothing is applied.
    const bases = await count('contribution_bases');
    await expect(
      app.workflows.decideRecordCorrection(app, filed.id, { approve: true }, officers[0]!),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', detailCode: 'needs-second-person' });
    expect(await count('contribution_bases')).toBe(bases);
    expect((await app.benefits.get(filed.id)).state).toBe('proposed');

    await app.workflows.decideRecordCorrection(app, filed.id, { approve: true }, officers[1]!);
    const granted = await app.benefits.get(filed.id);
    expect(granted).toMatchObject({
      state: 'decided',
      decision: { kind: 'award', reasons: REASONS },
      correction: { status: 'granted', proposedBy: 'staff:corrector1', decidedBy: 'staff:corrector2' },
    });
    expect(granted.correction!.reassessedAt).not.toBeNull();
    // The three months billed, each +2,000 yuan of base × 37% (16% + 9.8% + 0.5% + 0.2% employer, 8% + 2%
    // + 0.5% employee) = +740.00; the person is the bill's only line.
    expect(granted.correction!.adjustments).toEqual(
      ['2025-04', '2025-05', '2025-06'].map((period) => ({
        billNo: `${period.replace('-', '')}-E${employerId}-A1`,
        period,
        employerId,
        personFen: 74_000,
        billTotalFen: 74_000,
      })),
    );
    const bills = await adjustmentBills();
    expect(bills.map((bill) => [bill.period, Number(bill.total_fen)])).toEqual([
      ['2025-04', 74_000],
      ['2025-05', 74_000],
      ['2025-06', 74_000],
    ]);

    // Approving again (a retry) and replaying the proposal change nothing.
    await app.workflows.decideRecordCorrection(app, filed.id, { approve: true }, officers[1]!);
    const replayed = await app.workflows.proposeRecordCorrection(
      app,
      filed.id,
      input,
      officers[0]!,
      'grant-1',
    );
    expect(replayed.replayed).toBe(true);
    expect(await adjustmentBills()).toEqual(bills);
    expect((await app.benefits.get(filed.id)).correction).toEqual(granted.correction);
    expect((await verifyLedger(get().db)).ok).toBe(true);
  });

  it('adds a missing month as a spell at another employer and bills that employer for it', async () => {
    const { app } = get();
    const filed = await fileCorrection(personId, {
      what: 'missing-month',
      periods: ['2025-05'],
      employerId: secondEmployerId,
      description: 'I also worked at the second employer in May 2025.',
    });
    await app.workflows.proposeRecordCorrection(
      app,
      filed.id,
      {
        changes: [
          {
            kind: 'hire',
            employerId: secondEmployerId,
            hiredOn: '2025-05-01',
            leftOn: '2025-05-31',
            monthlyWageFen: 800_000,
          },
        ],
        reasons: [{ code: 'missing-month', message: 'The contract covers May 2025.', source: 'PRRM' }],
      },
      officers[0]!,
    );
    await app.workflows.decideRecordCorrection(app, filed.id, { approve: true }, officers[1]!);
    const granted = await app.benefits.get(filed.id);
    // May only: 8,000 yuan × 37% = 2,960.00 and Beijing's fixed 3.00 for serious illness (a new line, so
    // the fixed amount is owed too); the employer's own employee is unchanged.
    expect(granted.correction!.adjustments).toEqual([
      {
        billNo: `202505-E${secondEmployerId}-A1`,
        period: '2025-05',
        employerId: secondEmployerId,
        personFen: 296_300,
        billTotalFen: 296_300,
      },
    ]);
    expect((await verifyLedger(get().db)).ok).toBe(true);
  });

  it('refuses bad changes naming the field, writing nothing; a rejection goes back to review', async () => {
    const { app } = get();
    const filed = await fileCorrection(otherPersonId, {
      what: 'wrong-employer',
      periods: ['2025-06'],
      description: 'I never worked there in June.',
    });
    const propose = (changes: unknown[]) =>
      app.workflows.proposeRecordCorrection(
        app,
        filed.id,
        { changes, reasons: REASONS } as never,
        officers[0]!,
      );
    const before = await Promise.all([count('record_corrections'), count('approvals'), count('employments')]);

    await expect(
      propose([{ kind: 'hire', employerId: 999_999, hiredOn: '2025-06-01' }]),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'changes.0.employerId',
    });
    await expect(
      propose([{ kind: 'hire', employerId, hiredOn: '2025-01-01', leftOn: '2025-02-28' }]),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'changes.0.hiredOn' });
    await expect(
      propose([{ kind: 'base', employerId: secondEmployerId, cycleStart: '2024-09', declaredFen: 1 }]),
    ).rejects.toMatchObject({ field: 'changes.0.cycleStart' });
    // Checked by making the change and undoing it: the person is employed there already.
    await expect(
      propose([{ kind: 'hire', employerId: secondEmployerId, hiredOn: '2025-06-01' }]),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'changes.0.hiredOn' });
    // Another person's spell is unknown.
    const [spell] = await get()
      .db.selectFrom('employments')
      .select('id')
      .where('person_id', '=', personId)
      .where('employer_id', '=', employerId)
      .execute();
    await expect(
      propose([{ kind: 'leave', employmentId: spell!.id, leftOn: '2025-05-31' }]),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'changes.0.employmentId' });
    await expect(propose([{ kind: 'base', employerId, cycleStart: 'July' }])).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(
      await Promise.all([count('record_corrections'), count('approvals'), count('employments')]),
    ).toEqual(before);
    expect((await app.benefits.get(filed.id)).state).toBe('under-review');

    // Ending the person's spell at the second employer on 31 May: proposed, then rejected.
    const [own] = await get()
      .db.selectFrom('employments')
      .select('id')
      .where('person_id', '=', otherPersonId)
      .execute();
    await propose([{ kind: 'leave', employmentId: own!.id, leftOn: '2025-05-31' }]);
    await app.workflows.decideRecordCorrection(
      app,
      filed.id,
      { approve: false, note: 'ask for the contract first' },
      officers[1]!,
    );
    const back = await app.benefits.get(filed.id);
    expect(back).toMatchObject({ state: 'under-review', correction: { status: 'rejected' } });
    expect(back.events.at(-1)).toMatchObject({ kind: 'proposal-rejected', byLogin: 'staff:corrector2' });
    expect(await count('employments')).toBe(before[2]);
    // Nothing waits now: deciding again is refused.
    await expect(
      app.workflows.decideRecordCorrection(app, filed.id, { approve: true }, officers[1]!),
    ).rejects.toMatchObject({ code: 'CONFLICT', detailCode: 'application-state' });

    // The refusal path still works.
    const refused = await app.benefits.refuse(
      filed.id,
      [
        {
          code: 'no-evidence',
          message: 'No contract shows the spell ended earlier.',
          source: 'PRRM',
        },
      ],
      { login: 'staff:corrector1', side: 'staff' },
    );
    expect(refused).toMatchObject({ state: 'decided', decision: { kind: 'refusal' } });
  });

  it('answers over HTTP with a problem naming the field, and proposes once per idempotency key', async () => {
    const { app, server } = get();
    const filed = await fileCorrection(otherPersonId, {
      what: 'wrong-base',
      periods: ['2025-05'],
      description: 'The base of May 2025 is too low.',
    });
    const staff = await logIn(server, 'staff', { userName: 'corrector1', password: 'a-long-password-1' });
    const url = `/api/applications/${filed.id}/correction-proposal`;
    const bad = await staff.request({
      method: 'POST',
      url,
      payload: {
        changes: [{ kind: 'base', employerId: 999_999, cycleStart: '2024-07', declaredFen: 1_000_000 }],
        reasons: REASONS,
      },
    });
    expect(bad.statusCode).toBe(404);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json()).toMatchObject({ field: 'changes.0.employerId' });
    const noReason = await staff.request({
      method: 'POST',
      url,
      payload: {
        changes: [{ kind: 'base', employerId: secondEmployerId, cycleStart: '2024-07', declaredFen: 1 }],
        reasons: [],
      },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ errors: [{ field: 'reasons' }] });

    const good = {
      method: 'POST' as const,
      url,
      headers: { 'idempotency-key': 'http-proposal-1' },
      payload: {
        changes: [
          { kind: 'base', employerId: secondEmployerId, cycleStart: '2024-07', declaredFen: 950_000 },
        ],
        reasons: REASONS,
      },
    };
    const first = await staff.request(good);
    expect(first.statusCode).toBe(201);
    const second = await staff.request(good);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json()).toMatchObject({
      id: first.json<{ id: number }>().id,
      kind: 'benefits.correctRecord',
    });

    const own = await staff.request({
      method: 'POST',
      url: `/api/applications/${filed.id}/correction-decision`,
      payload: { decision: 'approve' },
    });
    expect(own.statusCode).toBe(403);
    expect((await app.benefits.get(filed.id)).state).toBe('proposed');
  });

  it('ends a spell recorded too long: the months after it credited to the employer; a replay proposes nothing', async () => {
    const { app } = get();
    const filed = await fileCorrection(thirdPersonId, {
      what: 'wrong-employer',
      periods: ['2025-06'],
      employerId: secondEmployerId,
      description: 'I left the second employer at the end of May 2025.',
    });
    const [spell] = await get()
      .db.selectFrom('employments')
      .select('id')
      .where('person_id', '=', thirdPersonId)
      .execute();
    const input = {
      changes: [{ kind: 'leave' as const, employmentId: spell!.id, leftOn: '2025-05-31' }],
      reasons: [
        {
          code: 'left-earlier',
          message: 'The termination certificate is dated 31 May 2025.',
          source: 'PRRM',
        },
      ],
    };
    const first = await app.workflows.proposeRecordCorrection(app, filed.id, input, officers[0]!, 'leave-1');
    await app.workflows.decideRecordCorrection(app, filed.id, { approve: true }, officers[1]!);
    // June taken back: 9,000 yuan × 37% = 3,330.00 and the fixed 3.00, a credit to the employer.
    expect((await app.benefits.get(filed.id)).correction!.adjustments).toEqual([
      {
        billNo: `202506-E${secondEmployerId}-A1`,
        period: '2025-06',
        employerId: secondEmployerId,
        personFen: -333_300,
        billTotalFen: -333_300,
      },
    ]);
    // The spell now ends in May, yet the same request replays the same proposal.
    const replayed = await app.workflows.proposeRecordCorrection(
      app,
      filed.id,
      input,
      officers[0]!,
      'leave-1',
    );
    expect(replayed).toMatchObject({
      replayed: true,
      approval: { id: first.approval.id, status: 'approved' },
    });
    expect((await verifyLedger(get().db)).ok).toBe(true);
  });
});

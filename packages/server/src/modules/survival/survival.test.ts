import { makeResidentId, maskResidentId } from '@shebao/domain';
import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../app/index.ts';
import type { Database } from '../../db/index.ts';
import { describeEachServer, logIn, type Client } from '../../http/test-server.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { verifyLedger } from '../ledger/index.ts';
import { enrolAward } from '../payroll/index.ts';

/*
 * Survival verification and death reports through the real HTTP stack (docs/RULES.md 14.9, 14.10). Today
 * is 2027-07-10. Pensioner A was first paid for 2025-08: the award verified the first cycle, the second
 * (2026-08..2027-07) ends on 2027-07-31 without a verification, within 60 days: due. Pensioner B was first
 * paid for 2024-06: the third cycle (2026-06..2027-05) ended without one, so B is suspended from 2027-06.
 * Pensioner C was first paid for 2027-01: in the first cycle, verified by the award.
 */
const TODAY = '2027-07-10';
const PASSWORD = 'a-long-password-1';

/** An awarded pension written straight into benefits' tables, as the award workflow leaves it. */
async function insertPensionAward(
  db: Kysely<Database>,
  personId: number,
  validFrom: string,
  contributionMonths: number,
): Promise<string> {
  const at = '2024-01-01T00:00:00.000Z';
  const { id } = await db
    .insertInto('benefit_applications')
    .values({
      application_no: `AP2024${String(personId).padStart(10, '0')}`,
      kind: 'pension',
      person_id: personId,
      employer_id: null,
      region_code: '110000',
      filed_by: 'staff',
      filed_by_login: 'staff:test',
      facts: '{}',
      state: 'decided',
      filed_on: '2024-01-01',
      clock_days: 20,
      clock_unit: 'working-days',
      clock_source: 'test',
      decision: 'award',
      decision_reasons: '[]',
      decided_on: '2024-01-02',
      approval_id: null,
      recorded_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const awardNo = `AW2024${String(personId).padStart(10, '0')}`;
  await db
    .insertInto('benefit_awards')
    .values({
      award_no: awardNo,
      version: 1,
      application_id: Number(id),
      person_id: personId,
      region_code: '110000',
      kind: 'pension',
      monthly_fen: 400_000,
      valid_from: validFrom,
      payee_kind: 'bank',
      payee_account: '6222020200112233445',
      explanation: JSON.stringify({
        eligibility: { inputs: { contributionMonths: String(contributionMonths) } },
      }),
      reason: 'test',
      proposed_by: 'staff:a',
      approved_by: 'staff:b',
      approval_id: null,
      recorded_at: at,
    })
    .execute();
  return awardNo;
}

const heirs = [
  {
    name: '张丽',
    idNumber: makeResidentId('110105', '1975-03-04', 12),
    relation: 'spouse',
    bankAccount: '6222020200112230001',
    share: { numerator: 1, denominator: 2 },
  },
  {
    name: '张明',
    idNumber: makeResidentId('110105', '2000-09-10', 31),
    relation: 'child',
    bankAccount: '6222020200112230002',
    share: { numerator: 1, denominator: 2 },
  },
];

describeEachServer(
  'survival verification and death reports',
  (get) => {
    let a = 0;
    let b = 0;
    let c = 0;
    let notPensioner = 0;
    let awardA = '';
    let officer1: Client;
    let officer2: Client;
    let personB: Client;
    const count = async (table: 'survival_verifications' | 'death_reports' | 'approvals') =>
      Number(
        (
          await get()
            .db.selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      const { app, db, server } = get();
      const fixture = await insertCollectionFixture(db, {
        regionCode: '110000',
        cycleStart: '2024-07',
        employers: [
          {
            employees: [
              { wageFen: 1_000_000 },
              { wageFen: 1_000_000 },
              { wageFen: 1_000_000 },
              { wageFen: 1_000_000 },
            ],
          },
        ],
        declaredMonths: { from: '2024-07', to: '2024-08' },
      });
      [a, b, c, notPensioner] = fixture.personIds[0]! as [number, number, number, number];
      awardA = await insertPensionAward(db, a, '2025-08', 240);
      const awardB = await insertPensionAward(db, b, '2024-06', 170);
      const awardC = await insertPensionAward(db, c, '2027-01', 200);
      // On the payroll too (docs/RULES.md 14.14): 4,000 yuan, 1,000 of it from the account. June and July
      // are paid (B's are withheld: suspended from 2027-06) before anything below happens.
      for (const [personId, awardNo, validFrom] of [
        [a, awardA, '2025-08'],
        [b, awardB, '2024-06'],
        [c, awardC, '2027-01'],
      ] as const)
        await db.transaction().execute((trx) =>
          enrolAward(trx, {
            awardNo,
            personId,
            regionCode: '110000',
            kind: 'pension',
            payeeName: `Pensioner ${personId}`,
            validFrom,
            monthlyFen: 400_000,
            accountPartFen: 100_000,
            accountBalanceFen: 100_000 * 139,
            payee: { kind: 'bank', account: '6222020200112233445' },
            // Paid by the previous system before June 2027.
            firstMonthToPay: validFrom < '2027-06' ? '2027-06' : validFrom,
            recordedAt: '2024-01-02T00:00:00.000Z',
          }),
        );
      for (const period of ['2027-06', '2027-07'])
        await app.payroll.run({ regionCode: '110000', period, startedBy: 'test' });
      for (const name of ['officer1', 'officer2'])
        await app.auth.addUser(
          {
            kind: 'staff',
            userName: name,
            displayName: name,
            password: PASSWORD,
            roles: ['benefits_officer'],
            regionCodes: ['110000'],
          },
          'test',
        );
      await app.auth.addUser({ kind: 'person', personId: b, password: PASSWORD }, 'test');
      officer1 = await logIn(server, 'staff', { userName: 'officer1', password: PASSWORD });
      officer2 = await logIn(server, 'staff', { userName: 'officer2', password: PASSWORD });
      const idNumber = (await app.registration.getPerson(b)).idNumber;
      personB = await logIn(server, 'person', { idNumber, password: PASSWORD });
    });

    it('lists the pensioners due and those suspended, masked, a page at a time', async () => {
      const { app } = get();
      const first = await officer1.request({
        method: 'GET',
        url: '/api/survival/due?regionCode=110000&limit=1',
      });
      expect(first.statusCode).toBe(200);
      const page1 = first.json() as { asOf: string; items: Record<string, unknown>[]; nextCursor: string };
      expect(page1.asOf).toBe(TODAY);
      const idA = (await app.registration.getPerson(a)).idNumber;
      expect(page1.items).toEqual([
        expect.objectContaining({
          personId: a,
          idNumberMasked: maskResidentId(idA),
          status: 'due',
          cycleStart: '2026-08',
          cycleEnd: '2027-07',
          dueBy: '2027-07-31',
          suspendedFrom: null,
        }),
      ]);
      expect(JSON.stringify(page1)).not.toContain(idA);
      const second = await officer1.request({
        method: 'GET',
        url: `/api/survival/due?regionCode=110000&limit=1&cursor=${page1.nextCursor}`,
      });
      const page2 = second.json() as { items: Record<string, unknown>[]; nextCursor: string | null };
      // B: the cycle 2026-06..2027-05 ended unverified: suspended from 2027-06 (14.6).
      expect(page2.items).toEqual([
        expect.objectContaining({
          personId: b,
          status: 'overdue',
          cycleStart: '2027-06',
          suspendedFrom: '2027-06',
        }),
      ]);
      expect(page2.nextCursor).toBeNull();
      // Every person listed is in the access log.
      const logged = await get()
        .db.selectFrom('access_log')
        .select('person_id')
        .where('what', '=', 'survival verification due list')
        .execute();
      expect(new Set(logged.map((row) => Number(row.person_id)))).toEqual(new Set([a, b]));
    });

    it('records a counter verification once, and the month paid through moves a cycle on', async () => {
      const { app } = get();
      expect(await app.survival.verifiedThrough({ awardNo: awardA })).toMatchObject({
        personId: a,
        verifiedThrough: '2027-07',
      });
      const record = () =>
        officer1.request({
          method: 'POST',
          url: `/api/persons/${a}/survival-verifications`,
          payload: { method: 'counter', onDate: '2027-07-01', note: 'came to the counter' },
        });
      const created = await record();
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        created: true,
        standing: {
          status: 'verified',
          verifiedThisCycle: true,
          verifiedThrough: '2028-07',
          lastVerifiedOn: '2027-07-01',
        },
        verifications: [
          { method: 'counter', channel: 'staff', recordedBy: 'staff:officer1', onDate: '2027-07-01' },
        ],
      });
      const again = await record();
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ created: false });
      expect(await count('survival_verifications')).toBe(1);
      expect(await app.survival.verifiedThrough({ personId: a })).toMatchObject({
        verifiedThrough: '2028-07',
      });
      const many = await app.survival.verifiedThroughOfAwards([
        { awardNo: awardA, firstPaymentMonth: '2025-08' },
        { awardNo: 'AW-none', firstPaymentMonth: '2025-08' },
      ]);
      expect([...many]).toEqual([
        [awardA, '2028-07'],
        ['AW-none', '2027-07'],
      ]);
      const due = (
        await officer1.request({ method: 'GET', url: '/api/survival/due?regionCode=110000' })
      ).json() as {
        items: { personId: number }[];
      };
      expect(due.items.map((item) => item.personId)).toEqual([b]);
      // Append-only.
      await expect(
        get().db.updateTable('survival_verifications').set({ note: 'x' }).execute(),
      ).rejects.toThrow(/append-only/);
    });

    it('refuses bad verifications naming the field, and writes nothing', async () => {
      const before = await count('survival_verifications');
      const post = (personId: number, payload: unknown) =>
        officer1.request({
          method: 'POST',
          url: `/api/persons/${personId}/survival-verifications`,
          payload: payload as never,
        });
      const cases: [number, unknown, string, string?][] = [
        [a, { method: 'counter', onDate: '2027-07-11' }, 'onDate'],
        [a, { method: 'counter', onDate: '2027-02-30' }, 'onDate'],
        [a, { method: 'face-recognition', onDate: '2027-07-01' }, 'method'],
        [c, { method: 'visit', onDate: '2026-12-31' }, 'onDate'],
        [notPensioner, { method: 'visit', onDate: '2027-07-01' }, 'personId', 'not-a-pensioner'],
      ];
      for (const [personId, payload, field, detailCode] of cases) {
        const response = await post(personId, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        const problem = response.json() as {
          field?: string;
          errors?: { field: string }[];
          detailCode?: string;
        };
        expect([problem.field, ...(problem.errors ?? []).map((error) => error.field)]).toContain(field);
        if (detailCode) expect(problem.detailCode).toBe(detailCode);
      }
      expect(await count('survival_verifications')).toBe(before);
    });

    it('lets the pensioner verify through their session, which resumes a suspended pension', async () => {
      const mine = await personB.request({ method: 'GET', url: `/api/persons/${b}/survival` });
      expect(mine.json()).toMatchObject({
        standing: { status: 'overdue', suspendedFrom: '2027-06', verifiedThrough: '2026-05' },
        deceased: false,
      });
      // Staff's route and another person's record are not theirs.
      expect(
        (
          await personB.request({
            method: 'POST',
            url: `/api/persons/${b}/survival-verifications`,
            payload: { method: 'counter', onDate: TODAY },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await personB.request({
            method: 'POST',
            url: `/api/persons/${a}/survival-verifications/self`,
            payload: { attest: true },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await personB.request({
            method: 'POST',
            url: `/api/persons/${b}/survival-verifications/self`,
            payload: {},
          })
        ).statusCode,
      ).toBe(400);
      const verified = await personB.request({
        method: 'POST',
        url: `/api/persons/${b}/survival-verifications/self`,
        payload: { attest: true },
      });
      expect(verified.statusCode).toBe(201);
      // Verified in the fourth cycle (2027-06..2028-05): paid through the end of the fifth, 2029-05.
      expect(verified.json()).toMatchObject({
        standing: { status: 'verified', overdue: false, suspendedFrom: null, verifiedThrough: '2029-05' },
        verifications: [{ method: 'face-recognition', channel: 'person', onDate: TODAY }],
      });
      // The payroll learns it (workflows/verify-survival.ts): the withheld months are owed again.
      const roll = await get()
        .db.selectFrom('benefit_roll')
        .select('verified_through')
        .where('person_id', '=', b)
        .executeTakeFirstOrThrow();
      expect(roll.verified_through).toBe('2029-05');
    });

    it('records a death report, works out the one-time benefits, and needs a second officer to confirm it', async () => {
      const { app } = get();
      const report = {
        dateOfDeath: '2027-06-20',
        reportedBy: 'relative',
        reporterName: '张丽',
        heirs,
        funeralPayee: { heirIndex: 0 },
        documentSha256: ['a'.repeat(64)],
      };
      const proposed = await officer1.request({
        method: 'POST',
        url: `/api/persons/${a}/death-reports`,
        payload: report,
        headers: { 'idempotency-key': 'death-report-a-1' },
      });
      expect(proposed.statusCode).toBe(201);
      const body = proposed.json() as {
        approval: { id: number; kind: string; payload: unknown };
        report: Record<string, unknown>;
      };
      expect(body.approval.kind).toBe('survival.confirmDeath');
      // Beijing's demo standards: a fixed 5,000 yuan; 240 contribution months = 20 years: 9 + 5 = 14 months
      // of 7,000 yuan = 98,000 yuan (docs/RULES.md 14.10).
      expect(body.report).toMatchObject({
        state: 'proposed',
        stopPaymentFrom: '2027-07',
        reporterName: '张丽',
        funeralGrant: { amountFen: 500_000 },
        survivorsBenefit: { amountFen: 9_800_000 },
        funeralPayee: { name: '张丽', accountMasked: '****0001', heirIndex: 0 },
        heirs: [
          { name: '张丽', idNumberMasked: maskResidentId(heirs[0]!.idNumber), accountMasked: '****0001' },
          { name: '张明', relation: 'child' },
        ],
      });
      expect(JSON.stringify(body.report)).not.toContain(heirs[0]!.idNumber);
      // The approval, which oversight lists, holds the report masked; the row keeps it whole for the payroll.
      const stored = JSON.stringify(body.approval.payload);
      for (const secret of [heirs[0]!.idNumber, heirs[1]!.idNumber, heirs[0]!.bankAccount])
        expect(stored).not.toContain(secret);
      const row = await get()
        .db.selectFrom('death_reports')
        .select('heirs')
        .where('person_id', '=', a)
        .executeTakeFirstOrThrow();
      expect(row.heirs).toContain(heirs[1]!.bankAccount);
      // The same key replays; another report of the same person is a conflict, and writes nothing.
      const replay = await officer1.request({
        method: 'POST',
        url: `/api/persons/${a}/death-reports`,
        payload: report,
        headers: { 'idempotency-key': 'death-report-a-1' },
      });
      expect(replay.statusCode).toBe(200);
      const [reports, approvals] = [await count('death_reports'), await count('approvals')];
      const second = await officer2.request({
        method: 'POST',
        url: `/api/persons/${a}/death-reports`,
        payload: { ...report, reportedBy: 'data-match', reporterName: undefined },
      });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ detailCode: 'death-report-exists' });
      expect([await count('death_reports'), await count('approvals')]).toEqual([reports, approvals]);

      const listed = (
        await officer2.request({ method: 'GET', url: '/api/death-reports?regionCode=110000' })
      ).json() as {
        items: { personId: number; state: string }[];
      };
      expect(listed.items).toEqual([expect.objectContaining({ personId: a, state: 'proposed' })]);
      // While the report waits, A is no longer asked to verify.
      const due = (
        await officer1.request({ method: 'GET', url: '/api/survival/due?regionCode=110000' })
      ).json() as {
        items: unknown[];
      };
      expect(due.items).toEqual([]);

      // A's social security card, in use: the confirmation cancels it (docs/RULES.md 18.2).
      const { id: cardId } = await get()
        .db.insertInto('social_security_cards')
        .values({
          card_no: 'A80000001',
          person_id: a,
          region_code: '110105',
          generation: 3,
          status: 'active',
          reason: 'first',
          replaces_card_id: null,
          channel: 'counter',
          employer_id: null,
          applied_by: 'staff:officer1',
          applied_on: '2024-03-01',
          photo_sha256: null,
          photo_type: null,
          clock_days: 15,
          clock_unit: 'working-days',
          clock_source: 'test',
          due_on: '2024-03-21',
          fee_fen: 0,
          fee_exemption: null,
          fee_explanation: JSON.stringify({ rule: 'first card', formula: '0.00', inputs: {}, sources: [] }),
          dispatch: 'branch',
          branch_name: '朝阳分中心',
          mail_address: null,
          refusal_reason: null,
          batch_id: null,
          bank_code: 'ICBC',
          bank_account_no: '6222020200112239999',
          produced_on: '2024-03-10',
          collected_on: '2024-03-22',
          temporary_loss_until: null,
          recorded_at: '2024-03-01T02:00:00.000Z',
          updated_at: '2024-03-22T02:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      const own = await officer1.request({
        method: 'POST',
        url: `/api/persons/${a}/death-reports/decision`,
        payload: { decision: 'approve' },
      });
      expect(own.statusCode).toBe(403);
      expect(own.json()).toMatchObject({ detailCode: 'needs-second-person' });
      const confirmed = await officer2.request({
        method: 'POST',
        url: `/api/persons/${a}/death-reports/decision`,
        payload: { decision: 'approve', note: 'certificate seen' },
      });
      expect(confirmed.statusCode).toBe(200);
      const decided = confirmed.json() as {
        approval: { status: string; result: Record<string, unknown> };
        report: Record<string, unknown>;
      };
      expect(decided.report).toMatchObject({ state: 'confirmed', decidedBy: 'staff:officer2' });
      // What the payroll's step receives, as the approval records it (masked).
      expect(decided.approval).toMatchObject({
        status: 'approved',
        result: {
          personId: a,
          dateOfDeath: '2027-06-20',
          stopPaymentFrom: '2027-07',
          funeralPayee: { name: '张丽', accountMasked: '****0001' },
          benefits: { funeralGrant: { amountFen: 500_000 } },
        },
      });
      expect(JSON.stringify(decided.approval.result)).not.toContain(heirs[1]!.bankAccount);
      // The payroll's side (docs/RULES.md 14.18): July, paid after the death, is claimed and withheld from
      // the funeral grant first; the survivors' benefit and the account left are split between the heirs.
      // A drew 1,000 yuan a month for 23 months (2025-08 to 2027-06): 139,000 − 23,000 = 116,000 yuan left.
      expect(decided.approval.result).toMatchObject({
        payroll: {
          stoppedAfter: '2027-06',
          payments: [
            { kind: 'funeral-grant', payeeName: '张丽', amountFen: 500_000, recoveredFen: 400_000 },
            { kind: 'survivors-benefit', payeeName: '张丽', amountFen: 4_900_000, recoveredFen: 0 },
            { kind: 'survivors-benefit', payeeName: '张明', amountFen: 4_900_000, recoveredFen: 0 },
            { kind: 'account-inheritance', payeeName: '张丽', amountFen: 5_800_000, recoveredFen: 0 },
            { kind: 'account-inheritance', payeeName: '张明', amountFen: 5_800_000, recoveredFen: 0 },
          ],
        },
      });
      expect((await app.survival.standingOf(a)).deceased).toBe(true);
      const card = await get()
        .db.selectFrom('social_security_cards')
        .select('status')
        .where('id', '=', Number(cardId))
        .executeTakeFirstOrThrow();
      expect(card.status).toBe('cancelled');
      // No verification after a death.
      const late = await officer1.request({
        method: 'POST',
        url: `/api/persons/${a}/survival-verifications`,
        payload: { method: 'visit', onDate: TODAY },
      });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ detailCode: 'death-reported' });
      // Nothing waits any more.
      const nothing = await officer2.request({
        method: 'POST',
        url: `/api/persons/${a}/death-reports/decision`,
        payload: { decision: 'reject' },
      });
      expect(nothing.statusCode).toBe(409);
    });

    it('refuses a proposal whose details are not the report proposed, and writes nothing', async () => {
      const { app } = get();
      const [reports, approvals] = [await count('death_reports'), await count('approvals')];
      const { payload, details } = await app.survival.prepareDeathReport(b, {
        dateOfDeath: '2027-07-01',
        reportedBy: 'staff',
        heirs: [{ ...heirs[1]!, relation: 'child', share: { parts: 1 } }],
        funeralPayee: { heirIndex: 0 },
      });
      const user = await get()
        .db.selectFrom('users')
        .select(['id', 'login_key'])
        .where('user_name', '=', 'officer1')
        .executeTakeFirstOrThrow();
      const officer = {
        userId: Number(user.id),
        kind: 'staff',
        loginKey: user.login_key,
        displayName: 'officer1',
        roles: ['benefits_officer'],
        regionCodes: ['110000'],
        personId: null,
        employerId: null,
        via: 'session',
        actorUserId: Number(user.id),
        scope: 'write',
        csrfToken: null,
      } as const;
      const swapped = { ...details, heirs: [{ ...details.heirs[0]!, bankAccount: '6222020200119999999' }] };
      await expect(
        app.approvals.proposeOnce(
          'survival.confirmDeath',
          payload,
          { regionCode: '110000', summary: 'x' },
          officer as never,
          undefined,
          swapped,
        ),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
      expect([await count('death_reports'), await count('approvals')]).toEqual([reports, approvals]);
    });

    it('refuses a bad death report naming the field, and writes nothing', async () => {
      const [reports, approvals] = [await count('death_reports'), await count('approvals')];
      const good = { dateOfDeath: '2027-07-01', reportedBy: 'staff', heirs, funeralPayee: { heirIndex: 1 } };
      const idB = (await get().app.registration.getPerson(b)).idNumber;
      const cases: [Record<string, unknown>, string][] = [
        [{ ...good, reportedBy: 'relative' }, 'reporterName'],
        [{ ...good, heirs: [heirs[0], { ...heirs[1], share: { numerator: 1, denominator: 3 } }] }, 'heirs'],
        [{ ...good, heirs: [heirs[0], { ...heirs[1], share: { parts: 1 } }] }, 'heirs'],
        [{ ...good, funeralPayee: { heirIndex: 2 } }, 'funeralPayee'],
        [{ ...good, heirs: [{ ...heirs[0], idNumber: '110105197503040000' }, heirs[1]] }, 'heirs.0.idNumber'],
        [{ ...good, heirs: [{ ...heirs[0], bankAccount: '12345' }, heirs[1]] }, 'heirs.0.bankAccount'],
        [{ ...good, heirs: [{ ...heirs[0], idNumber: idB }, heirs[1]] }, 'heirs.0.idNumber'],
        [{ ...good, dateOfDeath: '2027-07-11' }, 'dateOfDeath'],
        [{ ...good, heirs: [] }, 'heirs'],
      ];
      for (const [payload, field] of cases) {
        const response = await officer1.request({
          method: 'POST',
          url: `/api/persons/${b}/death-reports`,
          payload,
        });
        expect(response.statusCode, field).toBe(400);
        const problem = response.json() as { field?: string; errors?: { field: string }[] };
        expect([problem.field, ...(problem.errors ?? []).map((error) => error.field)], field).toContain(
          field,
        );
      }
      expect([await count('death_reports'), await count('approvals')]).toEqual([reports, approvals]);
    });

    it('lets the second officer reject a report, after which another may be recorded', async () => {
      const report = {
        dateOfDeath: '2027-07-01',
        reportedBy: 'data-match',
        heirs: [{ ...heirs[1], share: { parts: 1 } }],
        funeralPayee: { name: '李四', idNumber: heirs[0]!.idNumber, bankAccount: '6222020200112239999' },
      };
      expect(
        (await officer1.request({ method: 'POST', url: `/api/persons/${b}/death-reports`, payload: report }))
          .statusCode,
      ).toBe(201);
      const rejected = await officer2.request({
        method: 'POST',
        url: `/api/persons/${b}/death-reports/decision`,
        payload: { decision: 'reject', note: 'the match was another person' },
      });
      expect(rejected.json()).toMatchObject({
        approval: { status: 'rejected' },
        report: { state: 'rejected', funeralPayee: { name: '李四', heirIndex: null } },
      });
      expect((await get().app.survival.standingOf(b)).deceased).toBe(false);
      const again = await officer1.request({
        method: 'POST',
        url: `/api/persons/${b}/death-reports`,
        payload: report,
      });
      expect(again.statusCode).toBe(201);
      const history = (
        await officer2.request({ method: 'GET', url: `/api/persons/${b}/death-reports` })
      ).json() as {
        items: { state: string }[];
      };
      expect(history.items.map((item) => item.state)).toEqual(['proposed', 'rejected']);
    });

    it('pays the estate and the months withheld with the next payroll, and the ledger verifies', async () => {
      const { app, db } = get();
      const august = await app.payroll.run({ regionCode: '110000', period: '2027-08', startedBy: 'test' });
      // B and C for August (A stopped), and the five payments of A's estate.
      expect(august.linesPaid).toBe(7);
      const bLine = await db
        .selectFrom('payroll_lines as l')
        .innerJoin('benefit_roll as r', 'r.id', 'l.roll_id')
        .select(['l.pooled_fen', 'l.account_fen'])
        .where('r.person_id', '=', b)
        .where('l.period', '=', '2027-08')
        .executeTakeFirstOrThrow();
      // August and the two months withheld (June, July), each 4,000 yuan.
      expect(Number(bLine.pooled_fen) + Number(bLine.account_fen)).toBe(1_200_000);
      const payments = await app.payroll.paymentsOf(a);
      expect(payments.awards[0]).toMatchObject({ status: 'stopped', stoppedAfter: '2027-06' });
      expect(payments.claims).toEqual([
        expect.objectContaining({ totalFen: 400_000, recoveredFen: 400_000 }),
      ]);
      expect(payments.oneTime.every((payment) => payment.state === 'paid')).toBe(true);
      const report = await verifyLedger(db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    });
  },
  { clock: fixedClock(`${TODAY}T02:00:00.000Z`) },
);

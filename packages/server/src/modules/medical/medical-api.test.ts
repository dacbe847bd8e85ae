import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { describeEachServer, logIn, tokenClient, type Client } from '../../http/test-server.ts';
import { verifyLedger } from '../ledger/index.ts';
import { insertMedicalFixture, type MedicalFixture } from '../../testing/medical-fixture.ts';
import { createMedicalService } from './index.ts';

/*
 * Real-time settlement and the fund's supervision over HTTP (docs/RULES.md 16.3, 16.7), on the test clock
 * of 15 July 2025 in Nanchang: a hospital's system settles claims with its bearer token, concurrently too;
 * bad input is a problem naming the field; two medical officers scan, propose and approve a finding whose
 * suspension refuses the institution's next claim, and whose recovery the month's statement keeps back.
 */

const PASSWORD = 'medical-api-password';
const yuan = (amount: number) => Math.round(amount * 100);
let keys = 0;
const key = () => ({ 'idempotency-key': `medical-api-${(keys += 1)}-key` });

describeEachServer(
  'medical claims and supervision over HTTP',
  (get) => {
    let fixture: MedicalFixture;
    let his: Client;
    let officer: Client;
    let second: Client;
    const claim = (overrides: Record<string, unknown> = {}) => ({
      institutionId: fixture.institutions[2]!.id,
      idNumber: fixture.workers[0]!.idNumber,
      kind: 'outpatient',
      visitDate: '2025-07-10',
      items: [{ code: 'C1', name: 'Consultation', itemClass: 'full', amountFen: yuan(1_000) }],
      ...overrides,
    });
    const post = (client: Client, url: string, payload: unknown, headers: Record<string, string> = {}) =>
      client.request({ method: 'POST', url, payload: payload as never, headers });

    beforeAll(async () => {
      const { app, server, db } = get();
      fixture = await insertMedicalFixture(db, { workers: 4 });
      for (const userName of ['medical1', 'medical2'])
        await app.auth.addUser(
          {
            kind: 'staff',
            userName,
            displayName: userName,
            password: PASSWORD,
            roles: ['medical_officer'],
            regionCodes: ['360000'],
          },
          'test',
        );
      const system = await app.auth.addUser(
        {
          kind: 'system',
          userName: 'his-level3',
          displayName: 'Hospital information system',
          roles: ['institution_user'],
          regionCodes: ['360100'],
          institutionId: fixture.institutions[2]!.id,
        },
        'test',
      );
      his = tokenClient(
        server,
        (await app.auth.createApiToken({ userId: system.id, name: 'his', scope: 'write' }, 'cli')).token,
      );
      officer = await logIn(server, 'staff', { userName: 'medical1', password: PASSWORD });
      second = await logIn(server, 'staff', { userName: 'medical2', password: PASSWORD });
    });

    it('settles in one request, answers a repeat with the first answer, and refuses bad input by field', async () => {
      const headers = key();
      const first = await post(his, '/api/medical/claims', claim(), headers);
      expect(first.statusCode).toBe(201);
      const body = first.json();
      // 1,000 - 300 deductible = 700 × 55% (level 3 outpatient) = 385.
      expect(body).toMatchObject({ pooledFen: yuan(385), deductibleFen: yuan(300), cashFen: yuan(615) });
      expect(body.year).toMatchObject({
        lineCapLeftFen: yuan(2_000 - 385),
        annualCapLeftFen: yuan(300_000 - 385),
      });
      const repeat = await post(his, '/api/medical/claims', claim(), headers);
      expect(repeat.statusCode).toBe(200);
      expect(repeat.headers['idempotency-replayed']).toBe('true');
      expect(repeat.json()).toEqual(body);
      const reused = await post(his, '/api/medical/claims', claim({ visitDate: '2025-07-11' }), headers);
      expect(reused.statusCode).toBe(409);

      const cases: [Record<string, unknown>, string][] = [
        [claim({ items: [] }), 'items'],
        [
          claim({ items: [{ code: 'C1', name: 'x', itemClass: 'full', amountFen: -5 }] }),
          'items.0.amountFen',
        ],
        [claim({ kind: 'dental' }), 'kind'],
        [claim({ visitDate: '2025-02-30x' }), 'visitDate'],
        [claim({ kind: 'inpatient' }), 'dischargeDate'],
      ];
      for (const [payload, field] of cases) {
        const response = await post(his, '/api/medical/claims', payload, key());
        expect(response.statusCode, field).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(JSON.stringify(response.json()), field).toContain(field);
      }
      const missingKey = await post(his, '/api/medical/claims', claim());
      expect(missingKey.statusCode).toBe(400);
      // Another institution's claim is not this system's to settle.
      const foreign = await post(
        his,
        '/api/medical/claims',
        claim({ institutionId: fixture.institutions[0]!.id }),
        key(),
      );
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json().detailCode).toBe('not-own-institution');
      // Nothing was written for the refused ones: one claim in the institution's list.
      const listed = await his.request({
        method: 'GET',
        url: `/api/medical/claims?institutionId=${fixture.institutions[2]!.id}`,
      });
      expect(listed.json().items.map((item: { claimNo: string }) => item.claimNo)).toEqual([body.claimNo]);
    });

    it('lets concurrent requests of one person reach the cap exactly, and a cancellation restore it', async () => {
      const idNumber = fixture.workers[1]!.idNumber;
      const responses = await Promise.all(
        Array.from({ length: 12 }, () => post(his, '/api/medical/claims', claim({ idNumber }), key())),
      );
      expect(responses.map((response) => response.statusCode)).toEqual(Array(12).fill(201));
      const claims = responses.map((response) => response.json());
      expect(claims.reduce((sum, item) => sum + item.deductibleFen, 0)).toBe(yuan(300));
      expect(claims.reduce((sum, item) => sum + item.pooledFen, 0)).toBe(yuan(2_000));
      const last = claims.find((item) => item.pooledFen > 0)!;
      const cancelled = await post(his, `/api/medical/claims/${last.claimNo}/cancellation`, {
        reason: 'refund',
      });
      expect(cancelled.statusCode).toBe(201);
      const account = await officer.request({
        method: 'GET',
        url: `/api/persons/${fixture.workers[1]!.id}/medical-account?year=2025`,
      });
      expect(account.json().year.pooledFen.outpatient).toBe(yuan(2_000) - last.pooledFen);
      expect(await get().app.medical.yearTotalsDrift()).toEqual([]);
    });

    it('turns a flagged claim into a finding two officers decide, which suspends and recovers', async () => {
      const { app, db } = get();
      // The same item twice on one day.
      const idNumber = fixture.workers[2]!.idNumber;
      const items = [{ code: 'DUP-9', name: 'Injection', itemClass: 'full', amountFen: yuan(700) }];
      await post(his, '/api/medical/claims', claim({ idNumber, items }), key());
      const second_ = await post(his, '/api/medical/claims', claim({ idNumber, items }), key());
      const scan = await post(officer, '/api/medical/reviews/scan', {
        regionCode: '360100',
        from: '2025-07-01',
        to: '2025-07-15',
      });
      expect(scan.statusCode).toBe(200);
      expect(scan.json().caught['same-item-twice']).toBeGreaterThanOrEqual(1);
      const queue = await officer.request({
        method: 'GET',
        url: '/api/medical/reviews?regionCode=360100&status=open',
      });
      const flag = queue
        .json()
        .items.find((item: { claim: { claimNo: string } }) => item.claim.claimNo === second_.json().claimNo);
      expect(flag.rule).toBe('same-item-twice');
      expect(flag.person.idNumberMasked).toContain('*');

      const outOfRange = await post(officer, '/api/medical/findings', {
        flagIds: [flag.id],
        subject: 'institution',
        article: 'MFR Art. 40',
        description: 'charged an injection twice',
        lossFen: yuan(100),
        multiplePpm: 1_000_000,
      });
      expect(outOfRange.statusCode).toBe(400);
      expect(outOfRange.json().field).toBe('multiplePpm');
      const proposed = await post(officer, '/api/medical/findings', {
        flagIds: [flag.id],
        subject: 'institution',
        article: 'MFR Art. 40',
        description: 'charged an injection twice, a fictitious service',
        lossFen: yuan(100),
        multiplePpm: 2_000_000,
        suspensionMonths: 6,
      });
      expect(proposed.statusCode).toBe(201);
      const finding = proposed.json();
      expect(finding).toMatchObject({ status: 'proposed', fineFen: yuan(200), subject: 'institution' });
      // The proposer cannot decide their own finding.
      const own = await post(officer, `/api/medical/findings/${finding.findingNo}/decision`, {
        approve: true,
      });
      expect(own.statusCode).toBe(403);
      const approved = await post(second, `/api/medical/findings/${finding.findingNo}/decision`, {
        approve: true,
      });
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({
        status: 'approved',
        suspendedFrom: '2025-07-15',
        suspendedUntil: '2026-01-14',
      });

      const refused = await post(
        his,
        '/api/medical/claims',
        claim({ idNumber: fixture.workers[3]!.idNumber }),
        key(),
      );
      expect(refused.statusCode).toBe(422);
      expect(refused.json().detailCode).toBe('settlement-suspended');
      expect(refused.json().detail).toContain('MFR Art. 40');

      // July settled in August: the hospital's statement keeps the recovery back.
      const august = createMedicalService(db, fixedClock('2025-08-05T03:00:00.000Z'), app.policy);
      const july = await august.settleInstitutionsMonth(
        { regionCode: '360100', period: '2025-07' },
        'staff:medical1',
      );
      const statement = july.statements.find((row) => row.institutionId === fixture.institutions[2]!.id)!;
      expect(statement.deductedFen).toBe(yuan(100));
      expect(statement.paidFen).toBe(
        statement.pooledFen + statement.accountFen - statement.cancelledFen - yuan(100),
      );
      const report = await verifyLedger(db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    });

    it('suspends a person’s direct settlement by an approved finding, and refuses their next claim', async () => {
      const idNumber = fixture.workers[3]!.idNumber;
      const at = (level: number, code: string) =>
        claim({
          institutionId: fixture.institutions[level]!.id,
          idNumber,
          items: [{ code, name: 'Tablets', itemClass: 'full', amountFen: yuan(900) }],
        });
      await post(officer, '/api/medical/claims', at(0, 'LENT-1'), key());
      const lent = (await post(officer, '/api/medical/claims', at(1, 'LENT-1'), key())).json();
      await post(officer, '/api/medical/reviews/scan', {
        regionCode: '360100',
        from: '2025-07-01',
        to: '2025-07-15',
      });
      const queue = await officer.request({
        method: 'GET',
        url: '/api/medical/reviews?regionCode=360100&status=open',
      });
      const flag = queue
        .json()
        .items.find((item: { claim: { claimNo: string } }) => item.claim.claimNo === lent.claimNo);
      const proposed = await post(officer, '/api/medical/findings', {
        flagIds: [flag.id],
        subject: 'person',
        article: 'MFR Art. 41',
        description: 'lent the card to another person',
        lossFen: yuan(100),
        multiplePpm: 2_000_000,
        suspensionMonths: 3,
      });
      expect(proposed.statusCode).toBe(201);
      const approved = await post(second, `/api/medical/findings/${proposed.json().findingNo}/decision`, {
        approve: true,
      });
      expect(approved.json()).toMatchObject({ status: 'approved', suspendedUntil: '2025-10-14' });
      const refused = await post(officer, '/api/medical/claims', at(0, 'AFTER-1'), key());
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ detailCode: 'settlement-suspended', field: 'idNumber' });
      expect(refused.json().detail).toContain('MFR Art. 41');
      expect((await verifyLedger(get().db)).ok).toBe(true);
    });
  },
  { server: { loginRateLimit: 1_000 } },
);

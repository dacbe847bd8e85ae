import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readControlRow } from '@shebao/domain';
import { beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../app/clock.ts';
import { describeEachServer, logIn, type Client } from '../../http/test-server.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { verifyLedger } from '../ledger/index.ts';
import {
  accountLeftOf,
  enrolAward,
  recordAwardVersions,
  scheduleOneTimePayments,
  setVerifiedThrough,
  stopPayment,
} from './index.ts';

/** A clock the test moves from month to month (the payroll pays no month more than one ahead of today). */
let now = new Date('2025-05-20T02:00:00.000Z');
const clock: Clock = { now: () => new Date(now) };
const at = () => now.toISOString();

const ICBC = '6222020200112233445';
const ICBC_NEW = '6222080200112233999';
const ABC = '6228480000000000017';
const OTHER = '9559000000000000021';

describeEachServer(
  'the monthly payroll',
  (get) => {
    let persons: number[] = [];
    let staff: Client;

    beforeAll(async () => {
      const { app, db } = get();
      const fixture = await insertCollectionFixture(db, {
        regionCode: '110000',
        cycleStart: '2024-07',
        employers: [
          {
            employees: [
              { wageFen: 1_000_000, hiredOn: '2024-07-01' },
              { wageFen: 1_000_000, hiredOn: '2024-07-01' },
              { wageFen: 1_000_000, hiredOn: '2024-07-01' },
              { wageFen: 1_000_000, hiredOn: '2024-07-01' },
              { wageFen: 1_000_000, hiredOn: '2024-07-01' },
            ],
          },
        ],
      });
      persons = fixture.personIds[0]!;
      const award = (index: number, awardNo: string, spec: Record<string, unknown>) =>
        db.transaction().execute((trx) =>
          enrolAward(trx, {
            awardNo,
            personId: persons[index]!,
            regionCode: '110000',
            kind: 'pension',
            payeeName: `Pensioner ${index}`,
            recordedAt: at(),
            ...(spec as {
              validFrom: string;
              monthlyFen: number;
              accountPartFen: number;
              accountBalanceFen: number;
              payee: { kind: 'bank'; account: string };
              firstMonthToPay?: string;
            }),
          }),
        );
      // A: 3,000 yuan from May, 500 of it from an account of 1,200 yuan: spent in its third month.
      await award(0, 'AW-A', {
        validFrom: '2025-05',
        monthlyFen: 300_000,
        accountPartFen: 50_000,
        accountBalanceFen: 120_000,
        payee: { kind: 'bank', account: ICBC },
      });
      // B: 2,000 yuan from June, no account part.
      await award(1, 'AW-B', {
        validFrom: '2025-06',
        monthlyFen: 200_000,
        accountPartFen: 0,
        accountBalanceFen: 0,
        payee: { kind: 'bank', account: ABC },
      });
      // C: 1,500 yuan from May, through the clearing bank.
      await award(2, 'AW-C', {
        validFrom: '2025-05',
        monthlyFen: 150_000,
        accountPartFen: 10_000,
        accountBalanceFen: 1_000_000,
        payee: { kind: 'bank', account: OTHER },
      });
      await app.auth.addUser(
        {
          kind: 'staff',
          userName: 'payroll1',
          displayName: 'Payroll officer',
          password: 'a-long-password-1',
          roles: ['benefits_officer'],
          regionCodes: ['110000'],
        },
        'test',
      );
      staff = await logIn(get().server, 'staff', { userName: 'payroll1', password: 'a-long-password-1' });
    });

    const lines = (period: string) =>
      get()
        .db.selectFrom('payroll_lines as l')
        .innerJoin('benefit_roll as r', 'r.id', 'l.roll_id')
        .select(['r.award_no', 'l.due_fen', 'l.pooled_fen', 'l.account_fen', 'l.state'])
        .where('l.period', '=', period)
        .orderBy('r.award_no')
        .execute();
    const expectLedgerVerifies = async () => {
      const report = await verifyLedger(get().db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    };

    it('pays every award in payment once, splits account and pooling fund, and writes a file per bank', async () => {
      const { app } = get();
      const result = await app.payroll.run({ regionCode: '110000', period: '2025-05', startedBy: 'test' });
      expect(result).toMatchObject({ ran: true, linesPaid: 2, linesWithheld: 0, paidFen: 450_000 });
      expect(await lines('2025-05')).toEqual([
        { award_no: 'AW-A', due_fen: 300_000, pooled_fen: 250_000, account_fen: 50_000, state: 'owed' },
        { award_no: 'AW-C', due_fen: 150_000, pooled_fen: 140_000, account_fen: 10_000, state: 'owed' },
      ]);
      const run = await app.payroll.get(result.runId);
      expect(run.files.map((file) => [file.bankCode, file.lineCount, file.totalFen])).toEqual([
        ['ICBC', 1, 300_000],
        ['OTHER', 1, 150_000],
      ]);
      const icbc = run.files.find((file) => file.bankCode === 'ICBC')!;
      const { bytes } = await app.payroll.readBankFile(icbc.id);
      const text = bytes.toString('utf8').trimEnd().split('\n');
      expect(text[0]).toBe('reference,account,name,amount');
      expect(text[1]).toMatch(new RegExp(`^\\d+,${ICBC},Pensioner 0,3000.00$`));
      expect(readControlRow(text.at(-1)!)).toEqual({ count: 1, totalFen: 300_000 });
      await expectLedgerVerifies();

      // The same month again changes nothing.
      const again = await app.payroll.run({ regionCode: '110000', period: '2025-05', startedBy: 'test' });
      expect(again).toMatchObject({ ran: false, runId: result.runId });
      expect(await lines('2025-05')).toHaveLength(2);
    });

    it('resumes a run killed half-way without paying anyone twice', async () => {
      const { app } = get();
      now = new Date('2025-06-20T02:00:00.000Z');
      await expect(
        app.payroll.run({
          regionCode: '110000',
          period: '2025-06',
          startedBy: 'test',
          chunkRolls: 1,
          stopAfterChunks: 1,
        }),
      ).rejects.toThrow(/stopped after 1 chunks/);
      expect(await lines('2025-06')).toHaveLength(1);
      await expectLedgerVerifies();
      const resumed = await app.payroll.run({
        regionCode: '110000',
        period: '2025-06',
        startedBy: 'test',
        chunkRolls: 1,
      });
      expect(resumed).toMatchObject({ ran: true, linesPaid: 3 });
      expect((await lines('2025-06')).map((line) => [line.award_no, line.account_fen])).toEqual([
        ['AW-A', 50_000],
        ['AW-B', 0],
        ['AW-C', 10_000],
      ]);
      await expectLedgerVerifies();
    });

    it('withholds a month until survival is verified, then pays it back with a late correction netted in', async () => {
      const { app, db } = get();
      now = new Date('2025-07-20T02:00:00.000Z');
      // B's survival is verified only through June.
      await db.transaction().execute((trx) => setVerifiedThrough(trx, persons[1]!, '2025-06', at()));
      const july = await app.payroll.run({ regionCode: '110000', period: '2025-07', startedBy: 'test' });
      expect(july).toMatchObject({ linesPaid: 2, linesWithheld: 1 });
      expect((await lines('2025-07')).find((line) => line.award_no === 'AW-B')).toMatchObject({
        state: 'withheld',
        due_fen: 200_000,
        pooled_fen: 0,
      });
      // A's account is spent in July: 1,200 − 2 × 500 leaves 200.
      expect((await lines('2025-07')).find((line) => line.award_no === 'AW-A')!.account_fen).toBe(20_000);

      // A correction raises A to 3,100 from June, after June and July were paid: 2 × 100 yuan of arrears.
      const differences = await db.transaction().execute((trx) =>
        recordAwardVersions(
          trx,
          [
            {
              awardNo: 'AW-A',
              version: 2,
              validFrom: '2025-06',
              monthlyFen: 310_000,
              priorMonthlyFen: 300_000,
            },
          ],
          { key: 'correction:AW-A:2', note: 'base corrected', recordedAt: at() },
        ),
      );
      expect(differences).toBe(2);
      // The same version again is refused: versions come in order.
      await expect(
        db.transaction().execute((trx) =>
          recordAwardVersions(
            trx,
            [
              {
                awardNo: 'AW-A',
                version: 2,
                validFrom: '2025-06',
                monthlyFen: 310_000,
                priorMonthlyFen: 300_000,
              },
            ],
            { key: 'correction:AW-A:2', note: 'again', recordedAt: at() },
          ),
        ),
      ).rejects.toThrow(/version 2 on the payroll already/);

      now = new Date('2025-08-20T02:00:00.000Z');
      await db.transaction().execute((trx) => setVerifiedThrough(trx, persons[1]!, '2026-06', at()));
      const august = await app.payroll.run({ regionCode: '110000', period: '2025-08', startedBy: 'test' });
      expect(august).toMatchObject({ linesPaid: 3, linesWithheld: 0 });
      const rows = await lines('2025-08');
      // A: 3,100 all from the pooling fund now, plus 200 of arrears.
      expect(rows.find((line) => line.award_no === 'AW-A')).toMatchObject({
        due_fen: 310_000,
        pooled_fen: 330_000,
        account_fen: 0,
      });
      // B: August, and July paid back.
      expect(rows.find((line) => line.award_no === 'AW-B')).toMatchObject({ pooled_fen: 400_000 });
      expect((await lines('2025-07')).find((line) => line.award_no === 'AW-B')!.state).toBe('released');
      await expectLedgerVerifies();

      const payments = await app.payroll.paymentsOf(persons[0]!);
      expect(payments.awards[0]).toMatchObject({ awardNo: 'AW-A', status: 'in-payment' });
      expect(payments.awards[0]!.lines.map((line) => [line.period, line.netFen, line.state])).toEqual([
        ['2025-08', 330_000, 'paid'],
        ['2025-07', 300_000, 'paid'],
        ['2025-06', 300_000, 'paid'],
        ['2025-05', 300_000, 'paid'],
      ]);
      expect(payments.awards[0]!.next).toMatchObject({ period: '2025-09', dueFen: 310_000, withheld: false });
    });

    it('takes back a payment the bank returns, and pays it again once the payee gives another account', async () => {
      const { app, db } = get();
      const [run] = await app.payroll.list({ regionCode: '110000', limit: 1 });
      const icbc = run!.files.find((file) => file.bankCode === 'ICBC')!;
      const lineId = (await app.payroll.readBankFile(icbc.id)).bytes
        .toString('utf8')
        .split('\n')[1]!
        .split(',')[0]!;

      // A bad file is refused with its line and field, and changes nothing.
      await expect(
        app.payroll.importBankReturn({
          bankFileId: icbc.id,
          content: 'reference,status,reason\n999999,failed,closed\n',
          importedBy: 'test',
        }),
      ).rejects.toMatchObject({ message: expect.stringMatching(/line 2 reference: 999999/) });
      await expect(
        app.payroll.importBankReturn({
          bankFileId: icbc.id,
          content: 'reference,status\n1,paid\n',
          importedBy: 'test',
        }),
      ).rejects.toMatchObject({ message: expect.stringMatching(/missing column reason/) });

      const content = `reference,status,reason\n${lineId},failed,account closed\n`;
      const imported = await app.payroll.importBankReturn({
        bankFileId: icbc.id,
        content,
        importedBy: 'test',
      });
      expect(imported).toMatchObject({ failedCount: 1, failedFen: 330_000, replayed: false });
      expect(
        await app.payroll.importBankReturn({ bankFileId: icbc.id, content, importedBy: 'test' }),
      ).toMatchObject({
        replayed: true,
      });
      await expectLedgerVerifies();
      const payable = await verifyLedger(db);
      expect(
        payable.balances.find((row) => row.fund === 'pension' && row.account === 'benefits_payable'),
      ).toMatchObject({
        creditFen: expect.any(Number),
      });

      // A new version with another account; September's run pays the returned August payment again.
      await db.transaction().execute((trx) =>
        recordAwardVersions(
          trx,
          [
            {
              awardNo: 'AW-A',
              version: 3,
              validFrom: '2025-09',
              monthlyFen: 310_000,
              priorMonthlyFen: 310_000,
              payee: { kind: 'bank', account: ICBC_NEW },
            },
          ],
          { key: 'payee:AW-A:3', note: 'new account', recordedAt: at() },
        ),
      );
      now = new Date('2025-09-20T02:00:00.000Z');
      const september = await app.payroll.run({ regionCode: '110000', period: '2025-09', startedBy: 'test' });
      const sepRun = await app.payroll.get(september.runId);
      const sepIcbc = sepRun.files.find((file) => file.bankCode === 'ICBC')!;
      expect(sepIcbc).toMatchObject({ lineCount: 2, totalFen: 330_000 + 310_000 });
      const text = (await app.payroll.readBankFile(sepIcbc.id)).bytes.toString('utf8');
      expect(text).toContain(`${lineId},${ICBC_NEW},Pensioner 0,3300.00`);
      await expectLedgerVerifies();
    });

    it('stops payment after a death, claims what was paid after it, and offsets the claim against the estate', async () => {
      const { app, db } = get();
      // C died in July 2025; August and September were paid.
      const stopped = await db.transaction().execute((trx) =>
        stopPayment(trx, clock, {
          awardNo: 'AW-C',
          lastMonth: '2025-07',
          reason: 'death reported',
          sourceKey: 'death:test-c',
        }),
      );
      expect(stopped.claim).toMatchObject({
        pooledFen: 280_000,
        accountFen: 20_000,
        months: ['2025-08', '2025-09'],
      });
      await expect(
        db.transaction().execute((trx) =>
          stopPayment(trx, clock, {
            awardNo: 'AW-C',
            lastMonth: '2025-07',
            reason: 'again',
            sourceKey: 'death:again',
          }),
        ),
      ).rejects.toMatchObject({ detailCode: 'payment-stopped' });
      await expectLedgerVerifies();

      // What is left on the account: 10,000 − 3 months of 100 (May to July; August and September taken back).
      const left = await accountLeftOf(db, 'AW-C');
      expect(left).toBe(1_000_000 - 3 * 10_000);
      const ids = await db.transaction().execute((trx) =>
        scheduleOneTimePayments(
          trx,
          [
            {
              kind: 'account-inheritance',
              personId: persons[2]!,
              regionCode: '110000',
              payeeName: 'Heir of C',
              payeeAccount: ICBC,
              pooledFen: 0,
              accountFen: left,
              recoveredFen: 300_000,
              recoversClaimId: stopped.claim!.id,
              reason: 'the account balance inherited (SIL Art. 14)',
              explanation: { rule: 'balance left' },
              sourceKey: 'death:test-c:inheritance:1',
              approvalId: null,
            },
          ],
          at(),
        ),
      );
      expect(ids).toHaveLength(1);
      // Bad input is refused before anything is written.
      await expect(
        db.transaction().execute((trx) =>
          scheduleOneTimePayments(
            trx,
            [
              {
                kind: 'funeral-grant',
                personId: persons[2]!,
                regionCode: '110000',
                payeeName: 'x',
                payeeAccount: '12',
                pooledFen: 1,
                accountFen: 0,
                recoveredFen: 0,
                recoversClaimId: null,
                reason: 'x',
                explanation: {},
                sourceKey: 'bad',
                approvalId: null,
              },
            ],
            at(),
          ),
        ),
      ).rejects.toMatchObject({ field: 'payeeAccount' });

      now = new Date('2025-10-20T02:00:00.000Z');
      const october = await app.payroll.run({ regionCode: '110000', period: '2025-10', startedBy: 'test' });
      // A and B; C is stopped; the inheritance less the claim is paid.
      expect(october.linesPaid).toBe(3);
      expect((await lines('2025-10')).map((line) => line.award_no)).toEqual(['AW-A', 'AW-B']);
      await expectLedgerVerifies();
      const payments = await app.payroll.paymentsOf(persons[2]!);
      expect(payments.awards[0]).toMatchObject({ status: 'stopped', next: null });
      expect(payments.claims[0]).toMatchObject({ totalFen: 300_000, recoveredFen: 300_000 });
      expect(payments.oneTime[0]).toMatchObject({
        kind: 'account-inheritance',
        amountFen: left,
        state: 'paid',
      });
    });

    it('pays an award decided after its first months those months once, and a carried-over one from its first month here', async () => {
      const { app, db } = get();
      now = new Date('2025-11-20T02:00:00.000Z');
      for (const [index, awardNo, spec] of [
        [
          3,
          'AW-D',
          { validFrom: '2025-08', monthlyFen: 200_000, accountPartFen: 20_000, accountBalanceFen: 2_000_000 },
        ],
        // Paid by a previous system since 2020; Shebao pays from November 2025.
        [
          4,
          'AW-E',
          {
            validFrom: '2020-01',
            monthlyFen: 250_000,
            accountPartFen: 10_000,
            accountBalanceFen: 1_390_000,
            firstMonthToPay: '2025-11',
          },
        ],
      ] as const)
        await db.transaction().execute((trx) =>
          enrolAward(trx, {
            awardNo,
            personId: persons[index]!,
            regionCode: '110000',
            kind: 'pension',
            payeeName: `Pensioner ${index}`,
            recordedAt: at(),
            payee: { kind: 'bank', account: ABC },
            ...spec,
          }),
        );
      // E verified at the counter in November 2025 (its award, from 2020, verified only its own first cycle).
      await db.transaction().execute((trx) => setVerifiedThrough(trx, persons[4]!, '2026-12', at()));
      const november = await app.payroll.run({ regionCode: '110000', period: '2025-11', startedBy: 'test' });
      const rows = await lines('2025-11');
      // D: November and the three months before it (August to October), each 1,800 + 200 from the account.
      expect(rows.find((line) => line.award_no === 'AW-D')).toMatchObject({
        due_fen: 200_000,
        pooled_fen: 4 * 180_000,
        account_fen: 4 * 20_000,
      });
      // E: November only; its account has paid 70 months since January 2020 and still pays 100 yuan.
      expect(rows.find((line) => line.award_no === 'AW-E')).toMatchObject({
        due_fen: 250_000,
        pooled_fen: 240_000,
        account_fen: 10_000,
      });
      expect(november.linesPaid).toBe(4);
      expect(
        await app.payroll.run({ regionCode: '110000', period: '2025-11', startedBy: 'test' }),
      ).toMatchObject({
        ran: false,
      });
      await expectLedgerVerifies();
      // A month of E before Shebao's first is refused: the previous system paid it.
      await expect(
        db.transaction().execute((trx) =>
          enrolAward(trx, {
            awardNo: 'AW-F',
            personId: persons[4]!,
            regionCode: '110000',
            kind: 'pension',
            payeeName: 'x',
            recordedAt: at(),
            payee: { kind: 'bank', account: ABC },
            validFrom: '2025-08',
            monthlyFen: 1,
            accountPartFen: 0,
            accountBalanceFen: 0,
            firstMonthToPay: '2025-07',
          }),
        ),
      ).rejects.toMatchObject({ field: 'firstMonthToPay' });
    });

    it('runs over the API in the background, for benefit officers of the region only', async () => {
      const { server } = get();
      now = new Date('2025-12-20T02:00:00.000Z');
      staff = await logIn(server, 'staff', { userName: 'payroll1', password: 'a-long-password-1' });
      const started = await staff.request({
        method: 'POST',
        url: '/api/payroll/runs',
        payload: { regionCode: '110000', period: '2025-12' },
      });
      expect([200, 202]).toContain(started.statusCode);
      const runId = (started.json() as { id: number }).id;
      await get().app.payroll.drain();
      const run = await staff.request({ method: 'GET', url: `/api/payroll/runs/${runId}` });
      expect(run.json()).toMatchObject({ status: 'done', step: 'done', linesPaid: 4 });

      const bad = await staff.request({
        method: 'POST',
        url: '/api/payroll/runs',
        payload: { regionCode: '110000', period: '2026-05' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ detailCode: 'period-in-future' });
      const malformed = await staff.request({
        method: 'POST',
        url: '/api/payroll/runs',
        payload: { regionCode: '110000', period: '2025-13' },
      });
      expect(malformed.statusCode).toBe(400);

      const elsewhere = await staff.request({
        method: 'POST',
        url: '/api/payroll/runs',
        payload: { regionCode: '310000', period: '2025-12' },
      });
      expect(elsewhere.statusCode).toBe(403);
      const anonymous = await server.inject({ method: 'GET', url: `/api/payroll/runs/${runId}` });
      expect(anonymous.statusCode).toBe(401);

      const payments = await staff.request({
        method: 'GET',
        url: `/api/persons/${persons[0]}/pension-payments`,
      });
      expect(payments.statusCode).toBe(200);
      expect(
        (payments.json() as { awards: { payee: { accountMasked: string } }[] }).awards[0]!.payee
          .accountMasked,
      ).toBe(`****${ICBC_NEW.slice(-4)}`);
    });
  },
  { clock, env: { SHEBAO_DOCUMENTS_DIR: mkdtempSync(join(tmpdir(), 'shebao-payroll-')) } },
);

import { formatFenAsYuan, makeCreditCode, makeResidentId, PolicyBook } from '@shebao/domain';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { importBankStatement, resolveUnmatchedRow, runCollection } from '../../workflows/index.ts';
import { verifyLedger } from '../ledger/index.ts';
import { recordPayments } from '../payments/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { IMPORTER_EVERYWHERE, listUnmatchedRows, type ImportSummary } from './index.ts';

const clock = fixedClock('2025-08-20T02:00:00.000Z');
const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });
type ImportArgs = Parameters<typeof importBankStatement>;
const importAsOperator = (paymentDeps: ImportArgs[0], input: ImportArgs[1]) =>
  importBankStatement(paymentDeps, input, IMPORTER_EVERYWHERE);

async function expectVerified(db: Kysely<Database>) {
  const report = await verifyLedger(db);
  expect(report.checks.filter((check) => !check.ok)).toEqual([]);
}

async function countRows(db: Kysely<Database>, table: keyof Database) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function rowAt(summary: ImportSummary, lineNo: number) {
  return summary.rows.find((row) => row.lineNo === lineNo);
}

describeEachDatabase('bank statement import', (getDb) => {
  let employerCode = '';
  let workerIdNumber = '';
  let employerBill = { id: 0, total_fen: 0 };
  let workerBill = { id: 0, total_fen: 0 };
  let statement = '';
  let first: ImportSummary;
  const unknownEmployerCode = makeCreditCode('110000', 99_999_999);
  const unknownPersonId = makeResidentId('110101', '1990-01-01', 999);

  it('pays the matched rows in one batch and reports every other row with its line and reason', async () => {
    const db = getDb();
    const { employerIds, flexibleIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 2_000_000 }, { wageFen: 1_000_000 }] }],
      flexible: [{ baseFen: 1_000_000, startPeriod: '2025-07' }],
    });
    await runCollection(deps(db), { regionCode: '110000', period: '2025-07' });
    employerCode = (
      await db
        .selectFrom('employers')
        .select('credit_code')
        .where('id', '=', employerIds[0]!)
        .executeTakeFirstOrThrow()
    ).credit_code;
    workerIdNumber = (
      await db
        .selectFrom('persons')
        .select('id_number')
        .where('id', '=', flexibleIds[0]!)
        .executeTakeFirstOrThrow()
    ).id_number;
    const billOf = (payerKey: string) =>
      db
        .selectFrom('bills')
        .select(['id', 'total_fen'])
        .where('payer_key', '=', payerKey)
        .executeTakeFirstOrThrow();
    employerBill = await billOf(`E${employerIds[0]}`);
    workerBill = await billOf(`P${flexibleIds[0]}`);
    // A transfer recorded earlier through another channel, which the bank now reports as well.
    await recordPayments(deps(db), [
      {
        payerKey: `E${employerIds[0]}`,
        amountFen: 1_000,
        paidOn: '2025-08-01',
        bankReference: 'BK-OLD',
        channel: 'cli',
      },
    ]);

    statement = [
      'bank_reference,payer_code,payer_name,amount,paid_on',
      `R-001,${employerCode},"Employer 1, Ltd",${formatFenAsYuan(employerBill.total_fen)},2025-08-10`,
      `R-002,${workerIdNumber.toLowerCase()},Person,${formatFenAsYuan(workerBill.total_fen)},2025-08-12`,
      `R-003,${employerCode},Employer 1,12.345,2025-08-12`,
      `R-004,${employerCode},Employer 1,100.00,2025-13-01`,
      `R-005,${unknownEmployerCode},Somebody Else,500.00,2025-08-13`,
      `R-001,${employerCode},Employer 1,1.00,2025-08-10`,
      `BK-OLD,${employerCode},Employer 1,10.00,2025-08-01`,
      `R-006,${unknownPersonId},A Stranger,80.00,2025-08-14`,
      `R-007,not-a-code,Someone,20.00,2025-08-14`,
      // A second transfer of the same payer in the batch: its bill is paid already, so it is kept as credit.
      `R-008,${employerCode},Employer 1,1.00,2025-08-14`,
      '',
    ].join('\r\n');
    const paymentsBefore = await countRows(db, 'payments');
    first = await importAsOperator(deps(db), { fileName: 'boc-2025-08-14.csv', content: statement });

    expect(first).toMatchObject({ replayed: false, rowsTotal: 10, matched: 3, unmatched: 4, invalid: 3 });
    expect(first.rows.map((row) => [row.lineNo, row.status])).toEqual([
      [2, 'matched'],
      [3, 'matched'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'unmatched'],
      [7, 'invalid'],
      [8, 'unmatched'],
      [9, 'unmatched'],
      [10, 'unmatched'],
      [11, 'matched'],
    ]);
    expect(rowAt(first, 2)!.paymentNo).toMatch(/^PAY20250810/);
    expect(rowAt(first, 2)!.reason).toBeUndefined();
    expect(rowAt(first, 4)!.reason).toBe('amount: "12.345" has more than 2 decimal places');
    expect(rowAt(first, 5)!.reason).toMatch(/^paid_on: "2025-13-01" is not a calendar date/);
    expect(rowAt(first, 6)!.reason).toBe(`payer_code: no employer with credit code ${unknownEmployerCode}`);
    expect(rowAt(first, 7)!.reason).toBe('bank_reference: R-001 already appears on line 2');
    expect(rowAt(first, 8)!.reason).toMatch(/^bank_reference: BK-OLD was already recorded as payment PAY/);
    expect(rowAt(first, 9)!.reason).toBe('payer_code: no insured person with that identity number');
    expect(rowAt(first, 10)!.reason).toMatch(/"not-a-code" is neither a credit code nor an identity number/);
    // The same reasons as codes with their values, stored with the rows and given back.
    expect(rowAt(first, 4)!.reasons).toEqual([
      { code: 'amount-too-many-decimals', params: { text: '12.345', scale: 2 } },
    ]);
    expect(rowAt(first, 6)!.reasons).toEqual([
      { code: 'no-employer', params: { creditCode: unknownEmployerCode } },
    ]);
    expect(rowAt(first, 8)!.reasons).toEqual([
      {
        code: 'already-recorded',
        params: { reference: 'BK-OLD', paymentNo: expect.stringMatching(/^PAY/) as unknown as string },
      },
    ]);
    expect(rowAt(first, 2)!.reasons).toBeUndefined();
    expect(await countRows(db, 'payments')).toBe(paymentsBefore + 3);
    const credit = await db
      .selectFrom('payments')
      .select('unapplied_fen')
      .where('bank_reference', '=', 'R-008')
      .executeTakeFirstOrThrow();
    expect(credit.unapplied_fen).toBe(100);
  });

  it('paid the bills of the matched rows and stored every row', async () => {
    const db = getDb();
    for (const bill of [employerBill, workerBill]) {
      const paid = await db
        .selectFrom('bills')
        .select('paid_fen')
        .where('id', '=', bill.id)
        .executeTakeFirstOrThrow();
      expect(paid.paid_fen).toBe(bill.total_fen);
    }
    const rows = await db
      .selectFrom('bank_statement_rows as r')
      .leftJoin('payments as p', 'p.id', 'r.payment_id')
      .select(['r.line_no', 'r.status', 'r.amount_fen', 'p.bank_reference', 'p.channel'])
      .where('r.import_id', '=', first.importId)
      .orderBy('r.line_no')
      .execute();
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({
      status: 'matched',
      amount_fen: employerBill.total_fen,
      bank_reference: 'R-001',
      channel: 'bank',
    });
    expect(rows.filter((row) => row.bank_reference !== null)).toHaveLength(3);
    await expectVerified(db);
  });

  it('changes nothing when the same file is imported again', async () => {
    const db = getDb();
    const before = await Promise.all(
      (['payments', 'bank_statement_rows', 'bank_statement_imports', 'journal_entries'] as const).map(
        (table) => countRows(db, table),
      ),
    );
    const again = await importAsOperator(deps(db), { fileName: 'renamed.csv', content: statement });
    expect(again).toEqual({ ...first, replayed: true });
    const after = await Promise.all(
      (['payments', 'bank_statement_rows', 'bank_statement_imports', 'journal_entries'] as const).map(
        (table) => countRows(db, table),
      ),
    );
    expect(after).toEqual(before);
  });

  it('records a file once when it is imported twice at the same time', async () => {
    const db = getDb();
    const content = `bank_reference,payer_code,payer_name,amount,paid_on\nR-010,${employerCode},Employer 1,3.00,2025-08-15\n`;
    const paymentsBefore = await countRows(db, 'payments');
    const [a, b] = await Promise.all(
      ['a.csv', 'b.csv'].map((fileName) => importAsOperator(deps(db), { fileName, content })),
    );
    expect(a!.importId).toBe(b!.importId);
    expect([a!.replayed, b!.replayed].sort()).toEqual([false, true]);
    expect(await countRows(db, 'payments')).toBe(paymentsBefore + 1);
    await expectVerified(db);
  });

  it('stores no row when the payments fail, so the rows and the payments commit together', async () => {
    const db = getDb();
    const { employerIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 800_000 }] }],
    });
    await runCollection(deps(db), { regionCode: '110000', period: '2025-07' });
    const code = (
      await db
        .selectFrom('employers')
        .select('credit_code')
        .where('id', '=', employerIds[0]!)
        .executeTakeFirstOrThrow()
    ).credit_code;
    // Paid four days after the due date (2025-08-15), so a late fee is due: its rate is missing below.
    const content = `bank_reference,payer_code,payer_name,amount,paid_on\nR-020,${code},Employer 2,100.00,2025-08-19\n`;
    const tables = [
      'payments',
      'bank_statement_rows',
      'bank_statement_imports',
      'journal_entries',
      'bills',
    ] as const;
    const before = await Promise.all(tables.map((table) => countRows(db, table)));
    const withoutRates = { ...deps(db).policy, loadBook: async () => new PolicyBook([]) };
    await expect(
      importAsOperator({ ...deps(db), policy: withoutRates }, { fileName: 'late.csv', content }),
    ).rejects.toThrow(/lateFee\.dailyRate/);
    expect(await Promise.all(tables.map((table) => countRows(db, table)))).toEqual(before);

    const summary = await importAsOperator(deps(db), { fileName: 'late.csv', content });
    expect(summary).toMatchObject({ replayed: false, matched: 1 });
    await expectVerified(db);
  });

  it('holds a transfer already waiting for review when another statement repeats it', async () => {
    const db = getDb();
    const summary = await importAsOperator(deps(db), {
      fileName: 'boc-2025-08-15.csv',
      content: `bank_reference,payer_code,payer_name,amount,paid_on\nR-006,${unknownPersonId},A Stranger,80.00,2025-08-14\n`,
    });
    expect(summary.rows).toEqual([
      {
        lineNo: 2,
        status: 'unmatched',
        reason: `bank_reference: R-006 already waits for review (import ${first.importId}, line 9)`,
        reasons: [
          { code: 'already-waiting', params: { reference: 'R-006', importId: first.importId, lineNo: 9 } },
        ],
      },
    ]);
  });

  it('refuses a file without the required columns, writing nothing', async () => {
    const db = getDb();
    const before = await countRows(db, 'bank_statement_imports');
    await expect(
      importAsOperator(deps(db), { fileName: 'x.csv', content: 'reference,amount\nR-9,1.00\n' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'content' });
    await expect(importAsOperator(deps(db), { fileName: '', content: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'fileName',
    });
    expect(await countRows(db, 'bank_statement_imports')).toBe(before);
  });

  it('lists the rows waiting for review', async () => {
    const rows = await listUnmatchedRows(deps(getDb()));
    expect(rows.map((row) => [row.fileName, row.lineNo, row.bankReference])).toEqual([
      ['boc-2025-08-14.csv', 6, 'R-005'],
      ['boc-2025-08-14.csv', 8, 'BK-OLD'],
      ['boc-2025-08-14.csv', 9, 'R-006'],
      ['boc-2025-08-14.csv', 10, 'R-007'],
      ['boc-2025-08-15.csv', 2, 'R-006'],
    ]);
    expect(rows[0]).toMatchObject({ amountFen: 50_000, paidOn: '2025-08-13', payerName: 'Somebody Else' });
    expect(rows[0]!.reasons).toEqual([{ code: 'no-employer', params: { creditCode: unknownEmployerCode } }]);
    // An identity number in a list is masked; the reviewer names the payer in full to resolve the row.
    const stranger = rows.find((row) => row.bankReference === 'R-006')!;
    expect(stranger.payerCode).toBe(
      `${unknownPersonId.slice(0, 6)}${'*'.repeat(8)}${unknownPersonId.slice(-4)}`,
    );
  });

  it('records the payment of a row once staff name the payer, and marks the row resolved', async () => {
    const db = getDb();
    const [row] = await listUnmatchedRows(deps(db));
    const resolved = await resolveUnmatchedRow(deps(db), { rowId: row!.rowId, payerCode: employerCode });
    expect(resolved.receipt).toMatchObject({
      amountFen: 50_000,
      bankReference: 'R-005',
      paidOn: '2025-08-13',
    });
    const stored = await db
      .selectFrom('bank_statement_rows as r')
      .innerJoin('payments as p', 'p.id', 'r.payment_id')
      .select(['r.status', 'p.payment_no', 'p.channel'])
      .where('r.id', '=', row!.rowId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'resolved', payment_no: resolved.paymentNo, channel: 'bank' });
    await expect(
      resolveUnmatchedRow(deps(db), { rowId: row!.rowId, payerCode: employerCode }),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'rowId' });
    await expect(
      resolveUnmatchedRow(deps(db), { rowId: 999_999, payerCode: employerCode }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'rowId',
    });
    await expectVerified(db);
  });

  it('links a repeated transfer to the payment recorded before, and only for the same payer', async () => {
    const db = getDb();
    const repeated = (await listUnmatchedRows(deps(db))).find((row) => row.bankReference === 'BK-OLD')!;
    const paymentsBefore = await countRows(db, 'payments');
    await expect(
      resolveUnmatchedRow(deps(db), { rowId: repeated.rowId, payerCode: workerIdNumber }),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'payerCode' });
    // The refusal rolled back the whole resolution: the row still waits.
    expect((await listUnmatchedRows(deps(db))).some((row) => row.rowId === repeated.rowId)).toBe(true);
    const linked = await resolveUnmatchedRow(deps(db), { rowId: repeated.rowId, payerCode: employerCode });
    expect(linked.receipt).toBeNull();
    expect(linked.paymentNo).toBe(rowAt(first, 8)!.reason!.match(/(PAY\w+)/)![1]);
    expect(await countRows(db, 'payments')).toBe(paymentsBefore);
  });

  it('refuses an unknown payer and leaves the row waiting', async () => {
    const db = getDb();
    const waiting = (await listUnmatchedRows(deps(db))).find((row) => row.bankReference === 'R-007')!;
    await expect(
      resolveUnmatchedRow(deps(db), { rowId: waiting.rowId, payerCode: unknownEmployerCode }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'payerCode' });
    expect((await listUnmatchedRows(deps(db))).some((row) => row.rowId === waiting.rowId)).toBe(true);
    await expectVerified(db);
  });

  it("leaves the rows of payers outside the importer's regions waiting for review, unpaid", async () => {
    const db = getDb();
    const before = await countRows(db, 'payments');
    const elsewhere = await importBankStatement(
      deps(db),
      {
        fileName: 'other-district.csv',
        content: [
          'bank_reference,payer_code,payer_name,amount,paid_on',
          `RX-1,${employerCode},Employer 1,10.00,2025-08-15`,
          `RX-2,${workerIdNumber},Person,10.00,2025-08-15`,
          `RX-3,${unknownPersonId},A Stranger,10.00,2025-08-15`,
          '',
        ].join('\n'),
      },
      { actsEverywhere: false, mayActIn: (regionCode) => regionCode.startsWith('12') },
    );
    // A payer elsewhere reads as one not registered at all: a statement tells nobody where people are.
    const inRegions = 'in the regions this account may act in';
    const nobody = `payer_code: no insured person with that identity number ${inRegions}`;
    expect(elsewhere.rows.map((row) => [row.lineNo, row.status, row.reason])).toEqual([
      [2, 'unmatched', expect.stringContaining(`no employer with credit code ${employerCode} ${inRegions}`)],
      [3, 'unmatched', expect.stringContaining(nobody)],
      [4, 'unmatched', expect.stringContaining(nobody)],
    ]);
    // The codes say the same: a person elsewhere and a person unknown are one code, naming no one.
    expect(elsewhere.rows.map((row) => row.reasons)).toEqual([
      [{ code: 'not-in-importer-regions', params: { creditCode: employerCode } }],
      [{ code: 'not-in-importer-regions', params: {} }],
      [{ code: 'not-in-importer-regions', params: {} }],
    ]);
    expect(await countRows(db, 'payments')).toBe(before);
    await expectVerified(db);
  });
});

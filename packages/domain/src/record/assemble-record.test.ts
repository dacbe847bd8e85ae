import { describe, expect, it } from 'vitest';
import { assembleRecord } from './assemble-record.ts';
import type { LineTuple, RecordRows } from './record-rows.ts';

/** A line of `period` on bill `billId` of `payerKey`: base 10,000 yuan, pension 16% + 8%, medical 2%. */
function line(
  period: string,
  billId: number,
  payerKey: string,
  bill: { paidFen: number; totalFen: number; dueDate: string; kind?: string },
): LineTuple {
  const employer = payerKey.startsWith('E');
  return [
    period,
    billId,
    1_000_000,
    1_000_000,
    1_000_000,
    1_000_000,
    160_000,
    80_000,
    employer ? 98_000 : 0,
    20_000,
    0,
    0,
    0,
    0,
    80_000,
    20_000,
    payerKey,
    employer ? 7 : null,
    bill.kind ?? 'regular',
    bill.paidFen,
    bill.totalFen,
    employer ? 'Acme' : null,
    bill.dueDate,
  ];
}

const paid = (dueDate: string) => ({ paidFen: 1, totalFen: 1, dueDate });

describe('assembleRecord: a rights record from its rows, without a database', () => {
  const rows: RecordRows = {
    person: [1, '110101199003074514', 'Li Lei', '110000'],
    from: '2026-01',
    to: '2026-12',
    today: '2026-12-06',
    // January to March with an employer, then a break, then October and November on the person's own.
    years: [[2026, 0b11000000111, 0b11000000111, 0, 0, 0, 0b11000000111]],
    unpaidPeriods: ['2026-11'],
    lines: [
      line('2026-01', 1, 'E7', paid('2026-02-15')),
      line('2026-02', 2, 'E7', paid('2026-03-15')),
      line('2026-03', 3, 'E7', paid('2026-04-15')),
      line('2026-10', 4, 'P1', paid('2026-11-15')),
      line('2026-11', 5, 'P1', { paidFen: 0, totalFen: 1, dueDate: '2026-12-15' }),
    ],
    accountOpening: [500_000, 0],
    accountEntries: [
      ['2026-01', 'credit', 80_000, 20_000],
      ['2026-03', 'medical-spending', 0, -6_000],
      ['2026-04', 'medical-spending', 0, -1_500],
      ['2026-04', 'medical-refund', 0, 1_500],
      ['2026-12', 'interest', 10_000, 0],
    ],
  };
  const record = assembleRecord(rows);

  it('nets months per payer and keeps owed apart from overdue', () => {
    expect(record.months.map((month) => [month.period, month.payerKey, month.status])).toEqual([
      ['2026-01', 'E7', 'paid'],
      ['2026-02', 'E7', 'paid'],
      ['2026-03', 'E7', 'paid'],
      ['2026-10', 'P1', 'paid'],
      ['2026-11', 'P1', 'owed'],
    ]);
    expect(record.months[4]!.dueDate).toBe('2026-12-15');
    expect(record.totals).toMatchObject({ owedMonths: 1, dueMonths: 0, overdueMonths: 0 });
    expect(record.person.idNumberMasked).toBe('110101********4514');
  });

  it('counts contribution months per insurance, paid or not, and finds the interruption', () => {
    const pension = record.contributionMonths.find((months) => months.insurance === 'pension')!;
    expect(pension).toEqual({ insurance: 'pension', inRange: 5, cumulative: 5, cumulativePaid: 4 });
    expect(record.gaps).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    expect(record.firstPeriod).toBe('2026-01');
    expect(record.lastPeriod).toBe('2026-11');
  });

  it('carries the account balance from before the range and credits the year with its interest', () => {
    expect(record.accounts.pension).toEqual([
      {
        year: 2026,
        openingFen: 500_000,
        contributionsFen: 80_000,
        interestFen: 10_000,
        spentFen: 0,
        closingFen: 590_000,
      },
    ]);
  });

  it('keeps what claims spent from the medical account apart from what was credited to it', () => {
    const [year] = record.accounts.medical;
    expect(year).toMatchObject({ contributionsFen: 20_000, spentFen: 6_000 });
    expect(year!.closingFen).toBe(
      year!.openingFen + year!.contributionsFen + year!.interestFen - year!.spentFen,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { addMonths } from '../../time/index.ts';
import { monthlyEntitlement, versionInForce, type AwardVersion } from './monthly-entitlement.ts';

const award: AwardVersion[] = [{ version: 1, validFrom: '2025-08', monthlyFen: 200_000 }];
/** Every month from `from` up to the one before `to`, paid `amountFen`. */
function paid(from: string, to: string, amountFen: number) {
  const rows = [];
  for (let period = from; period < to; period = addMonths(period, 1)) rows.push({ period, amountFen });
  return rows;
}

describe('a month of an award on the payroll', () => {
  it('pays the month by the version in force, and nothing more when every earlier month is settled', () => {
    const line = monthlyEntitlement({
      versions: award,
      period: '2025-10',
      paid: paid('2025-08', '2025-10', 200_000),
    });
    expect(line).toMatchObject({ currentFen: 200_000, differences: [], netFen: 200_000, recoveryFen: 0 });
  });

  it('pays the arrears of a raise published late for exactly the months it covers', () => {
    // A 2% raise from January, published in July: 2,040.00 for July and 6 × 40.00 for January to June.
    const versions = [...award, { version: 2, validFrom: '2026-01', monthlyFen: 204_000 }];
    const line = monthlyEntitlement({
      versions,
      period: '2026-07',
      paid: paid('2025-08', '2026-07', 200_000),
    });
    expect(line.currentFen).toBe(204_000);
    expect(line.differences.map((difference) => [difference.period, difference.differenceFen])).toEqual([
      ['2026-01', 4_000],
      ['2026-02', 4_000],
      ['2026-03', 4_000],
      ['2026-04', 4_000],
      ['2026-05', 4_000],
      ['2026-06', 4_000],
    ]);
    expect(line.netFen).toBe(228_000);
    expect(line.explanation.formula).toContain('= 2280.00');
  });

  it('nets a correction that lowers the amount against the month paid now', () => {
    // Corrected to 1,900.00 from October after October and November were paid at 2,000.00.
    const versions = [...award, { version: 2, validFrom: '2025-10', monthlyFen: 190_000 }];
    const line = monthlyEntitlement({
      versions,
      period: '2025-12',
      paid: paid('2025-08', '2025-12', 200_000),
    });
    expect(line).toMatchObject({ currentFen: 190_000, netFen: 170_000, recoveryFen: 0 });
  });

  it('withholds suspended months and pays them back once survival is verified again', () => {
    const withheld = monthlyEntitlement({
      versions: award,
      period: '2026-04',
      paid: paid('2025-08', '2026-03', 200_000),
      suspended: new Set(['2026-03', '2026-04']),
    });
    expect(withheld).toMatchObject({ withheld: true, currentFen: 0, differences: [], netFen: 0 });
    // Verified in May: March and April are paid with May.
    const resumed = monthlyEntitlement({
      versions: award,
      period: '2026-05',
      paid: paid('2025-08', '2026-03', 200_000),
    });
    expect(resumed.differences.map((difference) => difference.period)).toEqual(['2026-03', '2026-04']);
    expect(resumed.netFen).toBe(600_000);
  });

  it('owes nothing after the month of death and turns what was paid after it into a recovery', () => {
    const line = monthlyEntitlement({
      versions: award,
      period: '2026-05',
      paid: paid('2025-08', '2026-05', 200_000),
      deathMonth: '2026-02',
    });
    expect(line).toMatchObject({ currentFen: 0, netFen: 0, recoveryFen: 400_000 });
    expect(line.differences.map((difference) => [difference.period, difference.differenceFen])).toEqual([
      ['2026-03', -200_000],
      ['2026-04', -200_000],
    ]);
  });

  it('takes the highest version that has begun, and refuses what cannot be', () => {
    const versions = [
      ...award,
      { version: 2, validFrom: '2026-01', monthlyFen: 204_000 },
      { version: 3, validFrom: '2025-08', monthlyFen: 201_000 },
    ];
    expect(versionInForce(versions, '2026-03')?.version).toBe(3);
    expect(versionInForce(versions, '2025-07')).toBeUndefined();
    expect(() => monthlyEntitlement({ versions: [], period: '2026-01', paid: [] })).toThrow(/versions/);
    expect(() =>
      monthlyEntitlement({ versions: award, period: '2026-01', paid: [{ period: '2026-01', amountFen: 1 }] }),
    ).toThrow(/paid.period/);
  });
});

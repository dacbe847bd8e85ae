import { describe, expect, it } from 'vitest';
import { claimInputOf, typedPercentToPpm, type ClaimValues } from './claim-form-values.ts';

describe('the counter’s claim form', () => {
  it('reads shares in percent exactly into ppm', () => {
    expect(typedPercentToPpm('10')).toBe(100_000);
    expect(typedPercentToPpm(' 12.5% ')).toBe(125_000);
    expect(typedPercentToPpm('100')).toBe(1_000_000);
    expect(typedPercentToPpm('0')).toBe(0);
    expect(typedPercentToPpm('100.01')).toBeNull();
    expect(typedPercentToPpm('-1')).toBeNull();
    expect(typedPercentToPpm('ten')).toBeNull();
    expect(typedPercentToPpm('')).toBeNull();
  });

  const values: ClaimValues = {
    idNumber: ' 11010519491231002x ',
    kind: 'outpatient',
    visitDate: '2026-11-20',
    dischargeDate: '2026-11-25',
    department: '  ',
    diagnosis: ' 高血压 ',
    items: [
      {
        code: ' 001 ',
        name: '诊查费',
        itemClass: 'full',
        quantity: 1,
        amount: '1,234.50',
        selfPayShare: '10',
      },
      { code: 'X1', name: '阿莫西林', itemClass: 'part', quantity: 2, amount: '86', selfPayShare: '10%' },
    ],
    useAccount: false,
    relativePays: true,
    accountHolderIdNumber: '110105194912310029',
    accountHolderRelation: 'child',
  };

  it('sends amounts in fen, shares only for part-covered items, a discharge only for a stay', () => {
    expect(claimInputOf(7, values)).toEqual({
      institutionId: 7,
      idNumber: '11010519491231002X',
      kind: 'outpatient',
      visitDate: '2026-11-20',
      diagnosis: '高血压',
      items: [
        { code: '001', name: '诊查费', itemClass: 'full', quantity: 1, amountFen: 123_450 },
        {
          code: 'X1',
          name: '阿莫西林',
          itemClass: 'part',
          quantity: 2,
          amountFen: 8_600,
          selfPaySharePpm: 100_000,
        },
      ],
      useAccount: false,
    });
  });

  it('names a relative’s account only when the account pays', () => {
    const input = claimInputOf(7, { ...values, kind: 'inpatient', useAccount: true });
    expect(input).toMatchObject({
      dischargeDate: '2026-11-25',
      useAccount: true,
      accountHolderIdNumber: '110105194912310029',
      accountHolderRelation: 'child',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { fundOf, INSURANCES } from '../policy/dimensions.ts';
import {
  ACCOUNT_COLUMNS,
  AMOUNT_COLUMNS,
  amountColumnOf,
  amountsFromColumns,
  BASE_COLUMNS,
  baseColumnOf,
  EMPLOYEE_COLUMNS,
  EMPLOYER_COLUMNS,
  emptyPersonMonth,
  INSURANCE_COLUMNS,
  lineColumnsOf,
  personMonthTotalFen,
} from './insurance-columns.ts';

describe('the insurance-column catalogue', () => {
  it('names fourteen line columns: four bases, eight amounts, two account parts', () => {
    expect(INSURANCE_COLUMNS).toHaveLength(14);
    expect([BASE_COLUMNS.length, AMOUNT_COLUMNS.length, ACCOUNT_COLUMNS.length]).toEqual([4, 8, 2]);
    expect(EMPLOYER_COLUMNS.length + EMPLOYEE_COLUMNS.length).toBe(AMOUNT_COLUMNS.length);
  });

  it('spells each stored column as its calculator field, and pays each amount into its insurance’s fund', () => {
    for (const column of INSURANCE_COLUMNS) {
      expect(column.column).toBe(column.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
      expect(column.fund).toBe(fundOf(column.insurance));
    }
    expect(new Set(INSURANCE_COLUMNS.map((column) => column.column)).size).toBe(14);
  });

  it('has an employer amount for every insurance, an employee amount where employees pay', () => {
    for (const insurance of INSURANCES) expect(amountColumnOf(insurance, 'employer')).toBeDefined();
    expect(EMPLOYEE_COLUMNS.map((column) => column.insurance)).toEqual([
      'pension',
      'medical',
      'unemployment',
    ]);
    expect(baseColumnOf('maternity').column).toBe('medical_base_fen');
    expect(baseColumnOf('work_injury').column).toBe('work_injury_base_fen');
  });

  it('converts between stored columns and amounts, and totals only what the parties pay', () => {
    const amounts = { ...emptyPersonMonth(), pensionBaseFen: 500_000, pensionEmployerFen: 80_000 };
    amounts.pensionEmployeeFen = 40_000;
    amounts.pensionAccountFen = 40_000;
    amounts.maternityEmployerFen = 4_000;
    const columns = lineColumnsOf(amounts);
    expect(columns.pension_employer_fen).toBe(80_000);
    expect(columns.medical_employer_fen).toBe(0);
    expect(amountsFromColumns(columns)).toEqual(amounts);
    expect(personMonthTotalFen(amounts)).toBe(124_000);
  });
});

import { describe, expect, it } from 'vitest';
import { residentWaitingPeriod } from './waiting-period.ts';

const base = {
  year: 2025,
  paidOn: '2024-11-10',
  inConcentratedPeriod: true,
  gapYears: 0,
  repairedYears: 0,
  newborn: false,
};

describe('the residents’ waiting period (GBF-2024-LT)', () => {
  it('is none for continuous enrolment paid in the concentrated period', () => {
    expect(residentWaitingPeriod(base).coveredFrom).toBe('2025-01-01');
  });

  it('is three months for someone joining outside the concentrated period', () => {
    const wait = residentWaitingPeriod({ ...base, paidOn: '2025-03-15', inConcentratedPeriod: false });
    expect(wait.fixedMonths).toBe(3);
    expect(wait.variableMonths).toBe(0);
    expect(wait.coveredFrom).toBe('2025-06-15');
  });

  it('adds a month for each year of gap, less the years repaired', () => {
    const wait = residentWaitingPeriod({ ...base, gapYears: 2, repairedYears: 1 });
    expect(wait.variableMonths).toBe(1);
    expect(wait.coveredFrom).toBe('2025-05-01');
  });

  it('never falls under six months in all after four years of gap, even repaired', () => {
    const wait = residentWaitingPeriod({ ...base, gapYears: 5, repairedYears: 5 });
    expect(wait.fixedMonths + wait.variableMonths).toBe(6);
    expect(wait.coveredFrom).toBe('2025-07-01');
  });

  it('spares a newborn', () => {
    const wait = residentWaitingPeriod({
      ...base,
      paidOn: '2025-04-02',
      inConcentratedPeriod: false,
      newborn: true,
    });
    expect(wait.coveredFrom).toBe('2025-04-02');
  });
});

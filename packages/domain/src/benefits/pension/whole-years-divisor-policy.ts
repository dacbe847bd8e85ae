import { formatAgeMonths } from '../../retirement/index.ts';
import type { DivisorPolicy } from './divisor-policy.ts';
import { lookUpDivisor } from './divisor-table.ts';

/** Uses the divisor of the completed age in years: 60 years 11 months takes D(60). */
export const wholeYearsDivisorPolicy: DivisorPolicy = {
  name: 'whole-years',
  description: 'divisor of the completed age in years',
  resolveDivisor(retirementAgeMonths, divisors) {
    const ageYears = Math.floor(retirementAgeMonths / 12);
    const months = lookUpDivisor(divisors, ageYears, retirementAgeMonths);
    return {
      divisor: { numerator: months, denominator: 1 },
      working: `completed age of ${formatAgeMonths(retirementAgeMonths)} is ${ageYears}: D(${ageYears}) = ${months}`,
    };
  },
};

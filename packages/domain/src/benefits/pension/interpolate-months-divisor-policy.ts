import { formatAgeMonths } from '../../retirement/index.ts';
import type { DivisorPolicy } from './divisor-policy.ts';
import { lookUpDivisor } from './divisor-table.ts';
import { formatRatio } from '../../money/index.ts';

/**
 * Linear interpolation between this age's and the next age's divisor by the extra months, kept exact in
 * twelfths: D = (12 × D(a) + m × (D(a+1) − D(a))) / 12. Some implementers use this for ages like 60y3m.
 */
export const interpolateMonthsDivisorPolicy: DivisorPolicy = {
  name: 'interpolate-months',
  description: 'linear interpolation between whole-year divisors by the extra months',
  resolveDivisor(retirementAgeMonths, divisors) {
    const ageYears = Math.floor(retirementAgeMonths / 12);
    const extraMonths = retirementAgeMonths - ageYears * 12;
    const lower = lookUpDivisor(divisors, ageYears, retirementAgeMonths);
    if (extraMonths === 0) {
      return {
        divisor: { numerator: lower, denominator: 1 },
        working: `age ${formatAgeMonths(retirementAgeMonths)} is whole: D(${ageYears}) = ${lower}`,
      };
    }
    const upper = lookUpDivisor(divisors, ageYears + 1, retirementAgeMonths);
    const twelfths = 12 * lower + extraMonths * (upper - lower);
    return {
      divisor: { numerator: twelfths, denominator: 12 },
      working:
        `D(${ageYears}) + (D(${ageYears + 1}) − D(${ageYears})) × ${extraMonths}/12 = ` +
        `${lower} + (${upper} − ${lower}) × ${extraMonths}/12 = ${formatRatio(BigInt(twelfths), 12n)}`,
    };
  },
};

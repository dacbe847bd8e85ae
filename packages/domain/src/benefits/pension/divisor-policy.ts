import type { DivisorTable } from './divisor-table.ts';

/** An exact positive rational; whole numbers keep it JSON-friendly (no bigint in results). */
export interface Ratio {
  numerator: number;
  denominator: number;
}

export interface ResolvedDivisor {
  divisor: Ratio;
  /** How the divisor was obtained, with numbers, e.g. "D(60) + (D(61) − D(60)) × 6/12 = 135.5". */
  working: string;
}

/**
 * How a retirement age in months maps onto the whole-year divisor table. The rule for fractional ages
 * under NPC-2024 is not confirmed (docs/RULES.md 4.5), so it is a named, replaceable policy.
 */
export interface DivisorPolicy {
  readonly name: string;
  readonly description: string;
  resolveDivisor(retirementAgeMonths: number, divisors: DivisorTable): ResolvedDivisor;
}

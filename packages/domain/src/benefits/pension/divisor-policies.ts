import type { DivisorPolicy } from './divisor-policy.ts';
import { interpolateMonthsDivisorPolicy } from './interpolate-months-divisor-policy.ts';
import { createPluginRegistry } from './plugin-registry.ts';
import { wholeYearsDivisorPolicy } from './whole-years-divisor-policy.ts';

export type DivisorPolicyName = 'whole-years' | 'interpolate-months';

export const DEFAULT_DIVISOR_POLICY: DivisorPolicyName = 'whole-years';

export const divisorPolicyRegistry = createPluginRegistry<DivisorPolicy>('divisor policy', [
  wholeYearsDivisorPolicy,
  interpolateMonthsDivisorPolicy,
]);

/** Accepts a policy object or a registered name (as stored in policy parameters). */
export function resolveDivisorPolicy(policy: DivisorPolicy | string = DEFAULT_DIVISOR_POLICY): DivisorPolicy {
  return typeof policy === 'string' ? divisorPolicyRegistry.get(policy, 'divisorPolicy') : policy;
}
